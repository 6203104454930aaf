import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLE_STATUSES, type ArticleStatus, type ArticleSummary } from '../../../shared/article';
import type { ApiClient } from '../../../shared/api';
import type { Segment } from '../../../shared/search';
import { reasonFor } from '../api/error-text';
import { formatListTime } from './time';
import { TrashIcon } from './icons';
import type { ProfileRole } from '../../../shared/review/model';
import { groupOrder, needsMyAction } from '../../../shared/review/desk-view';

export interface ArticleListProps {
  client: ApiClient;
  /** Changes whenever the list should be fetched again (saves, deletes); re-runs an active search. */
  refreshKey: number;
  items: ArticleSummary[];
  loading: boolean;
  error: string | null;
  status: ArticleStatus | '';
  onStatusChange(status: ArticleStatus | ''): void;
  openId: string | null;
  onOpen(id: string): void;
  onDelete(summary: ArticleSummary): void;
  onNew(): void;
}

/**
 * The article list: newest first, filtered by status. Typing in the search box
 * runs the store's full-text search (`searchArticles`: tone marks and đ do not
 * matter) and shows matches with the matching words marked and a snippet.
 * The rows are one tab stop (roving tabindex): arrow keys move between rows,
 * Home/End jump to the first/last, Enter opens, Delete deletes (with undo).
 */
export function ArticleList(props: ArticleListProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useSearch(props.client, query, props.status, props.refreshKey);
  const role = useLocalRole(props.client, props.refreshKey);
  const [mineOnly, setMineOnly] = useStoredFlag(MINE_KEY, false);
  const allRows: ListRow[] = search.hits ?? props.items.map((article) => ({ article }));
  const filterMine = mineOnly && role !== null;
  const rows = filterMine ? allRows.filter((r) => needsMyAction(role, r.article.status)) : allRows;
  const error = search.error ?? props.error;

  const [grouped, setGrouped] = useStoredFlag(GROUP_KEY, false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<ArticleStatus>>(new Set());

  // The row holding the list's one tab stop: the last one focused, else the open article, else the first.
  const [stopId, setStopId] = useState<string | null>(null);
  const shownIds = rows.map((r) => r.article.id);
  const tabStop = [stopId, props.openId].find((id) => id && shownIds.includes(id)) ?? shownIds[0];

  const onRowKey = (event: React.KeyboardEvent<HTMLLIElement>, summary: ArticleSummary) => {
    const button = event.currentTarget.querySelector<HTMLButtonElement>('.row-open');
    const moves = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (moves.includes(event.key)) {
      // Across groups too: the next row on screen, wherever it is.
      const all = Array.from(event.currentTarget.closest('.article-list')?.querySelectorAll<HTMLButtonElement>('.row-open') ?? []);
      const at = button ? all.indexOf(button) : -1;
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key as 'Home'];
      all[to]?.focus();
      event.preventDefault();
    } else if (event.key === 'Delete' && event.target === button) {
      props.onDelete(summary);
      event.preventDefault();
    }
  };

  const renderRow = ({ article: a, headline: marked, snippet }: ListRow) => {
    const headline = a.headline.trim() || t('list.untitled');
    return (
      <li key={a.id} className={`article-row${a.id === props.openId ? ' open' : ''}`} onKeyDown={(e) => onRowKey(e, a)} data-article-id={a.id}>
        <button
          type="button"
          className="row-open"
          tabIndex={a.id === tabStop ? 0 : -1}
          aria-current={a.id === props.openId ? 'true' : undefined}
          onFocus={() => setStopId(a.id)}
          onClick={() => props.onOpen(a.id)}
        >
          <span className={`row-headline${a.headline.trim() ? '' : ' untitled'}`}>{marked?.length ? <Segments segments={marked} /> : headline}</span>
          {snippet && snippet.length > 0 && (
            <span className="row-snippet">
              <Segments segments={snippet} />
            </span>
          )}
          <span className="row-meta">
            <span className={`status-badge status-${a.status}`}>{t(`status.${a.status}`)}</span>
            <span className="row-author">{a.authors.join(', ') || t('list.noAuthor')}</span>
          </span>
          <span className="row-meta">
            <time dateTime={a.updatedAt}>{t('list.updated', { time: formatListTime(a.updatedAt) })}</time>
            <span className="row-words">{t('list.words', { count: a.wordCount })}</span>
          </span>
        </button>
        <button type="button" className="row-delete" tabIndex={-1} aria-label={t('list.delete', { headline })} title={t('list.delete', { headline })} onClick={() => props.onDelete(a)}>
          <TrashIcon />
        </button>
      </li>
    );
  };

  const toggleGroup = (status: ArticleStatus) => {
    const next = new Set(collapsed);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    setCollapsed(next);
  };

  return (
    <nav className="article-list" aria-label={t('list.label')}>
      <div className="list-header">
        <h2 className="panel-title">{t('list.title')}</h2>
        <button type="button" className="primary new-article" onClick={props.onNew}>
          + {t('app.newArticle')}
        </button>
      </div>
      <div className="list-filters">
        <input
          type="search"
          aria-label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label={t('list.statusFilter')} value={props.status} onChange={(e) => props.onStatusChange(e.target.value as ArticleStatus | '')}>
          <option value="">{t('list.allStatuses')}</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="list-grouping">
        <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} /> {t('list.groupByStatus')}
      </label>
      {role && (
        <label className="list-grouping">
          <input type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} /> {t('workflow.list.needsMyAction')}{' '}
          <span className="row-group-count">{allRows.filter((r) => needsMyAction(role, r.article.status)).length}</span>
        </label>
      )}
      {error && (
        <p className="list-message error" role="alert">
          {error}
        </p>
      )}
      {!error && !props.loading && !search.pending && rows.length === 0 && (
        <p className="list-message">{filterMine && allRows.length ? t('workflow.list.nothingForMe') : search.hits ? t('list.noMatch') : t('list.empty')}</p>
      )}
      {grouped ? (
        <div className="rows grouped">
          {groupByStatus(rows, groupOrder(role)).map(({ status, rows: members }) => {
            const open = !collapsed.has(status);
            return (
              <section key={status} className={`row-group status-group-${status}`} aria-labelledby={`row-group-${status}`}>
                <h3 className="row-group-title" id={`row-group-${status}`}>
                  <button type="button" aria-expanded={open} onClick={() => toggleGroup(status)}>
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t(`status.${status}`)} <span className="row-group-count">{members.length}</span>
                  </button>
                </h3>
                {open && <ul className="group-rows">{members.map(renderRow)}</ul>}
              </section>
            );
          })}
        </div>
      ) : (
        <ul className="rows">{rows.map(renderRow)}</ul>
      )}
    </nav>
  );
}

