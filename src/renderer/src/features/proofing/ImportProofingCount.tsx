import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../shared/api';

/** The import review's line for one file: how many proofing findings the article would start with. */
export function ImportProofingCount({ client, importId, name }: { client: ApiClient; importId: string | null; name: string }) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<{ errors: number; warnings: number; info: number } | null>(null);
  useEffect(() => {
    if (!importId) return;
    let live = true;
    client
      .proofImport({ importId })
      .then((c) => live && setCounts(c))
      .catch(() => live && setCounts(null));
    return () => {
      live = false;
    };
  }, [client, importId]);
  if (!importId || !counts) return null;
  const total = counts.errors + counts.warnings + counts.info;
  return (
    <p className="import-proofing" data-testid="import-proofing" aria-label={`${name}: ${t('proofing.panelTitle')}`}>
      {total ? t('proofing.importCount', { errors: counts.errors, warnings: counts.warnings, info: counts.info }) : t('proofing.importClean')}
    </p>
  );
}
