/** Words of a paragraph for spell checking, with web addresses and e-mail addresses left out whole. */

export interface Token {
  text: string;
  start: number;
  end: number;
}

const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"“”]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[@#][\p{L}\p{N}_]+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Runs of letters and digits outside addresses, with their UTF-16 offsets. */
export function wordTokens(text: string): Token[] {
  const masked = text.replace(ADDRESS, (m) => ' '.repeat(m.length));
  const tokens: Token[] = [];
  for (const m of masked.matchAll(WORD)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}
