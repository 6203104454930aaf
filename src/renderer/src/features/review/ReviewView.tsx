import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/review/model';
import type { FeatureViewProps } from '../index';
import { CommentsSection } from './CommentsSection';
import { HandoffSection } from './HandoffSection';
import { HistorySection } from './HistorySection';
import { KeysSection } from './KeysSection';
import { ProfileSection } from './ProfileSection';
import { onReviewChanged } from './review-events';
import { StatusSection } from './StatusSection';
import { SuggestionsSection } from './SuggestionsSection';
import { PackagePicker } from './PackagePicker';
import { type SectionProps } from './shared';
import './review.css';

const TABS = ['status', 'comments', 'suggestions', 'history', 'handoff', 'profile', 'keys'] as const;
type Tab = (typeof TABS)[number];

/** The tab last shown: the view is mounted again when the article reloads after an accept or a restore. */
let lastTab: Tab = 'status';

/**
 * Review of the open article: workflow status, comment threads, suggestions,
 * revision history with compare and restore, handoff packages and conflicts, and
 * this machine's profile (asked for first if there is none).
 */
export function ReviewView(props: FeatureViewProps) {
  const { client, articleId } = props;
  const { t } = useTranslation();
  const [me, setMe] = useState<Profile | null | undefined>(undefined);
  const [people, setPeople] = useState<Map<string, Profile>>(new Map());
  const [tab, setTabState] = useState<Tab>(lastTab);
  const setTab = (next: Tab) => {
    lastTab = next;
    setTabState(next);
  };
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  // Changes made elsewhere (the review pane, suggest mode, another section) reload what the tabs show.
  useEffect(() => (articleId ? onReviewChanged((id) => id === articleId && changed()) : undefined), [articleId, changed]);
  useEffect(() => {
    let live = true;
    void Promise.all([client.getLocalProfile({}), client.listProfiles({})]).then(([p, all]) => {
      if (!live) return;
      setMe(p);
      setPeople(new Map(all.map((x) => [x.id, x])));
    });
    return () => {
      live = false;
    };
  }, [client, version]);

  if (me === undefined) return null;
  if (me === null) {
    return (
      <div className="review-view">
        <h2>{t('review.title')}</h2>
        <ProfileSection client={client} profile={null} onSaved={changed} t={t} />
      </div>
    );
  }
  if (!articleId) {
    return (
      <div className="review-view">
        <h2>{t('review.title')}</h2>
        <p>{t('review.noArticle')}</p>
        <HandoffOnly {...props} />
      </div>
    );
  }
  const section: SectionProps = {
    client,
    articleId,
    editor: props.editor,
    me,
    people,
    notify: props.notify,
    reloadArticle: () => props.reloadArticle(articleId),
    saveEdits: props.saveEdits,
    openArticle: props.openArticle,
    close: props.close,
    version,
    changed,
    t,
  };
  return (
    <div className="review-view">
      <h2>{t('review.title')}</h2>
      <div role="tablist" className="review-tabs" aria-label={t('review.title')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" id={`review-tab-${name}`} aria-selected={tab === name} aria-controls="review-panel" onClick={() => setTab(name)}>
            {t(`review.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="review-panel" aria-labelledby={`review-tab-${tab}`}>
        {tab === 'status' && <StatusSection {...section} />}
        {tab === 'comments' && <CommentsSection {...section} />}
        {tab === 'suggestions' && <SuggestionsSection {...section} />}
        {tab === 'history' && <HistorySection {...section} />}
        {tab === 'handoff' && <HandoffSection {...section} />}
        {tab === 'profile' && <ProfileSection client={client} profile={me} onSaved={changed} t={t} />}
        {tab === 'keys' && <KeysSection client={client} notify={props.notify} t={t} />}
      </div>
    </div>
  );
}

/** With no article open, a received package can still be opened. */
function HandoffOnly(props: FeatureViewProps) {
  const { t } = useTranslation();
  return (
    <>
      <PackagePicker context={props} t={t} />
      <KeysSection client={props.client} notify={props.notify} t={t} />
    </>
  );
}
