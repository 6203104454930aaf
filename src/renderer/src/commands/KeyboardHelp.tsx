import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../editor/keymap';
import { EDITOR_KEYS } from './editor-keys';
import { matchesQuery } from './search';
import { COMMAND_MENUS, type AppCommand } from './types';
import { commandKeys } from './use-command-keys';
import { useModal } from './use-modal';

interface HelpGroup {
  id: string;
  title: string;
  rows: { id: string; label: string; keys: string[] }[];
}

/**
 * Keyboard help (Ctrl+/ or F1): every shortcut of the command registry, grouped
 * by menu, then the editor's own keys; a search box narrows it (tone marks and đ
 * ignored). Keys are shown as on this machine (⌘ on macOS).
 */
export function KeyboardHelp({ commands, onClose }: { commands: readonly AppCommand[]; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const dialog = useModal(onClose);

  const groups: HelpGroup[] = [
    ...[...COMMAND_MENUS, undefined].map((menu) => ({
      id: menu ?? 'other',
      title: menu ? t(`menu.${menu}`) : t('keyboardHelp.other'),
      rows: commands.filter((c) => c.menu === menu && commandKeys(c).length).map((c) => ({ id: c.id, label: t(c.labelKey), keys: commandKeys(c).map(shortcutLabel) })),
    })),
    { id: 'editor', title: t('keyboardHelp.editorGroup'), rows: EDITOR_KEYS.map((k) => ({ id: k.labelKey, label: t(k.labelKey), keys: k.keys.map(shortcutLabel) })) },
  ]
    .map((g) => ({ ...g, rows: g.rows.filter((r) => matchesQuery(query, r.label, g.title, ...r.keys)) }))
    .filter((g) => g.rows.length);

  return (
    <dialog ref={dialog} className="keyboard-help" aria-labelledby={`${id}-title`}>
      <div className="keyboard-help-head">
        <h2 id={`${id}-title`}>{t('keyboardHelp.title')}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('keyboardHelp.close')}
        </button>
      </div>
      <input type="search" aria-label={t('keyboardHelp.search')} placeholder={t('keyboardHelp.search')} value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
      <div className="keyboard-help-groups">
        {groups.map((group) => (
          <section key={group.id} aria-labelledby={`${id}-${group.id}`} data-group={group.id}>
            <h3 id={`${id}-${group.id}`}>{group.title}</h3>
            <dl>
              {group.rows.map((row) => (
                <div key={row.id} className="keyboard-help-row" data-command={row.id}>
                  <dt>{row.label}</dt>
                  <dd>
                    {row.keys.map((key, i) => (
                      <kbd key={i}>{key}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        {!groups.length && <p>{t('keyboardHelp.empty')}</p>}
      </div>
    </dialog>
  );
}
