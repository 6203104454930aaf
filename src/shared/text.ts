/** Text utilities shared by every layer. Pure: no Node, DOM or Electron. */

/** Normalise to NFC, the only form Newsroom stores. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** True when `text` is already NFC. */
export function isNfc(text: string): boolean {
  return text === text.normalize('NFC');
}

// C0/C1 controls except tab and newline, plus the BOM and bidi overrides that can
// disguise text. Stripped from anything that arrives from outside (files, metadata).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** NFC text without control characters. */
export function cleanText(text: string): string {
  return nfc(text).replace(CONTROL_CHARS, '');
}

/**
 * Fold Vietnamese for search and mark-insensitive matching: NFD, drop combining
 * marks, map đ/Đ to d (they do not decompose), lower-case. `Đào tạo` → `dao tao`.
 * Length is not preserved; use {@link foldWithMap} when offsets matter.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * Fold `text` one NFC character at a time and return, for each folded UTF-16 unit,
 * the index in `text` it came from, so a match in folded text maps back to the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldVietnamese(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

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
 * Count words the way Vietnamese newsrooms count "chữ": runs of non-space
 * characters holding a letter or digit. Each syllable is a word; `27.309` and
 * `40,1%` count once; a lone dash does not count. One pass over the text (it runs
 * on every autosave and every exported page): ASCII letters settle most tokens,
 * only tokens without one ask the Unicode regex.
 */
export function countWords(text: string): number {
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

/** Count characters as a reader sees them: code points of the NFC text. */
export function countCharacters(text: string): number {
  const normal = nfc(text);
  return normal.length - (normal.match(HIGH_SURROGATE)?.length ?? 0);
}

/** Collapse runs of white space (including NBSP) to single spaces and trim. */
export function squashSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
