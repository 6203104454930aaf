/**
 * The house-style rules file: versioned data the desk edits from the app. This
 * module states its shape and loads it; a broken rule is reported by id with the
 * reason and left out, and every other rule still applies.
 */
import { z } from 'zod';
import type { FindingCategory, Message, Severity } from '../finding';
import type { TonePlacement } from '../syllable';
import { nfc } from '../../text';

/** What a rule is about; it groups the Proofing panel's counts. Confusables are spelling, the rest style. */
export const RULE_GROUPS = ['confusable', 'typography', 'punctuation', 'numbers', 'dates', 'agency', 'tone', 'abbreviation'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** Checks that need the whole article or its details, named by the rules file and implemented in `builtins.ts`. */
export const BUILTIN_CHECKS = ['agency-tag-with-field', 'tone-placement', 'abbreviation-first-use'] as const;

const MessageSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });

const ExampleSchema = z.union([
  z.string(),
  z.object({ text: z.string(), agencyTag: z.string().optional(), placement: z.enum(['old', 'new']).optional(), part: z.enum(['headline', 'lead', 'body']).optional() }),
]);
export type RuleExample = z.infer<typeof ExampleSchema>;

const PatternSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('regex'),
    source: z.string().min(1),
    /** Over `folded` text the pattern sees no tone marks and d for đ, lower case. */
    over: z.enum(['text', 'folded']).default('text'),
    /** The suggestion: `$1`-style template over the match. */
    replacement: z.string().optional(),
    /** Instead of a template, swap these two characters in the match (number separators). */
    swap: z.tuple([z.string().length(1), z.string().length(1)]).optional(),
    /** Only in these parts (default: all). */
    parts: z.array(z.enum(['headline', 'lead', 'body', 'caption', 'credit', 'byline'])).optional(),
  }),
  z.object({ type: z.literal('pairs'), pairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(1) }),
  z.object({ type: z.literal('builtin'), check: z.enum(BUILTIN_CHECKS), exempt: z.array(z.string()).default([]) }),
]);

const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/, 'a rule id is lower-case letters, digits, dots and dashes'),
  group: z.enum(RULE_GROUPS),
  severity: z.enum(['error', 'warning', 'info']),
  enabled: z.boolean().default(true),
  /** A suggestion safe to apply with *apply all safe fixes*. */
  safe: z.boolean().default(false),
  message: MessageSchema,
  pattern: PatternSchema,
  examples: z.object({ match: z.array(ExampleSchema).min(1), noMatch: z.array(ExampleSchema).min(1) }),
});
export type RuleData = z.infer<typeof RuleSchema>;

export const RulesFileSchema = z.object({
  version: z.number().int().positive(),
  /** House tone placement: `old` writes hòa, thủy; `new` writes hoà, thuỷ. */
  placement: z.enum(['old', 'new']),
  /**
   * Where the newsroom dictionary was kept before it moved into the database: a
   * file that still has it is emptied into the store once (see rules-file.ts).
   */
  dictionary: z.array(z.string()).optional(),
  rules: z.array(z.unknown()),
});
export type RulesFile = Omit<z.infer<typeof RulesFileSchema>, 'rules'> & { rules: unknown[] };

export interface CompiledRule {
  data: RuleData;
  category: FindingCategory;
  severity: Severity;
  message: Message;
  /** For regex rules: the compiled pattern (global, Unicode). */
  regex?: RegExp;
}

export interface RuleProblem {
  /** Position in the file's `rules` list. */
  index: number;
  id?: string;
  message: string;
}

export interface LoadedRules {
  version: number;
  placement: TonePlacement;
  rules: CompiledRule[];
  problems: RuleProblem[];
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = '[\\p{L}\\p{M}]';

/** A word-pair list as one regex over whole words, upper-case first letters allowed. */
function pairsRegex(pairs: [string, string][]): RegExp {
  const alternatives = pairs.map(([wrong]) => {
    const first = wrong.charAt(0);
    return `[${escapeRegex(first)}${escapeRegex(first.toUpperCase())}]${escapeRegex(wrong.slice(1))}`;
  });
  return new RegExp(`(?<!${LETTER})(?:${alternatives.join('|')})(?!${LETTER})`, 'gu');
}

function compile(data: RuleData): CompiledRule {
  const base = { data, category: data.group === 'confusable' ? ('spelling' as const) : ('style' as const), severity: data.severity, message: data.message };
  if (data.pattern.type === 'regex') return { ...base, regex: new RegExp(data.pattern.source, 'gu') };
  if (data.pattern.type === 'pairs') return { ...base, regex: pairsRegex(data.pattern.pairs) };
  return base;
}

function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('; ');
}

/**
 * Every string of a rules file in NFC, as the app stores all text: a pattern,
 * pair or replacement typed in decomposed form would otherwise never match the
 * (NFC) article, or write decomposed letters into it when applied.
 */
export function nfcRulesFile<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => nfcRulesFile(v)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfcRulesFile(v)])) as T;
  return value;
}

/**
 * Load a rules file (its strings taken in NFC). A file that is not a rules file at all throws with one sentence;
 * a single rule that is malformed, has a bad regex, repeats an id or matches an empty
 * string is listed in `problems` and left out, the others load.
 */
export function loadRules(input: unknown): LoadedRules {
  const file = RulesFileSchema.safeParse(nfcRulesFile(input));
  if (!file.success) throw new Error(`The rules file is not valid: ${describeZodError(file.error)}.`);
  const rules: CompiledRule[] = [];
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  file.data.rules.forEach((raw, index) => {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ index, id, message: describeZodError(parsed.error) });
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ index, id, message: `the id "${parsed.data.id}" is used by an earlier rule` });
      return;
    }
    try {
      const compiled = compile(parsed.data);
      if (compiled.regex && new RegExp(compiled.regex.source, 'u').test('')) throw new Error('the pattern matches empty text');
      seen.add(parsed.data.id);
      rules.push(compiled);
    } catch (err) {
      problems.push({ index, id, message: `pattern: ${(err as Error).message}` });
    }
  });
  return { version: file.data.version, placement: file.data.placement, rules, problems };
}
