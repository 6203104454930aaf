/**
 * Candidate repairs of an impossible Vietnamese syllable, from the mistakes a
 * reporter actually makes: the wrong one of c/k/q, g/gh, ng/ngh; a syllable closed
 * by p, t, c or ch without its sắc or nặng; two letters swapped. Every candidate
 * returned is a valid syllable; the caller keeps the ones the dictionary knows.
 */
import { composeSyllable, parseBase, parseSyllable, splitTone, type TonePlacement } from './syllable';

const ONSET_SWAPS: [RegExp, string][] = [
  [/^ngh(?=[^ieê])/, 'ng'],
  [/^ng(?=[ieê])/, 'ngh'],
  [/^gh(?=[^ieê])/, 'g'],
  [/^g(?=[eê])/, 'gh'],
  [/^k(?=[^ieêy])/, 'c'],
  [/^c(?=[ieêy])/, 'k'],
  [/^q[oư]?(?=[^u])/, 'qu'],
  [/^c(?=o[aeă])/, 'qu'],
];

/** Lower-case toneless swaps of adjacent letters, in the order they are tried. */
function transpositions(base: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < base.length; i++) {
    if (base[i] === base[i + 1]) continue;
    out.push(base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2));
  }
  return out;
}

/** Valid syllables a lower-case impossible syllable may have meant, best guesses first, tone kept. */
export function repairSyllable(word: string, placement: TonePlacement): string[] {
  const split = splitTone(word);
  if (!split) return [];
  const { base, tone } = split;
  const bases: string[] = [];
  for (const [pattern, onset] of ONSET_SWAPS) if (pattern.test(base)) bases.push(base.replace(pattern, onset));
  bases.push(...transpositions(base));
  if (!bases.includes(base)) bases.push(base);
  const out: string[] = [];
  for (const b of bases) {
    const parts = parseBase(b);
    if (!parts) continue;
    const tones = /(p|t|c|ch)$/.test(parts.rhyme) && tone !== '\u0301' && tone !== '\u0323' ? (['\u0301', '\u0323'] as const) : [tone];
    for (const t of tones) {
      const candidate = composeSyllable({ ...parts, tone: t }, placement);
      if (candidate !== word && parseSyllable(candidate) && !out.includes(candidate)) out.push(candidate);
    }
  }
  return out;
}
