import type { SanitizeCounts } from '../../../../../shared/html';

/** The translator the notice needs: i18next's `t` for `editorTools.*` keys. */
export type NoticeTranslate = (key: string, options: Record<string, unknown>) => string;

/** Each kind of change in the order the notice lists it, with its message key. */
const ITEMS: { key: string; count: (c: SanitizeCounts) => number }[] = [
  { key: 'pasteImages', count: (c) => c.imagesDropped },
  { key: 'pasteEmbeds', count: (c) => c.embedsDropped },
  { key: 'pasteFormFields', count: (c) => c.formFieldsDropped },
  { key: 'pasteUnsafeLinks', count: (c) => c.unsafeLinksDropped },
  { key: 'pasteTrackedDeletions', count: (c) => c.trackedDeletionsDropped },
  { key: 'pasteComments', count: (c) => c.commentsDropped },
  { key: 'pasteStruck', count: (c) => c.struckKept },
  { key: 'pasteUnderlined', count: (c) => c.underlinedKept },
];

/**
 * The one notice a paste shows when it converted or left anything out, listing
 * each kind with its count ("1 table (4 rows) flattened into paragraphs; 2 images
 * left out …"). Null when the paste arrived unchanged.
 */
export function pasteNoticeText(counts: SanitizeCounts, t: NoticeTranslate): string | null {
  const items: string[] = [];
  if (counts.tablesFlattened) {
    const rows = t('pasteRows', { count: counts.tableRowsFlattened });
    items.push(t('pasteTables', { count: counts.tablesFlattened, rows }));
  }
  for (const item of ITEMS) {
    const count = item.count(counts);
    if (count) items.push(t(item.key, { count }));
  }
  return items.length ? t('pasteNotice', { items: items.join('; ') }) : null;
}
