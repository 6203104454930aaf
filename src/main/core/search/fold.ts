import { foldVietnamese } from '../../../shared/text';

/**
 * Folding with offsets, fast enough to run on every result: each distinct character
 * is folded once (shared `foldVietnamese`) and cached, so a 100 KB body folds in
 * well under a millisecond.
 */
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f === undefined) {
    f = foldVietnamese(ch);
    if (cache.size < 20_000) cache.set(ch, f);
  }
  return f;
}

/** `text` folded, plus for every folded UTF-16 unit the index in `text` it came from. */
export function foldMapped(text: string): { folded: string; map: Int32Array } {
  const parts: string[] = [];
  const map = new Int32Array(text.length * 2 + 1);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let f: string;
    if (cp < 0x80) f = cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : text[i]!;
    else f = foldChar(text.slice(i, i + width));
    parts.push(f);
    for (let k = 0; k < f.length && n < map.length - 1; k++) map[n++] = i;
    i += width;
  }
  map[n] = text.length;
  return { folded: parts.join(''), map: map.subarray(0, n + 1) };
}

/** Folded text for the index: same folding as queries. */
export function foldForIndex(text: string): string {
  return foldVietnamese(text.normalize('NFC'));
}

/** Words of already-folded text, split the way the unicode61 tokenizer splits them. */
export const WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}]+/gu;
