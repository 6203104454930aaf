/**
 * Telex and VNI leftovers: what a Vietnamese keyboard leaves when the input method
 * was off or lost a keystroke (`vieejt`, `ddaof`, `vie65t`). Decoding the keystrokes
 * back gives the word the reporter meant, which is the suggestion.
 */
import { composeSyllable, parseBase, parseSyllable, type Tone, type TonePlacement } from './syllable';

const TELEX_TONES: Record<string, Tone> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONES: Record<string, Tone> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };
const CIRCUMFLEX: Record<string, string> = { a: 'â', e: 'ê', o: 'ô' };
const HORN: Record<string, string> = { o: 'ơ', u: 'ư' };
const VOWEL = /[aăâeêioôơuưy]/;

/** Put a horn on the last u/o (both of `uo`, as in `ươ`), or Telex's breve on a; false when there is none. */
function addHorn(chars: string[], breveOnA: boolean): boolean {
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    if (c === 'o' && chars[i - 1] === 'u') {
      chars[i - 1] = 'ư';
      chars[i] = 'ơ';
      return true;
    }
    if (HORN[c]) {
      chars[i] = HORN[c];
      return true;
    }
    if (c === 'a' && breveOnA) {
      chars[i] = 'ă';
      return true;
    }
  }
  return false;
}

function finish(chars: string[], tone: Tone, placement: TonePlacement): string | null {
  const parsed = parseBase(chars.join(''));
  if (!parsed) return null;
  const withTone = { ...parsed, tone };
  const written = composeSyllable(withTone, placement);
  return parseSyllable(written) ? written : null;
}

/** Read a lower-case word as Telex keystrokes; null when it is not a Telex spelling of a valid syllable. */
export function decodeTelex(word: string, placement: TonePlacement): string | null {
  const chars: string[] = [];
  let tone: Tone = '';
  let used = false;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const last = chars[chars.length - 1];
    const sawVowel = chars.some((ch) => VOWEL.test(ch));
    if (c === 'd' && last === 'd' && chars.length === 1) {
      chars[0] = 'đ';
      used = true;
    } else if (CIRCUMFLEX[c] && chars.lastIndexOf(c) >= 0 && chars.slice(chars.lastIndexOf(c) + 1).every((ch) => !VOWEL.test(ch))) {
      chars[chars.lastIndexOf(c)] = CIRCUMFLEX[c];
      used = true;
    } else if (c === 'w') {
      if (!addHorn(chars, true)) chars.push('ư');
      used = true;
    } else if (TELEX_TONES[c] !== undefined && sawVowel) {
      if (tone) return null;
      tone = TELEX_TONES[c]!;
      used = true;
    } else chars.push(c);
  }
  return used ? finish(chars, tone, placement) : null;
}

/** Read a lower-case word as VNI keystrokes (digits for marks); null when it is not one. */
export function decodeVni(word: string, placement: TonePlacement): string | null {
  if (!/[a-zđ][1-9]/.test(word)) return null;
  const chars: string[] = [];
  let tone: Tone = '';
  for (const c of word) {
    if (VNI_TONES[c] !== undefined) {
      if (tone) return null;
      tone = VNI_TONES[c]!;
    } else if (c === '6') {
      const at = chars.findLastIndex((ch) => CIRCUMFLEX[ch] !== undefined);
      if (at < 0) return null;
      chars[at] = CIRCUMFLEX[chars[at]!]!;
    } else if (c === '7') {
      if (!addHorn(chars, false)) return null;
    } else if (c === '8') {
      const at = chars.lastIndexOf('a');
      if (at < 0) return null;
      chars[at] = 'ă';
    } else if (c === '9') {
      const at = chars.indexOf('d');
      if (at < 0) return null;
      chars[at] = 'đ';
    } else if (/[0-9]/.test(c)) return null;
    else chars.push(c);
  }
  return finish(chars, tone, placement);
}

/** True when an invalid word shows keystrokes that mark a Vietnamese keyboard: `dd`, a doubled â/ê/ô key, a `w` mark or a VNI digit. */
export function hasStrongKeyboardSign(word: string): boolean {
  return /^dd|aa|ee|oo|[aou]w|[a-z][1-9]/.test(word);
}

/** The word a Telex or VNI leftover stands for, in the house placement style, or null. */
export function decodeKeyboardLeftover(word: string, placement: TonePlacement): string | null {
  return decodeTelex(word, placement) ?? decodeVni(word, placement);
}
