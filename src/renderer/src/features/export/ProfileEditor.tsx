import { reasonFor } from '../../api/error-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../shared/api';
import { cssFetchProblem } from '../../../../shared/css-safety';
import { PREFLIGHT_WARNING_CODES, type PreflightWarningCode, type ProfileRecord, type PublicationProfile } from '../../../../shared/export';

export interface ProfileEditorProps {
  client: ApiClient;
  record: ProfileRecord;
  onSaved(record: ProfileRecord): void;
  onCancel(): void;
}

/**
 * Settings for one publication profile. Saving stores a new version (exports name
 * the version they used); the core validates every field and its message is shown.
 */
export function ProfileEditor({ client, record, onSaved, onCancel }: ProfileEditorProps) {
  const { t } = useTranslation();
  // CSS an older version stored and today's rule refuses comes back to be corrected, never silently dropped.
  const [draft, setDraft] = useState<PublicationProfile>(record.cssLeftOut === undefined ? record.profile : { ...record.profile, css: record.cssLeftOut });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Said while the desk types: the core refuses the same CSS on save.
  const cssProblem = cssFetchProblem(draft.css);
  const set = <K extends keyof PublicationProfile>(key: K, value: PublicationProfile[K]) => setDraft({ ...draft, [key]: value });
  const toggleWarning = (code: PreflightWarningCode, on: boolean) =>
    set('blockingWarnings', on ? [...draft.blockingWarnings, code] : draft.blockingWarnings.filter((c) => c !== code));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await client.savePublicationProfile({ name: record.name, profile: draft, baseVersion: record.version }));
    } catch (err) {
      setError(reasonFor(err, t));
    } finally {
      setSaving(false);
    }
  };

  const text = (key: 'siteName' | 'baseUrl' | 'locale' | 'timeZone' | 'agencyTag', label: string) => (
    <div className="field">
      <label htmlFor={`profile-${key}`}>{label}</label>
      <input id={`profile-${key}`} type="text" value={draft[key]} spellCheck={false} onChange={(e) => set(key, e.target.value)} />
    </div>
  );

  return (
    <form className="export-profile" onSubmit={(e) => void save(e)} aria-labelledby="export-profile-title">
      <h3 id="export-profile-title">{t('exportView.profileEdit.title', { name: record.name, version: record.version })}</h3>
      {record.cssLeftOut !== undefined && (
        <p className="notice" role="status">
          {t('exportView.profileEdit.cssStripped')}
        </p>
      )}
      {text('siteName', t('exportView.profileEdit.siteName'))}
      {text('baseUrl', t('exportView.profileEdit.baseUrl'))}
      {text('locale', t('exportView.profileEdit.locale'))}
      {text('timeZone', t('exportView.profileEdit.timeZone'))}
      {text('agencyTag', t('exportView.profileEdit.agencyTag'))}
      <div className="field">
        <label htmlFor="profile-dateStyle">{t('exportView.profileEdit.dateStyle')}</label>
        <select id="profile-dateStyle" value={draft.dateStyle} onChange={(e) => set('dateStyle', e.target.value as PublicationProfile['dateStyle'])}>
          <option value="house-vi">{t('exportView.profileEdit.dateHouse')}</option>
          <option value="iso">{t('exportView.profileEdit.dateIso')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="profile-css">{t('exportView.profileEdit.css')}</label>
        <textarea
          id="profile-css"
          rows={4}
          value={draft.css}
          spellCheck={false}
          aria-invalid={cssProblem !== null}
          aria-describedby={cssProblem ? 'profile-css-problem' : undefined}
          onChange={(e) => set('css', e.target.value)}
        />
        {cssProblem && (
          <small id="profile-css-problem" className="field-error" role="alert">
            {t(`exportView.profileEdit.cssProblem.${cssProblem.kind}`, { name: 'name' in cssProblem ? cssProblem.name : '' })}
          </small>
        )}
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={draft.embedCredit} onChange={(e) => set('embedCredit', e.target.checked)} /> {t('exportView.profileEdit.embedCredit')}
        </label>
      </div>
      <fieldset className="field">
        <legend>{t('exportView.profileEdit.blocking')}</legend>
        {PREFLIGHT_WARNING_CODES.map((code) => (
          <label key={code}>
            <input type="checkbox" checked={draft.blockingWarnings.includes(code)} onChange={(e) => toggleWarning(code, e.target.checked)} /> {t(`exportView.warningName.${code}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="export-profile-actions">
        <button type="submit" className="primary" disabled={saving || cssProblem !== null}>
          {t('exportView.profileEdit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
