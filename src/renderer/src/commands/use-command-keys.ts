import { useEffect, type RefObject } from 'react';
import type { MenuCommand } from '../../../shared/bridge';
import { matchesShortcut } from '../app/shortcuts';
import { commandById } from './app-commands';
import { isEnabled, type AppCommand, type CommandContext } from './types';

/** All keys that run `command`: its shortcut and any further keys. */
export function commandKeys(command: AppCommand): string[] {
  return [...(command.shortcut ? [command.shortcut] : []), ...(command.moreKeys ?? [])];
}

/** The command a key press runs window-wide, if any (commands the editor's keymap handles are not). */
export function commandForKey(event: KeyboardEvent, commands: readonly AppCommand[]): AppCommand | undefined {
  return commands.find((c) => c.keysIn !== 'editor' && commandKeys(c).some((key) => matchesShortcut(event, key)));
}

/**
 * Bind the registry's keys to the window and run the commands the Electron
 * application menu sends, both against the current context. A key of a disabled
 * command is still taken (the browser does not save the page on Ctrl+S), but
 * nothing runs. While a modal dialog is open its own keys win.
 */
export function useCommandKeys(commands: readonly AppCommand[], context: RefObject<CommandContext>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const command = commandForKey(event, commands);
      if (!command) return;
      event.preventDefault();
      if (isEnabled(command, context.current)) command.run(context.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, context]);

  useEffect(() => {
    const bridge = window.newsroom;
    if (!bridge) return;
    return bridge.onMenuCommand((id: MenuCommand) => {
      const command = commandById(id, commands);
      if (command && isEnabled(command, context.current)) command.run(context.current);
    });
  }, [commands, context]);
}
