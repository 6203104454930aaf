/** One proofing finding, the unit every surface (CLI, preflight, editor, bench) speaks. */

export type Severity = 'error' | 'warning' | 'info';
/** `spelling`: a word that is not a word, or a confusable; `style`: the paper's house style. */
export type FindingCategory = 'spelling' | 'style';

export interface Message {
  vi: string;
  en: string;
}

export interface Finding {
  /** Offsets in UTF-16 code units within the checked text. */
  start: number;
  end: number;
  text: string;
  rule: string;
  category: FindingCategory;
  severity: Severity;
  message: Message;
  /** Replacements for `text`, best first; the first is applied by a one-click fix. */
  suggestions: string[];
  /** Safe to apply without a look: *apply all safe fixes* takes only these. */
  safe: boolean;
}
