import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { documentFromStored, type StoredDocument } from '../../../../shared/document';

/**
 * Merging by hand after a conflict: this window's version, read-only beside the
 * editor (which holds the other version), one block per paragraph, to copy from.
 * It stays until closed; nothing here is saved.
 */
export function MineBeside({ mine, onClose }: { mine: StoredDocument; onClose(): void }) {
  const { t } = useTranslation();
  const blocks = useMemo(() => {
    const out: string[] = [];
    documentFromStored(mine).descendants((node) => {
      if (node.isTextblock) {
        out.push(node.textContent);
        return false;
      }
      return true;
    });
    return out.filter((text) => text.trim());
  }, [mine]);
  return (
    <aside className="mine-beside" aria-labelledby="mine-beside-title" data-testid="mine-beside">
      <div className="mine-beside-bar">
        <h2 id="mine-beside-title">{t('workflow.conflict.mineBeside')}</h2>
        <button type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      <p className="field-hint">{t('workflow.conflict.mineBesideHint')}</p>
      {blocks.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </aside>
  );
}
