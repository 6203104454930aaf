import type { ImportDropped, ImportWarning } from '../../../../shared/import-report';
import { describeRefusal } from '../../editor/figure/refusal';

/** The translator the review card's report lines need: i18next's `t`. */
export type ReportTranslate = (key: string, options?: Record<string, unknown>) => string;

/**
 * One warning of an import report in the user's language. Its `params` carry
 * `count`, so i18next picks the `_one`/`_other` form; the English message of the
 * report is the fallback for a code without a translation.
 */
export function warningText(w: ImportWarning, t: ReportTranslate): string {
  // A refused photo reads exactly as the editor's upload refusal does.
  if (w.code === 'photo_unusable') return describeRefusal(w.message, t);
  return t(`importReview.warning.${w.code}`, { ...w.params, defaultValue: w.message });
}

/** Why a dropped passage was left out, in the user's language. */
export function droppedReason(d: ImportDropped, t: ReportTranslate): string {
  return t(`importReview.drop.${d.kind}`, { ...d.params, defaultValue: d.reason });
}

/**
 * The headline loss warning ("3 paragraphs (26 words) were left out as hidden text
 * or page headers and footers — review"), numbers in the user's locale.
 */
export function lossText(loss: ImportWarning, t: ReportTranslate, locale: string): string {
  const number = new Intl.NumberFormat(locale);
  const names = String(loss.params.reason ?? 'furniture')
    .split(',')
    .map((r) => t(`importReview.lossReason.${r}`));
  const reason = names.length > 1 ? `${names.slice(0, -1).join(', ')}${t('importReview.lossOr')}${names.at(-1)}` : names[0]!;
  return t(Number(loss.params.paragraphs) === 1 ? 'importReview.lossOne' : 'importReview.lossMany', {
    paragraphs: number.format(Number(loss.params.paragraphs)),
    words: number.format(Number(loss.params.words)),
    reason,
  });
}
