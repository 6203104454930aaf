/**
 * Spelling: Vietnamese by syllable structure first (keyboard leftovers, impossible
 * syllables, misplaced tone marks), then the dictionary with tone placement
 * normalised; English through its own dictionary. What is not a misspelling is
 * never flagged: numbers, abbreviations in capitals, mixed-case brand names,
 * addresses, English words inside Vietnamese text, capitalised names whose
 * syllables are valid, and the newsroom's and the reporter's own words.
 */
import type { Finding, Message } from './finding';
import { decodeKeyboardLeftover, hasStrongKeyboardSign } from './keyboard-leftovers';
import { repairSyllable } from './repairs';
import { composeSyllable, parseSyllable, placeTone, type TonePlacement } from './syllable';
import { wordTokens } from './tokens';

/** What the checker needs of a dictionary; an `nspell` instance is one. */
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export interface SpellingOptions {
  /** The article's language: `vi` checks Vietnamese (English words allowed), anything starting `en` checks English. */
  language: string;
  vi: Speller;
  en: Speller;
  /** Newsroom and personal dictionary: true for a word never to flag. */
  isKnownWord(word: string): boolean;
  /** The house tone placement, used to write suggestions. */
  placement: TonePlacement;
}

type Verdict = Omit<Finding, 'start' | 'end' | 'text'> | null;

const VIETNAMESE_MARKS = /[ăâêôơưđ\u0300\u0301\u0303\u0309\u0323]/;
const MAX_SUGGESTIONS = 5;

const MESSAGES = {
  keyboard: { vi: 'Sót phím gõ tiếng Việt (Telex/VNI).', en: 'Vietnamese keyboard leftover (Telex/VNI).' },
  impossible: { vi: 'Âm tiết không có trong tiếng Việt.', en: 'Not a possible Vietnamese syllable.' },
  tonePosition: { vi: 'Dấu thanh đặt sai vị trí.', en: 'Tone mark on the wrong vowel.' },
  unknownSyllable: { vi: 'Âm tiết không có trong từ điển.', en: 'Syllable not in the dictionary.' },
  unknownWord: { vi: 'Từ không có trong từ điển.', en: 'Word not in the dictionary.' },
} satisfies Record<string, Message>;

const matchCase = (model: string, word: string) => (/^\p{Lu}/u.test(model) ? word.charAt(0).toUpperCase() + word.slice(1) : word);

/**
 * Spelling findings are warnings: they are underlined and listed, but only the
 * desk's house-style errors (agency tag, confusables…) block publishing, so a
 * name the dictionaries do not know never holds a story back.
 */
function verdict(rule: string, message: Message, suggestions: string[], safe: boolean): Verdict {
  return { rule, category: 'spelling', severity: 'warning', message, suggestions: suggestions.slice(0, MAX_SUGGESTIONS), safe };
}

/** A checker for one article's settings; it remembers each word's verdict, so a re-check costs lookups only. */
export function createSpellChecker(options: SpellingOptions): (text: string) => Finding[] {
  const cache = new Map<string, Verdict>();
  const english = options.language.startsWith('en');
  /** Final i and y are interchangeable after a consonant in common usage (`sĩ`/`sỹ`, `lí`/`lý`). */
  const inDictionary = (syllable: string) => {
    const form = placeTone(syllable, 'new');
    if (options.vi.correct(form)) return true;
    const swapped = form.normalize('NFD').replace(/^([^aeiouy]+)([iy])(\p{M}?)$/u, (_, onset: string, v: string, mark: string) => onset + (v === 'i' ? 'y' : 'i') + mark);
    return swapped !== form.normalize('NFD') && options.vi.correct(swapped.normalize('NFC'));
  };
  const house = (syllable: string) => placeTone(syllable, options.placement);

  function dictionarySuggestions(lower: string): string[] {
    return options.vi.suggest(lower).map((s) => house(s.toLowerCase()));
  }

  function checkVietnamese(word: string): Verdict {
    const lower = word.toLowerCase();
    const capitalised = lower !== word;
    const parsed = parseSyllable(lower);
    if (parsed) {
      const oldForm = composeSyllable(parsed, 'old');
      const newForm = composeSyllable(parsed, 'new');
      if (lower !== oldForm && lower !== newForm) return verdict('spelling.tone-position', MESSAGES.tonePosition, [matchCase(word, house(lower))], true);
      if (capitalised || inDictionary(lower)) return null;
      if (options.en.correct(word)) return null;
      return verdict('spelling.unknown-syllable', MESSAGES.unknownSyllable, dictionarySuggestions(lower), false);
    }
    const leftover = decodeKeyboardLeftover(lower, options.placement);
    const isEnglish = options.en.correct(word);
    if (leftover && (!isEnglish || hasStrongKeyboardSign(lower))) return verdict('spelling.keyboard', MESSAGES.keyboard, [matchCase(word, leftover)], true);
    if (isEnglish) return null;
    const marked = VIETNAMESE_MARKS.test(lower.normalize('NFD'));
    if (!marked && capitalised) return null;
    const repaired = repairSyllable(lower, options.placement).filter(inDictionary);
    const suggestions = [...new Set([...repaired, ...dictionarySuggestions(lower)])].map((s) => matchCase(word, s));
    if (marked || repaired.length) return verdict('spelling.impossible-syllable', MESSAGES.impossible, suggestions, repaired.length === 1);
    return verdict('spelling.unknown-word', MESSAGES.unknownWord, suggestions, false);
  }

  function checkEnglish(word: string): Verdict {
    if (/^\p{Lu}/u.test(word) || options.en.correct(word)) return null;
    return verdict('spelling.unknown-word', MESSAGES.unknownWord, options.en.suggest(word), false);
  }

  function judge(word: string): Verdict {
    if (word.length < 2) return null;
    if (/\p{N}/u.test(word)) {
      if (english || !/^\p{L}/u.test(word)) return null;
      const leftover = decodeKeyboardLeftover(word.toLowerCase(), options.placement);
      return leftover ? verdict('spelling.keyboard', MESSAGES.keyboard, [matchCase(word, leftover)], true) : null;
    }
    if (word === word.toUpperCase() || /\p{Lu}/u.test(word.slice(1))) return null;
    if (options.isKnownWord(word)) return null;
    return english ? checkEnglish(word) : checkVietnamese(word);
  }

  return (text) => {
    const findings: Finding[] = [];
    for (const token of wordTokens(text)) {
      let v = cache.get(token.text);
      if (v === undefined) {
        v = judge(token.text);
        cache.set(token.text, v);
      }
      if (v) findings.push({ ...v, start: token.start, end: token.end, text: token.text, suggestions: [...v.suggestions] });
    }
    return findings;
  };
}
