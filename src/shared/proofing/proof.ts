/**
 * Proof an article: spelling and house style over its paragraphs, findings in
 * document order. Every surface (CLI, preflight, editor worker, bench) calls this.
 */
import type { ProofParagraph } from './paragraphs';
import { checkStyle, type ArticleFinding, type StyleContext } from './rules/engine';
import type { LoadedRules } from './rules/schema';
import { createSpellChecker, type Speller } from './spelling';

export interface Proofer {
  /** Findings of the paragraphs, sorted by paragraph order then offset. */
  proof(paragraphs: ProofParagraph[], agencyTag: string): ArticleFinding[];
  /** Spelling findings of one paragraph (the editor re-checks only changed paragraphs). */
  spell(paragraph: ProofParagraph): ArticleFinding[];
  /** House-style findings of the whole article (cheap: regexes and counts). */
  style(paragraphs: ProofParagraph[], agencyTag: string): ArticleFinding[];
}

export interface ProoferOptions {
  language: string;
  vi: Speller;
  en: Speller;
  rules: LoadedRules;
  /** The newsroom dictionary's entries (from the store). */
  newsroomWords?: readonly string[];
  /** The reporter's personal dictionary, on top of the newsroom one. */
  personalWords?: readonly string[];
}

/** Words of the newsroom and personal dictionaries, one entry per word (multi-word names split). */
function knownWords(entries: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const entry of entries) for (const w of entry.normalize('NFC').split(/\s+/)) if (w) words.add(w);
  return words;
}

export function createProofer(options: ProoferOptions): Proofer {
  const known = knownWords([...(options.newsroomWords ?? []), ...(options.personalWords ?? [])]);
  const lowerKnown = new Set([...known].map((w) => w.toLowerCase()));
  const spellText = createSpellChecker({
    language: options.language,
    vi: options.vi,
    en: options.en,
    placement: options.rules.placement,
    isKnownWord: (w) => known.has(w) || lowerKnown.has(w.toLowerCase()),
  });
  const spell = (p: ProofParagraph): ArticleFinding[] => spellText(p.text).map((f) => ({ ...f, part: p.part, paragraph: p.paragraph }));
  const style = (paragraphs: ProofParagraph[], agencyTag: string): ArticleFinding[] => {
    const ctx: StyleContext = { agencyTag, placement: options.rules.placement };
    return checkStyle(paragraphs, options.rules.rules, ctx);
  };
  return {
    spell,
    style,
    proof(paragraphs, agencyTag) {
      return sortFindings(paragraphs, [...paragraphs.flatMap(spell), ...style(paragraphs, agencyTag)]);
    },
  };
}

/** Document order: by the paragraph's place in the article, then offset, then rule. */
export function sortFindings(paragraphs: readonly ProofParagraph[], findings: ArticleFinding[]): ArticleFinding[] {
  const order = new Map(paragraphs.map((p, i) => [`${p.part}:${p.paragraph}`, i]));
  return findings.sort((a, b) => (order.get(`${a.part}:${a.paragraph}`) ?? 0) - (order.get(`${b.part}:${b.paragraph}`) ?? 0) || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
