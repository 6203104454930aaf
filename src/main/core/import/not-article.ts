import { ImportError } from './errors';

/**
 * Text files that are not articles: an SVG drawing, another XML document, a
 * script, style sheet or JSON data. Imported as text, their markup or code would
 * become the headline and body of a draft; they are refused with one sentence.
 */

const KINDS: { test: (head: string, text: string) => boolean; what: string }[] = [
  { what: 'an SVG image', test: (head) => /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(head) },
  { what: 'an XML document', test: (head) => /^<\?xml[\s>]/i.test(head) && !/<html[\s>]/i.test(head) },
  { what: 'a script', test: (head) => /^#!/.test(head) || /^(<script[\s>])/i.test(head) },
  { what: 'data (JSON)', test: (head, text) => /^[{[]/.test(head) && isJson(text) },
  { what: 'program code or a style sheet', test: (_head, text) => codeShare(text) > 0.6 },
];

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Share of non-empty lines that read like code: ending in `;`, `{` or `}`, or starting with a keyword of JavaScript or CSS. */
function codeShare(text: string): number {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 200);
  if (lines.length < 3) return 0;
  const code = lines.filter((l) => /[;{}]$/.test(l) || /^(function|const|let|var|import|export|return|if|for|while|class|@media|@import)\b/.test(l) || /^[}\])]+[;,]?$/.test(l));
  return code.length / lines.length;
}

/** Refuse `text` (already decoded) when it is not an article, naming the file and what it is. */
export function refuseNonArticle(name: string, text: string): void {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2048);
  const kind = KINDS.find((k) => k.test(head, text));
  if (kind) throw new ImportError(`${name} is ${kind.what}, not an article; nothing was imported.`, 'unsupported');
}

/** Whether text has any HTML tag at all; a ".html" file without one is read as plain text. */
export const hasMarkup = (text: string): boolean => /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/i.test(text);
