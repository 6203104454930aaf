import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentFromStored, documentParts } from '../../../../shared/document';
import { readRecent, type RecentEntry } from '../../app/resume-store';
import type { FeatureViewProps } from '../index';
import './recent.css';

/** One recent article with its headline as the store has it now; null when it is gone. */
type Shown = RecentEntry & { gone: boolean };

/** File → Recent articles…: the last ten articles opened in this database; Enter or a click opens one. */
export function RecentView({ client, openArticle }: FeatureViewProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Shown[] | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const { databasePath } = await client.appInfo({});
      const entries = readRecent(databasePath);
      // Articles moved to the bin are still readable: the list (newest 500, bin included) says which.
      const binned = await client.listArticles({ includeDeleted: true, limit: 500 }).then(
        (r) => new Set(r.items.filter((a) => a.deleted).map((a) => a.id)),
        () => new Set<string>(),
      );
      // Headlines change after an article was opened: show the stored one, or say it is gone.
      const shown = await Promise.all(
        entries.map((e) =>
          client.getArticle({ id: e.id }).then(
            (a) => ({ id: e.id, headline: documentParts(documentFromStored(a.document)).headline.textContent, gone: binned.has(e.id) }),
            () => ({ ...e, gone: true }),
          ),
        ),
      );
      if (live) setItems(shown);
    })().catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [client]);

  return (
    <div className="recent-view">
      <h1>{t('recent.title')}</h1>
      <p>{t('recent.intro')}</p>
      {items && items.length === 0 && <p>{t('recent.empty')}</p>}
      {items && items.length > 0 && (
        <ol className="recent-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" disabled={item.gone} title={item.gone ? t('recent.gone') : undefined} onClick={() => openArticle(item.id)}>
                {item.headline.trim() || t('recent.untitled')}
              </button>
              {item.gone && <span className="recent-gone">{t('recent.gone')}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
