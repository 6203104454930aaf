import type { LeftOutReason, SanitizeCounts, SanitizeReport } from '../../../../../shared/html';

/** The translator the notice needs: i18next's `t` for `editorTools.*` keys. */
export type NoticeTranslate = (key: string, options: Record<string, unknown>) => string;

/** Each kind of change in the order the notice lists it, with its message key. */
const ITEMS: { key: string; count: (c: SanitizeCounts) => number; quotes?: LeftOutReason }[] = [
  { key: 'pasteHidden', count: (c) => c.hiddenDropped, quotes: 'hidden' },
  { key: 'pastePageHeadersFooters', count: (c) => c.pageHeadersFootersDropped, quotes: 'page_header_footer' },
  { key: 'pasteImages', count: (c) => c.imagesDropped },
  { key: 'pasteEmbeds', count: (c) => c.embedsDropped },
  { key: 'pasteFormFields', count: (c) => c.formFieldsDropped },
  { key: 'pasteUnsafeLinks', count: (c) => c.unsafeLinksDropped },
  { key: 'pasteTrackedDeletions', count: (c) => c.trackedDeletionsDropped },
  { key: 'pasteComments', count: (c) => c.commentsDropped },
  { key: 'pasteStruck', count: (c) => c.struckKept },
  { key: 'pasteUnderlined', count: (c) => c.underlinedKept },
];

/** The notice quotes this many left-out passages of a kind, each cut to about this many characters. */
const MAX_QUOTES = 3;
const MAX_QUOTE_CHARS = 60;

/**
 * The one notice a paste shows when it converted or left anything out, listing
 * each kind with its count ("1 table (4 rows) flattened into paragraphs; 2 hidden
 * passages were not pasted (“Ghi chú”, “Bản nháp”) …"). Hidden text and Word page
 * headers/footers are quoted, so the reporter sees what existed. Null when the
 * paste arrived unchanged.
 */
export function pasteNoticeText(report: SanitizeReport, t: NoticeTranslate): string | null {
  const items: string[] = [];
  if (report.tablesFlattened) {
    const rows = t('pasteRows', { count: report.tableRowsFlattened });
    items.push(t('pasteTables', { count: report.tablesFlattened, rows }));
  }
  for (const item of ITEMS) {
    const count = item.count(report);
    if (!count) continue;
    const quotes = item.quotes ? quoteList(report.leftOut.filter((l) => l.reason === item.quotes).map((l) => l.text)) : '';
    items.push(t(item.key, { count, quotes }));
  }
  return items.length ? t('pasteNotice', { items: items.join('; ') }) : null;
}

/** ` (“a”, “b”, …)`: the first few passages, long ones cut at a word. */
function quoteList(texts: string[]): string {
  if (!texts.length) return '';
  const quoted = texts.slice(0, MAX_QUOTES).map((text) => `“${shorten(text)}”`);
  if (texts.length > MAX_QUOTES) quoted.push('…');
  return ` (${quoted.join(', ')})`;
}

function shorten(text: string): string {
  if (text.length <= MAX_QUOTE_CHARS) return text;
  const cut = text.slice(0, MAX_QUOTE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_QUOTE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
