import { InputRule, inputRules, undoInputRule } from 'prosemirror-inputrules';
import type { EditorState, Plugin, Transaction } from 'prosemirror-state';
import { isolateStep } from './history-boundary';

/**
 * Smart punctuation as the paper prints it: “…” and ‘…’ quotes, `--` → en dash
 * `–` (the paper's dash, as in "2011 – 2015"), `...` → `…`. Never inside a link,
 * a URL, an e-mail address or code-like text (`a=b`, `x_y`, `<tag>`), where the
 * typed characters are meant literally.
 */

/** The run of non-space text before the caret, up to `start` (the rule's match start). */
function tokenBefore(state: EditorState, start: number): string {
  const $start = state.doc.resolve(start);
  const before = $start.parent.textBetween(Math.max(0, $start.parentOffset - 200), $start.parentOffset, undefined, ' ');
  const m = /\S*$/.exec(before);
  return m ? m[0] : '';
}

/** True for URLs, addresses and code-like tokens, where punctuation must stay as typed. */
export function isCodeLike(token: string): boolean {
  if (!token) return false;
  if (/^(https?:|mailto:|ftp:|file:|www\.)/i.test(token)) return true;
  if (/:\/\/|[<>{}=\\`|_^~$#]/.test(token)) return true;
  if (/^[^\s@]+@[^\s@]*$/.test(token)) return true; // e-mail address being typed
  if (/^[\w-]+(\.[\w-]+)+\//.test(token)) return true; // domain/path without a scheme
  return false;
}

function inLink(state: EditorState, pos: number): boolean {
  const link = state.schema.marks.link;
  return !!link && !!link.isInSet(state.doc.resolve(pos).marks());
}

/** A rule replacing the match (without the typed trigger) plus the trigger by `replacement`. */
function punctuationRule(match: RegExp, replacement: (m: RegExpMatchArray) => string): InputRule {
  return new InputRule(match, (state, m, start, end): Transaction | null => {
    const token = tokenBefore(state, start);
    if (isCodeLike(token + m[0]) || inLink(state, start)) return null;
    const text = replacement(m);
    const marks = state.storedMarks ?? state.doc.resolve(start).marks();
    return isolateStep(state.tr.replaceWith(start, end, state.schema.text(text, marks)));
  });
}

/** Characters after which a quote opens rather than closes. */
const OPENING_CONTEXT = '(?:^|[\\s{[(<\u2018\u201C\u2013\u2014])';

export const smartPunctuationRules: InputRule[] = [
  punctuationRule(new RegExp(`${OPENING_CONTEXT}"$`), (m) => m[0].slice(0, -1) + '\u201C'),
  punctuationRule(/"$/, () => '\u201D'),
  punctuationRule(new RegExp(`${OPENING_CONTEXT}'$`), (m) => m[0].slice(0, -1) + '\u2018'),
  punctuationRule(/'$/, () => '\u2019'),
  punctuationRule(/--$/, () => '\u2013'),
  punctuationRule(/\.\.\.$/, () => '\u2026'),
];

/** The input-rules plugin; Backspace right after a rule (see {@link undoInputRule}) takes it back. */
export function smartPunctuationPlugin(): Plugin {
  return inputRules({ rules: smartPunctuationRules });
}

export { undoInputRule };
