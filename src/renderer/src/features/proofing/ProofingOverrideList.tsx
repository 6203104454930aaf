import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../../shared/api';
import type { ProofingOverrideEntry } from '../../../../shared/proofing/override';

/**
 * The article's History: every export or publication that went out past proofing
 * errors, with who let it through, when, the reason and the errors it carried.
 */
export function ProofingOverrideList({ client, articleId, version, formatTime }: { client: ApiClient; articleId: string; version: number; formatTime: (iso: string) => string }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<ProofingOverrideEntry[]>([]);
  useEffect(() => {
    let live = true;
    client
      .listProofingOverrides({ id: articleId })
      .then((list) => live && setEntries(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, articleId, version]);
  if (!entries.length) return null;
  return (
    <section aria-labelledby="proofing-overrides-title" data-testid="proofing-overrides">
      <h4 id="proofing-overrides-title">{t('proofing.overrides.title')}</h4>
      <ul>
        {entries.map((o) => (
          <li key={o.id}>
            {t(o.kind === 'publish' ? 'proofing.overrides.publish' : 'proofing.overrides.preview', { who: o.profileName ?? t('proofing.overrides.nobody'), when: formatTime(o.at), count: o.findings.length })}{' '}
            <q>{o.reason}</q>
            <ul>
              {o.findings.map((f, i) => (
                <li key={i}>
                  “{f.text}” <small>({t(`proofing.overrides.parts.${f.part}`, { defaultValue: f.part })}, {f.rule})</small>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
