import { useTranslation } from 'react-i18next';
import { COMMAND_SHORTCUTS } from '../../../shared/menu-commands';
import { shortcutLabel } from '../editor/keymap';

/**
 * What an empty database shows in place of the editor: the three ways an
 * article arrives (write one, import a file, open a colleague's package), each
 * a button with its shortcut or menu path.
 */
export function FirstRun({ onNew, onImport, onOpenPackage }: { onNew(): void; onImport(): void; onOpenPackage(): void }) {
  const { t } = useTranslation();
  const ways = [
    { id: 'new', label: t('workflow.firstRun.new'), hint: t('workflow.firstRun.newHint'), keys: t('workflow.firstRun.newMenu'), run: onNew },
    { id: 'import', label: t('workflow.firstRun.import'), hint: t('workflow.firstRun.importHint'), keys: shortcutLabel(COMMAND_SHORTCUTS.import), run: onImport },
    { id: 'package', label: t('workflow.firstRun.openPackage'), hint: t('workflow.firstRun.openPackageHint'), keys: shortcutLabel(COMMAND_SHORTCUTS['open-package']), run: onOpenPackage },
  ];
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{t('workflow.firstRun.title')}</h2>
      <p>{t('workflow.firstRun.intro')}</p>
      <ul>
        {ways.map((w) => (
          <li key={w.id}>
            <button type="button" className={w.id === 'new' ? 'primary' : undefined} onClick={w.run}>
              {w.label}
            </button>
            <kbd>{w.keys}</kbd>
            <span>{w.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
