import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLE_STATUSES, type ArticleStatus, type ArticleSummary } from '../../../shared/article';
import { foldVietnamese } from '../../../shared/text';
import { formatListTime } from './time';

export interface ArticleListProps {
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
 * The article list: newest first, filtered by status (on the server) and by a
 * search box that matches headline and authors ignoring Vietnamese tone marks.
 * Arrow keys move between rows, Enter opens, Delete deletes (with undo).
 */
export function ArticleList(props: ArticleListProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const visible = useMemo(() => {
    const q = foldVietnamese(query.trim());
    if (!q) return props.items;
    return props.items.filter((a) => foldVietnamese(`${a.headline} ${a.authors.join(' ')} ${a.section}`).includes(q));
  }, [props.items, query]);

  const onRowKey = (event: React.KeyboardEvent<HTMLLIElement>, summary: ArticleSummary) => {
    const row = event.currentTarget;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const sibling = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      sibling?.querySelector<HTMLButtonElement>('.row-open')?.focus();
      event.preventDefault();
    } else if (event.key === 'Delete' && event.target === row.querySelector('.row-open')) {
      props.onDelete(summary);
      event.preventDefault();
    }
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
      {props.error && (
        <p className="list-message error" role="alert">
          {props.error}
        </p>
      )}
      {!props.error && !props.loading && visible.length === 0 && <p className="list-message">{props.items.length ? t('list.noMatch') : t('list.empty')}</p>}
      <ul className="rows">
        {visible.map((a) => {
          const headline = a.headline.trim() || t('list.untitled');
          return (
            <li key={a.id} className={`row${a.id === props.openId ? ' open' : ''}`} onKeyDown={(e) => onRowKey(e, a)} data-article-id={a.id}>
              <button type="button" className="row-open" aria-current={a.id === props.openId ? 'true' : undefined} onClick={() => props.onOpen(a.id)}>
                <span className={`row-headline${a.headline.trim() ? '' : ' untitled'}`}>{headline}</span>
                <span className="row-meta">
                  <span className={`status-badge status-${a.status}`}>{t(`status.${a.status}`)}</span>
                  <span className="row-author">{a.authors.join(', ') || t('list.noAuthor')}</span>
                </span>
                <span className="row-meta">
                  <time dateTime={a.updatedAt}>{t('list.updated', { time: formatListTime(a.updatedAt) })}</time>
                  <span className="row-words">{t('list.words', { count: a.wordCount })}</span>
                </span>
              </button>
              <button type="button" className="row-delete" aria-label={t('list.delete', { headline })} title={t('list.delete', { headline })} onClick={() => props.onDelete(a)}>
                <span aria-hidden="true">🗑</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
