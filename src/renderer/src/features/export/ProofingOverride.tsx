import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightResult } from '../../../../shared/export';

/**
 * The desk's override of proofing errors: shown when they are all that blocks the
 * export; the reason goes with the preflight and the export request.
 */
export function ProofingOverride({ result, override, onOverride }: { result: PreflightResult; override: string; onOverride(reason: string): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  if (override) return <p className="export-hint">{t('exportView.proofingOverride.applied', { reason: override })}</p>;
  const blocking = [...result.errors, ...result.warnings].filter((i) => i.blocking);
  if (!blocking.length || blocking.some((i) => i.code !== 'proofing_error')) return null;
  return (
    <form
      className="export-proofing-override"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length >= 3) onOverride(reason.trim());
      }}
    >
      <fieldset>
        <legend>{t('exportView.proofingOverride.title')}</legend>
        <label>
          {t('exportView.proofingOverride.reason')}
          <input type="text" value={reason} minLength={3} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" disabled={reason.trim().length < 3}>
          {t('exportView.proofingOverride.apply')}
        </button>
      </fieldset>
    </form>
  );
}
