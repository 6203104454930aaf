import { foldVietnamese } from '../../../shared/text';

/**
 * Folding with offsets, fast enough to run on every result: each character below
 * U+2000 (Latin, Vietnamese, combining marks) is folded once with the shared
 * `foldVietnamese` and kept in a table; ASCII takes a direct path.
 */
const TABLE_SIZE = 0x2000;
const table: (string | undefined)[] = new Array(TABLE_SIZE);

function foldCode(code: number, ch: string): string {
  if (code < TABLE_SIZE) {
    let f = table[code];
    if (f === undefined) table[code] = f = foldVietnamese(ch);
    return f;
  }
  return foldVietnamese(ch);
}

/** `text` folded, plus for every folded UTF-16 unit the index in `text` it came from. */
export function foldMapped(text: string): { folded: string; map: Int32Array } {
  let folded = '';
  const map = new Int32Array(text.length * 2 + 1);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
      map[n++] = i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const f = foldCode(width === 1 ? code : TABLE_SIZE, text.slice(i, i + width));
    folded += f;
    for (let k = 0; k < f.length && n < map.length - 1; k++) map[n++] = i;
    i += width;
  }
  map[n] = text.length;
  return { folded, map: map.subarray(0, n + 1) };
}

/** Folded text for the index: same folding as queries. */
export function foldForIndex(text: string): string {
  return foldVietnamese(text.normalize('NFC'));
}

/** Words of already-folded text, split the way the unicode61 tokenizer splits them. */
export const WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}]+/gu;
