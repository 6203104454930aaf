/**
 * Vietnamese syllable structure: onset + rhyme + tone. A syllable a Vietnamese
 * keyboard can leave behind (`nghành`, `ngiêm`, `qoá`, `bàt`) fails here even when
 * no word list would notice, which is why spelling checks structure before lookup.
 */

/** The five marked tones as combining characters; level tone has none. */
export const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
export type ToneMark = (typeof TONE_MARKS)[number];
export type Tone = ToneMark | '';

/** Where a tone mark goes in `oa`, `oe`, `uy` without a final: `hòa` (old) or `hoà` (new). */
export type TonePlacement = 'old' | 'new';

const TONE_SET = new Set<string>(TONE_MARKS);
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x', ''];

/** Every rhyme of standard Vietnamese (without tone), loanword rhymes `oong`, `ooc` included. */
const RHYMES = new Set(
  (
    'a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
    'e eo ec em en eng ep et ê êu êch êm ên ênh êp êt ' +
    'i ia iu ich im in inh ip it iêc iêm iên iêng iêp iêt iêu ' +
    'o oa oă oe oi oc om on ong op ot ooc oong oac oach oai oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oem oen oeo oet ' +
    'ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u ua uâ ui uy uc um un ung up ut uân uâng uât uây uê uêch uênh uơ uôc uôi uôm uôn uông uôp uôt uya uych uyên uyêt uyn uynh uyp uyt uyu ' +
    'ư ưa ưi ưu ưc ưm ưn ưng ưt ươ ươi ươu ươc ươm ươn ương ươp ươt ' +
    'y yêm yên yêng yêt yêu'
  ).split(' '),
);

const STOP_FINALS = /(p|t|c|ch)$/;
const FRONT_VOWEL = /^[ieêy]/;
const PLAIN_VOWELS = 'aăâeêioôơuưy';

export interface Syllable {
  onset: string;
  rhyme: string;
  tone: Tone;
}

/** Split off the tone mark of a lower-case NFC syllable: `việt` → {`viêt`, dot below}. Null when it carries two tones. */
export function splitTone(syllable: string): { base: string; tone: Tone } | null {
  let tone: Tone = '';
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    if (TONE_SET.has(ch)) {
      if (tone) return null;
      tone = ch as ToneMark;
    } else base += ch;
  }
  return { base: base.normalize('NFC'), tone };
}

/** Parse a lower-case toneless syllable into onset and rhyme, or null when no split gives a valid rhyme. */
function splitOnset(base: string): { onset: string; rhyme: string } | null {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    if (onset === 'gi') {
      if (RHYMES.has(rest)) return { onset, rhyme: rest };
      if (RHYMES.has('i' + rest)) return { onset, rhyme: 'i' + rest };
      continue;
    }
    if (RHYMES.has(rest)) return { onset, rhyme: rest };
  }
  return null;
}

/** Spelling conventions of the onset before the rhyme: k/gh/ngh before i, e, ê, y; c/g/ng elsewhere; q only as qu. */
function onsetFitsRhyme(onset: string, rhyme: string): boolean {
  const front = FRONT_VOWEL.test(rhyme);
  switch (onset) {
    case 'k':
      return front;
    case 'gh':
    case 'ngh':
      return front && !rhyme.startsWith('y');
    case 'c':
    case 'g':
    case 'ng':
      return !front;
    case 'q':
      return false;
    case 'qu':
      return !rhyme.startsWith('u') && !rhyme.startsWith('o');
    default:
      return true;
  }
}

/** Parse a lower-case toneless syllable into onset and rhyme, keeping the onset rules; null when it does not parse. */
export function parseBase(base: string): { onset: string; rhyme: string } | null {
  const parts = splitOnset(base);
  return parts && onsetFitsRhyme(parts.onset, parts.rhyme) ? parts : null;
}

/**
 * Parse a lower-case NFC syllable. Null when it breaks Vietnamese structure: no
 * onset/rhyme split, an onset the rhyme does not allow, two tone marks, or a tone
 * other than sắc or nặng on a syllable closed by p, t, c or ch.
 */
export function parseSyllable(syllable: string): Syllable | null {
  const split = splitTone(syllable);
  if (!split || !split.base) return null;
  const parts = parseBase(split.base);
  if (!parts) return null;
  if (STOP_FINALS.test(parts.rhyme) && split.tone !== '\u0301' && split.tone !== '\u0323') return null;
  return { onset: parts.onset, rhyme: parts.rhyme, tone: split.tone };
}

export const isValidSyllable = (syllable: string): boolean => parseSyllable(syllable) !== null;

/** Index (in the rhyme) of the vowel that carries the tone, by the standard rules and the chosen placement style. */
function toneVowelIndex(rhyme: string, placement: TonePlacement): number {
  const vowels: number[] = [];
  for (let i = 0; i < rhyme.length; i++) if (PLAIN_VOWELS.includes(rhyme[i]!)) vowels.push(i);
  if (vowels.length === 0) return -1;
  const marked = vowels.filter((i) => 'ăâêôơư'.includes(rhyme[i]!));
  if (marked.length) return marked[marked.length - 1]!;
  if (vowels.length === 1) return vowels[0]!;
  const hasFinal = vowels[vowels.length - 1]! < rhyme.length - 1;
  if (hasFinal) return vowels[vowels.length - 1]!;
  if (vowels.length === 3) return vowels[1]!;
  const pair = rhyme.slice(vowels[0]!, vowels[0]! + 2);
  if (pair === 'oa' || pair === 'oe' || pair === 'uy') return placement === 'new' ? vowels[1]! : vowels[0]!;
  return vowels[0]!;
}

/** Write a parsed syllable with its tone mark where the placement style puts it, in NFC. */
export function composeSyllable(s: Syllable, placement: TonePlacement): string {
  // `gì`, `giếng`: the onset gi lends its i to a rhyme that starts with i.
  const onset = s.onset === 'gi' && s.rhyme.startsWith('i') ? 'g' : s.onset;
  if (!s.tone) return onset + s.rhyme;
  const at = toneVowelIndex(s.rhyme, placement);
  if (at < 0) return onset + s.rhyme;
  return (onset + s.rhyme.slice(0, at + 1).normalize('NFD') + s.tone + s.rhyme.slice(at + 1)).normalize('NFC');
}

/** The same lower-case syllable with its tone placed in `placement` style; unchanged when it does not parse. */
export function placeTone(syllable: string, placement: TonePlacement): string {
  const parsed = parseSyllable(syllable);
  return parsed ? composeSyllable(parsed, placement) : syllable;
}

/**
 * Which placement style a lower-case syllable shows, or null when both styles write it alike
 * (only `oa`, `oe`, `uy` without a final, with a tone, tell them apart).
 */
export function placementOf(syllable: string): TonePlacement | null {
  const parsed = parseSyllable(syllable);
  if (!parsed || !parsed.tone) return null;
  const oldForm = composeSyllable(parsed, 'old');
  const newForm = composeSyllable(parsed, 'new');
  if (oldForm === newForm) return null;
  if (syllable === oldForm) return 'old';
  if (syllable === newForm) return 'new';
  return null;
}
