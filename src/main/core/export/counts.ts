/**
 * Word and character counts for ninjs and JSON-LD, equal to `countWords` and
 * `countCharacters` in `src/shared/text.ts` (a unit test checks) but one regex
 * pass over the text instead of a test per token: counting was a third of the
 * time spent rendering a page.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HIGH_SURROGATE = /[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g;

/** Exactly the characters JavaScript's `\s` matches. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * "Chữ": runs of non-space characters holding at least one letter or digit. ASCII
 * letters settle most tokens; only tokens without one ask the Unicode regex, one
 * character at a time.
 */
export function wordCount(text: string): number {
  let n = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      inToken = false;
      continue;
    }
    if (!inToken) {
      inToken = true;
      counted = false;
    }
    if (counted) continue;
    if (isAsciiAlnum(c) || (c >= 0x80 && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)))) {
      counted = true;
      n++;
    }
  }
  return n;
}

/** Code points of text that is already NFC (documents are normalised when loaded). */
export function characterCount(nfcText: string): number {
  return nfcText.length - (nfcText.match(HIGH_SURROGATE)?.length ?? 0);
}
