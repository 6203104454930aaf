import { foldVietnamese } from '../../../shared/text';
import { WORD } from './fold';

/** One unit of a query: a word or a quoted phrase; `prefix` lets its last word be incomplete. */
export interface QueryPart {
  words: string[];
  prefix: boolean;
}

export interface ParsedQuery {
  parts: QueryPart[];
  /** The FTS5 MATCH expression: every part required, each quoted so no word is an operator. */
  match: string;
}

/**
 * Turn what the user typed into an FTS5 query over folded text. Quoted text is a
 * phrase (an unclosed quote runs to the end); the last word is a prefix while the
 * user is still typing it (the query does not end with a space or a closing quote).
 * Returns null when there is no word to look for.
 */
export function parseQuery(input: string): ParsedQuery | null {
  const folded = foldVietnamese(input.normalize('NFC'));
  const parts: QueryPart[] = [];
  const chunks = folded.split('"');
  chunks.forEach((chunk, i) => {
    const words = chunk.match(WORD) ?? [];
    if (!words.length) return;
    if (i % 2 === 1) parts.push({ words, prefix: false });
    else for (const w of words) parts.push({ words: [w], prefix: false });
  });
  if (!parts.length) return null;
  const last = parts[parts.length - 1]!;
  // Still typing the last word: the query ends inside a word, not with a space or a closing quote.
  const endsWord = /[\p{L}\p{N}]$/u.test(folded);
  if (endsWord) last.prefix = true;
  const match = parts.map((p) => `"${p.words.join(' ')}"${p.prefix ? ' *' : ''}`).join(' ');
  return { parts, match };
}

/** Every distinct word of the query, with whether it may be a prefix, for highlighting. */
export function highlightTerms(parsed: ParsedQuery): { word: string; prefix: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const part of parsed.parts) {
    part.words.forEach((w, i) => {
      const prefix = part.prefix && i === part.words.length - 1;
      seen.set(w, (seen.get(w) ?? false) || prefix);
    });
  }
  return [...seen].map(([word, prefix]) => ({ word, prefix }));
}
