import type { LeftOutReason, SanitizeCounts, SanitizeReport } from '../../../shared/html';
import { dropped as drop, warning, type DropKind, type ImportDropped, type ImportWarning, type WarningCode } from '../../../shared/import-report';

/** A sanitiser count an importer may already report from its own reading of the source. */
export type SanitizerKind = keyof SanitizeCounts;

/** The report warning each sanitiser count becomes (the left-out kinds become dropped entries instead). */
const WARNING_OF: Partial<Record<SanitizerKind, WarningCode>> = {
  imagesDropped: 'images_dropped',
  embedsDropped: 'embeds_dropped',
  formFieldsDropped: 'form_fields_dropped',
  unsafeLinksDropped: 'unsafe_links',
  trackedDeletionsDropped: 'tracked_deletions_dropped',
  commentsDropped: 'comments_dropped',
  struckKept: 'struck_kept',
  underlinedKept: 'underlined_kept',
};

/** The dropped kind of each left-out passage, and the count that counts it. */
const LEFT_OUT: Record<LeftOutReason, { kind: DropKind; count: SanitizerKind }> = {
  hidden: { kind: 'hidden_text', count: 'hiddenDropped' },
  // A saved Word page's header or footer is the same thing as a .docx's: listed alike.
  page_header_footer: { kind: 'word_header_footer', count: 'pageHeadersFootersDropped' },
};

/**
 * What the shared sanitiser converted or left out, as import report lines: one
 * warning per count (tables with their rows), and each left-out passage (hidden
 * text, a Word page's headers and footers) as a dropped entry quoting its text, so
 * the headline loss warning counts it. `alreadyReported` names the kinds the
 * importer reports from its own reading of the source (Word's XML), so no kind is
 * reported twice for one file.
 */
export function sanitizerReport(report: SanitizeReport, alreadyReported: readonly SanitizerKind[] = []): { warnings: ImportWarning[]; dropped: ImportDropped[] } {
  const reported = (kind: SanitizerKind) => report[kind] > 0 && !alreadyReported.includes(kind);
  const warnings: ImportWarning[] = [];
  if (reported('tablesFlattened')) warnings.push(warning('tables_flattened', { count: report.tablesFlattened, rows: report.tableRowsFlattened }));
  for (const [kind, code] of Object.entries(WARNING_OF) as [SanitizerKind, WarningCode][]) {
    if (reported(kind)) warnings.push(warning(code, { count: report[kind] }));
  }
  const dropped = report.leftOut.filter((l) => !alreadyReported.includes(LEFT_OUT[l.reason].count)).map((l) => drop(LEFT_OUT[l.reason].kind, l.text));
  return { warnings, dropped };
}
