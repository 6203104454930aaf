/**
 * House-style checks that need more than one paragraph or the article's details.
 * The rules file names them, and gives their severity, message and examples.
 */
import { placeTone, placementOf, type TonePlacement } from '../syllable';
import { wordTokens } from '../tokens';
import type { ProofParagraph } from '../paragraphs';
import type { RuleData } from './schema';

export interface StyleContext {
  /** The details panel's agency tag (or the profile's), without brackets; empty when none. */
  agencyTag: string;
  placement: TonePlacement;
}

export interface BuiltinHit {
  paragraphIndex: number;
  start: number;
  end: number;
  suggestions: string[];
}

/** `(BLC) – ` or `Lai Châu (BLC) – ` at the start of a paragraph. */
const LEAD_OPENING = /^\s*(?:\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*)* )?\([^()\s]{1,20}\)\s*[–—-]?\s*/u;
const ABBREVIATION = /^[\p{Lu}Đ]{2,8}$/u;
const matchCase = (model: string, word: string) => (/^\p{Lu}/u.test(model) ? word.charAt(0).toUpperCase() + word.slice(1) : word);

/** The lead opens with the tag the page adds again from the details panel. */
function agencyTagWithField(paragraphs: ProofParagraph[], ctx: StyleContext): BuiltinHit[] {
  if (!ctx.agencyTag.trim()) return [];
  const index = paragraphs.findIndex((p) => p.part === 'lead' && p.paragraph === 0);
  const m = index >= 0 ? LEAD_OPENING.exec(paragraphs[index]!.text) : null;
  return m ? [{ paragraphIndex: index, start: m.index, end: m.index + m[0].length, suggestions: [''] }] : [];
}

/** Syllables written in the other tone-placement style than the house's. */
function tonePlacement(paragraphs: ProofParagraph[], ctx: StyleContext): BuiltinHit[] {
  const hits: BuiltinHit[] = [];
  paragraphs.forEach((p, paragraphIndex) => {
    for (const t of wordTokens(p.text)) {
      const lower = t.text.toLowerCase();
      const style = placementOf(lower);
      if (style && style !== ctx.placement) hits.push({ paragraphIndex, start: t.start, end: t.end, suggestions: [matchCase(t.text, placeTone(lower, ctx.placement))] });
    }
  });
  return hits;
}

/** An abbreviation whose first use in lead and body is not `spelled-out words (ABBR)`. */
function abbreviationFirstUse(paragraphs: ProofParagraph[], exempt: readonly string[]): BuiltinHit[] {
  const hits: BuiltinHit[] = [];
  const seen = new Set<string>(exempt);
  paragraphs.forEach((p, paragraphIndex) => {
    if (p.part !== 'lead' && p.part !== 'body') return;
    for (const t of wordTokens(p.text)) {
      if (!ABBREVIATION.test(t.text) || seen.has(t.text)) continue;
      seen.add(t.text);
      const spelledOut = p.text[t.start - 1] === '(' && p.text[t.end] === ')' && t.start > 2;
      if (!spelledOut) hits.push({ paragraphIndex, start: t.start, end: t.end, suggestions: [] });
    }
  });
  return hits;
}

export function runBuiltin(rule: RuleData, paragraphs: ProofParagraph[], ctx: StyleContext): BuiltinHit[] {
  if (rule.pattern.type !== 'builtin') return [];
  switch (rule.pattern.check) {
    case 'agency-tag-with-field':
      return agencyTagWithField(paragraphs, ctx);
    case 'tone-placement':
      return tonePlacement(paragraphs, ctx);
    case 'abbreviation-first-use':
      return abbreviationFirstUse(paragraphs, rule.pattern.exempt);
  }
}
