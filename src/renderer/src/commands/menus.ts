import type { TFunction } from 'i18next';
import { shortcutLabel } from '../editor/keymap';
import type { Menu, MenuItem } from '../app/MenuBar';
import { COMMAND_MENUS, isEnabled, type AppCommand, type CommandContext } from './types';

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
