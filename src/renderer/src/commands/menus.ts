import type { TFunction } from 'i18next';
import { shortcutLabel } from '../editor/keymap';
import { COMMAND_MENUS, isEnabled, type AppCommand, type CommandContext } from './types';

/** One entry of a menu as the menu bar draws it: a command's label, shortcut and state, or a separator. */
export type MenuItem =
  | { id: string; label: string; shortcut?: string; disabled?: boolean; checked?: boolean; run(): void }
  | { id: string; separator: true };

export interface Menu {
  id: string;
  label: string;
  items: MenuItem[];
}

/**
 * The window's menus from the command registry: each command in the menu it
 * names, in registry order, a separator between groups. A menu with no command
 * is left out.
 */
export function buildMenus(commands: readonly AppCommand[], ctx: CommandContext, t: TFunction): Menu[] {
  return COMMAND_MENUS.flatMap((menuId) => {
    const items: MenuItem[] = [];
    let group: string | undefined;
    for (const command of commands.filter((c) => c.menu === menuId)) {
      if (items.length && command.group !== group) items.push({ id: `sep-${command.id}`, separator: true });
      group = command.group;
      items.push({
        // Features keep their long-standing item id ("feature-export").
        id: command.group === 'features' ? `feature-${command.id}` : command.id,
        label: t(command.labelKey),
        ...(command.shortcut ? { shortcut: shortcutLabel(command.shortcut) } : {}),
        disabled: !isEnabled(command, ctx),
        ...(command.checked ? { checked: command.checked(ctx) } : {}),
        run: () => command.run(ctx),
      });
    }
    return items.length ? [{ id: menuId, label: t(`menu.${menuId}`), items }] : [];
  });
}
