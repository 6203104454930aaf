import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorController } from '../editor/controller';
import { canLinkHere, commands, isBlockActive, isMarkActive, isWrappedIn } from '../editor/commands';
import { SHORTCUTS, shortcutLabel } from '../editor/keymap';
import { marks, nodes } from '../editor/types';
import { commandById } from '../commands/app-commands';
import { isSuggesting } from '../editor/plugins/suggest/suggest-state';
import { LinkIcon } from './icons';

interface ToolDef {
  id: keyof typeof SHORTCUTS;
  icon: React.ReactNode;
  command?: Command;
  active?: (state: EditorState) => boolean;
  run?: (controller: EditorController) => void;
  enabled?: (state: EditorState) => boolean;
}

const TOOL_GROUPS: ToolDef[][] = [
  [
    { id: 'undo', icon: '↶', command: commands.undo },
    { id: 'redo', icon: '↷', command: commands.redo },
  ],
  [
    { id: 'bold', icon: 'B', command: commands.bold, active: (s) => isMarkActive(s, marks.strong) },
    { id: 'italic', icon: 'I', command: commands.italic, active: (s) => isMarkActive(s, marks.em) },
    {
      id: 'link',
      icon: <LinkIcon />,
      run: (c) => c.requestLink(),
      enabled: (s) => canLinkHere(s),
      active: (s) => isMarkActive(s, marks.link),
    },
  ],
  [
    { id: 'heading2', icon: 'H2', command: commands.heading2, active: (s) => isBlockActive(s, nodes.heading, { level: 2 }) },
    { id: 'heading3', icon: 'H3', command: commands.heading3, active: (s) => isBlockActive(s, nodes.heading, { level: 3 }) },
    { id: 'bulletList', icon: '•≡', command: commands.bulletList, active: (s) => isWrappedIn(s, nodes.bullet_list) },
    { id: 'orderedList', icon: '1.≡', command: commands.orderedList, active: (s) => isWrappedIn(s, nodes.ordered_list) },
    { id: 'blockquote', icon: '❝', command: commands.blockquote, active: (s) => isWrappedIn(s, nodes.blockquote) },
    { id: 'horizontalRule', icon: '―', command: commands.horizontalRule },
  ],
];
const TOOLS = TOOL_GROUPS.flat();

/**
 * Each tool's state as two letters (enabled, active), e.g. "e-d-ea…". A string
 * compares by value, so React re-renders the toolbar only when a button's state
 * actually changes, not on every keystroke.
 */
function toolFlags(state: EditorState): string {
  let out = '';
  for (const tool of TOOLS) {
    const enabled = tool.enabled ? tool.enabled(state) : tool.command ? tool.command(state) : true;
    out += (enabled ? 'e' : 'd') + (tool.active?.(state) ? 'a' : '-');
  }
  return out;
}

/** A command's label with its shortcut, as the registry names them ("Bold (Ctrl+B)"). */
function commandTitle(id: string, t: (key: string) => string): string {
  const command = commandById(id);
  if (!command) throw new Error(`the toolbar names a command the registry does not have: ${id}`);
  const label = t(command.labelKey);
  return command.shortcut ? `${label} (${shortcutLabel(command.shortcut)})` : label;
}

/**
 * Formatting toolbar. Labels and shortcuts come from the command registry. Follows the editor through a subscription that yields
 * only the buttons' flags; every button shows whether it applies and whether it
 * is on (`aria-pressed`). Disabled buttons stay focusable (`aria-disabled`) so
 * arrow keys reach every one. Buttons keep focus in the editor (mousedown is
 * prevented) so the selection survives a click.
 */
export function Toolbar({ controller, onInsertPhoto }: { controller: EditorController; /** Insert → photo: the file chooser, then figures at the caret. */ onInsertPhoto?: () => void }) {
  const { t } = useTranslation();
  const flags = useSyncExternalStore(controller.subscribe, () => toolFlags(controller.getState()));
  const suggesting = useSyncExternalStore(controller.subscribe, () => isSuggesting(controller.getState()));
  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={rovingArrows}>
      {TOOL_GROUPS.map((group, gi) => (
        <div className="toolbar-group" key={gi}>
          {group.map((tool) => {
            const i = index++;
            const enabled = flags[i * 2] === 'e';
            const active = flags[i * 2 + 1] === 'a';
            const label = commandTitle(tool.id, t);
            return (
              <button
                key={tool.id}
                type="button"
                className={`tool tool-${tool.id}`}
                aria-label={label}
                title={label}
                aria-pressed={tool.active ? active : undefined}
                aria-disabled={!enabled}
                tabIndex={tool.id === 'bold' ? 0 : -1}
                data-tool={tool.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  if (!enabled) return;
                  if (tool.run) tool.run(controller);
                  else if (tool.command) controller.run(tool.command);
                }}
              >
                <span aria-hidden="true">{tool.icon}</span>
              </button>
            );
          })}
        </div>
      ))}
      {onInsertPhoto && (
        <div className="toolbar-group">
          <button
            type="button"
            className="tool tool-photo"
            aria-label={commandTitle('insert-photo', t)}
            title={commandTitle('insert-photo', t)}
            tabIndex={-1}
            data-tool="photo"
            onMouseDown={(e) => e.preventDefault()}
            onClick={onInsertPhoto}
          >
            <span aria-hidden="true">▣</span>
          </button>
        </div>
      )}
      <div className="toolbar-group">
        <button
          type="button"
          className={`tool tool-suggest${suggesting ? ' on' : ''}`}
          aria-pressed={suggesting}
          title={`${t('suggest.toggleTitle')} (${shortcutLabel(commandById('suggest-mode')!.shortcut!)})`}
          tabIndex={-1}
          data-tool="suggest"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void controller.toggleSuggesting()}
        >
          <span aria-hidden="true">✎ </span>
          {t('suggest.toggle')}
        </button>
      </div>
    </div>
  );
}

/** Arrow keys move between toolbar buttons (one tab stop for the whole toolbar). */
function rovingArrows(event: React.KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft' && event.key !== 'Home' && event.key !== 'End') return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  if (!buttons.length) return;
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  let next = 0;
  if (event.key === 'ArrowRight') next = (index + 1) % buttons.length;
  else if (event.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
  else if (event.key === 'End') next = buttons.length - 1;
  buttons[next]?.focus();
  event.preventDefault();
}
