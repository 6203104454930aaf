import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Menu, MenuItem } from '../commands/menus';


/**
 * The window's menu bar (WAI-ARIA menubar pattern). F10 focuses it; arrow keys
 * move between menus and items, Enter or Space runs an item, Escape closes.
 */
export function MenuBar({ menus }: { menus: Menu[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const [focusItem, setFocusItem] = useState<number>(0);
  const bar = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F10' && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        returnFocus.current = document.activeElement as HTMLElement | null;
        bar.current?.querySelector<HTMLButtonElement>('[data-menu-index="0"]')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open === null) return;
    const onPointer = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // Focus the active item whenever a menu opens or the focused item changes.
  useEffect(() => {
    if (open === null) return;
    bar.current?.querySelector<HTMLButtonElement>(`[data-menu="${open}"] [data-item-index="${focusItem}"]`)?.focus();
  }, [open, focusItem]);

  const enabledItems = (menuIndex: number) =>
    menus[menuIndex]!.items.map((item, i) => ({ item, i })).filter(({ item }) => !('separator' in item) && !item.disabled).map(({ i }) => i);

  const openMenu = (index: number, which: 'first' | 'last' = 'first') => {
    const n = (index + menus.length) % menus.length;
    const items = enabledItems(n);
    setOpen(n);
    setFocusItem((which === 'first' ? items[0] : items[items.length - 1]) ?? 0);
  };

  const close = (focusButton: boolean) => {
    const index = open;
    setOpen(null);
    if (focusButton && index !== null) bar.current?.querySelector<HTMLButtonElement>(`[data-menu-index="${index}"]`)?.focus();
  };

  const runItem = (item: MenuItem) => {
    if ('separator' in item || item.disabled) return;
    setOpen(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back && document.contains(back)) back.focus();
    item.run();
  };

  const onBarKey = (e: React.KeyboardEvent, index: number) => {
    const buttons = () => Array.from(bar.current?.querySelectorAll<HTMLButtonElement>('[data-menu-index]') ?? []);
    switch (e.key) {
      case 'ArrowRight':
        if (open === null) buttons()[(index + 1) % menus.length]?.focus();
        else openMenu(index + 1);
        break;
      case 'ArrowLeft':
        if (open === null) buttons()[(index - 1 + menus.length) % menus.length]?.focus();
        else openMenu(index - 1);
        break;
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        if (open === null || e.currentTarget.hasAttribute('data-menu-index')) openMenu(index);
        break;
      case 'ArrowUp':
        openMenu(index, 'last');
        break;
      case 'Escape':
        if (open !== null) close(true);
        else returnFocus.current?.focus();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const onMenuKey = (e: React.KeyboardEvent, menuIndex: number) => {
    const items = enabledItems(menuIndex);
    const pos = items.indexOf(focusItem);
    switch (e.key) {
      case 'ArrowDown':
        setFocusItem(items[(pos + 1) % items.length] ?? 0);
        break;
      case 'ArrowUp':
        setFocusItem(items[(pos - 1 + items.length) % items.length] ?? 0);
        break;
      case 'Home':
        setFocusItem(items[0] ?? 0);
        break;
      case 'End':
        setFocusItem(items[items.length - 1] ?? 0);
        break;
      case 'ArrowRight':
        openMenu(menuIndex + 1);
        break;
      case 'ArrowLeft':
        openMenu(menuIndex - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(null);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="menubar" role="menubar" aria-label={t('menu.label')} ref={bar}>
      {menus.map((menu, mi) => (
        <div className="menu" key={menu.id} data-menu={mi}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === mi}
            data-menu-index={mi}
            tabIndex={mi === 0 ? 0 : -1}
            className="menu-button"
            onClick={() => (open === mi ? setOpen(null) : openMenu(mi))}
            onMouseEnter={() => open !== null && open !== mi && openMenu(mi)}
            onKeyDown={(e) => onBarKey(e, mi)}
          >
            {menu.label}
          </button>
          {open === mi && (
            <div className="menu-popup" role="menu" aria-label={menu.label} onKeyDown={(e) => onMenuKey(e, mi)}>
              {menu.items.map((item, ii) =>
                'separator' in item ? (
                  <div key={item.id} role="separator" className="menu-separator" />
                ) : (
                  <button
                    key={item.id}
                    type="button"
                    role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                    aria-checked={item.checked}
                    aria-disabled={item.disabled || undefined}
                    data-item-index={ii}
                    data-menu-item={item.id}
                    tabIndex={-1}
                    className="menu-item"
                    onClick={() => runItem(item)}
                    onMouseEnter={() => !item.disabled && setFocusItem(ii)}
                  >
                    <span>{item.label}</span>
                    {item.shortcut && <kbd>{item.shortcut}</kbd>}
                  </button>
                ),
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
