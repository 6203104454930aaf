import type { Node as PMNode } from 'prosemirror-model';
import { foldWithMap, nfc } from '../../../../../shared/text';

export interface SearchOptions {
  /** Match `dao tao` against `đào tạo` (and the reverse): Vietnamese marks and đ are ignored. */
  ignoreMarks: boolean;
}

export interface Match {
  from: number;
  to: number;
}

/** Lower-case `text` one character at a time, keeping a map back to original offsets. */
function lowerWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const lower = ch.toLowerCase();
    for (let k = 0; k < lower.length; k++) map.push(i);
    folded += lower;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** The query in the same folded form as the text it is compared with. */
export function foldQuery(query: string, options: SearchOptions): string {
  const q = nfc(query);
  return options.ignoreMarks ? foldWithMap(q).folded : lowerWithMap(q).folded;
}

/**
 * Every match of `query` in the document, in document order, case-insensitive.
 * Matches stay inside one textblock; a line break or other inline leaf counts as
 * one character that never matches.
 */
export function findMatches(doc: PMNode, query: string, options: SearchOptions): Match[] {
  const needle = foldQuery(query, options);
  if (!needle) return [];
  const matches: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const { folded, map } = options.ignoreMarks ? foldWithMap(text) : lowerWithMap(text);
    const start = pos + 1;
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
      matches.push({ from: start + map[i]!, to: start + map[i + needle.length]! });
    }
    return false;
  });
  return matches;
}