interface ListRow {
  article: ArticleSummary;
  headline?: Segment[];
  snippet?: Segment[];
}

/**
 * Rows grouped by status in `order` (workflow order by default: draft first, spiked
 * last; the profile's own work first when it has a role), newest first within each;
 * empty groups left out.
 */
export function groupByStatus<T extends { article: Pick<ArticleSummary, 'status'> }>(
  rows: readonly T[],
  order: readonly ArticleStatus[] = ARTICLE_STATUSES,
): { status: ArticleStatus; rows: T[] }[] {
  return order.map((status) => ({ status, rows: rows.filter((r) => r.article.status === status) })).filter((g) => g.rows.length > 0);
}

const GROUP_KEY = 'newsroom.list.groupByStatus';
const MINE_KEY = 'newsroom.list.needsMyAction';

/** This machine's profile role (null before a profile exists), fetched again with the list. */
function useLocalRole(client: ApiClient, refreshKey: number): ProfileRole | null {
  const [role, setRole] = useState<ProfileRole | null>(null);
  useEffect(() => {
    let live = true;
    client.getLocalProfile({}).then(
      (p) => live && setRole(p?.role ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, refreshKey]);
  return role;
}

/** A boolean kept in localStorage, so the list looks the same next time. */
function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial : stored === 'true';
    } catch {
      return initial;
    }
  });
  const set = (next: boolean) => {
    setValue(next);
    try {
      localStorage.setItem(key, String(next));
    } catch {
      // Not remembered: the choice still holds until the app closes.
    }
  };
  return [value, set];
}

/** Text with the query's matches marked. Segments are plain text, never HTML. */
function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** Wait this long after the last keystroke before searching. */
const SEARCH_DELAY_MS = 200;

/** Full-text search through the store while the query is not empty; `hits` is null otherwise. */
function useSearch(client: ApiClient, query: string, status: ArticleStatus | '', refreshKey: number) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ hits: { article: ArticleSummary; headline: Segment[]; snippet: Segment[] }[] | null; error: string | null; pending: boolean }>({
    hits: null,
    error: null,
    pending: false,
  });
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResult({ hits: null, error: null, pending: false });
      return;
    }
    let cancelled = false;
    setResult((r) => ({ ...r, pending: true }));
    const timer = setTimeout(() => {
      client
        .searchArticles({ query: q, status: status || undefined, limit: 100 })
        .then((found) => !cancelled && setResult({ hits: found.items, error: null, pending: false }))
        .catch((err: unknown) => !cancelled && setResult({ hits: [], error: t('list.loadFailed', { reason: reasonFor(err, t) }), pending: false }));
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, status, refreshKey, t]);
  return result;
}
