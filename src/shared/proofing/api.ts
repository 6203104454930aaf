/** API calls of proofing: the desk's rules file and checks run by the core. */
import { z } from 'zod';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const ProofFinding = z.object({
  part: z.enum(['headline', 'lead', 'body', 'caption', 'credit', 'byline']),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  rule: z.string(),
  category: z.enum(['spelling', 'style']),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.object({ vi: z.string(), en: z.string() }),
  suggestions: z.array(z.string()),
  safe: z.boolean(),
});

const RuleProblem = z.object({ index: z.number().int(), id: z.string().optional(), message: z.string() });

/** The rules file as stored: checked for shape here, rule by rule by the loader. */
const RulesFileJson = z.object({ version: z.number().int().positive(), placement: z.enum(['old', 'new']), dictionary: z.array(z.string().max(200)).max(50_000), rules: z.array(z.unknown()).max(2000) });

export const proofingCalls = {
  /** The house-style rules in force (the desk's copy, or the shipped defaults) and any rule that did not load. */
  getProofingRules: call(z.object({}).strict(), z.object({ file: RulesFileJson, problems: z.array(RuleProblem) })),
  /** Replace the rules file; refused when `baseVersion` is not the stored version (someone else saved). */
  saveProofingRules: call(z.object({ file: RulesFileJson, baseVersion: z.number().int().positive() }).strict(), z.object({ version: z.number().int(), problems: z.array(RuleProblem) })),
  /** Counts of findings in a previewed import (the import review shows them per file). */
  proofImport: call(z.object({ importId: z.uuid() }).strict(), z.object({ errors: z.number().int(), warnings: z.number().int(), info: z.number().int() })),
  /** Proof plain paragraphs (body) in a language. */
  proofText: call(z.object({ paragraphs: z.array(z.string().max(200_000)).max(20_000), language: z.string().max(35).default('vi') }).strict(), z.object({ findings: z.array(ProofFinding) })),
};
