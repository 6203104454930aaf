/** API calls of proofing: the desk's rules file and checks run by the core. */
import { z } from 'zod';
import { ProofingOverrideEntry } from './override';
import { DictionaryKind, DictionaryWord, NewsroomWord, OfferedWord } from './dictionary';

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

/** The rules file as stored: checked for shape here, rule by rule by the loader. The newsroom dictionary is not part of it (see the dictionary calls). */
const RulesFileJson = z.object({ version: z.number().int().positive(), placement: z.enum(['old', 'new']), rules: z.array(z.unknown()).max(2000) }).strict();

export const proofingCalls = {
  /** The house-style rules in force (the desk's copy, or the shipped defaults) and any rule that did not load. */
  getProofingRules: call(z.object({}).strict(), z.object({ file: RulesFileJson, problems: z.array(RuleProblem) })),
  /** Replace the rules file; refused when `baseVersion` is not the stored version (someone else saved). */
  saveProofingRules: call(z.object({ file: RulesFileJson, baseVersion: z.number().int().positive() }).strict(), z.object({ version: z.number().int(), problems: z.array(RuleProblem) })),
  /** Counts of findings in a previewed import (the import review shows them per file). */
  proofImport: call(z.object({ importId: z.uuid() }).strict(), z.object({ errors: z.number().int(), warnings: z.number().int(), info: z.number().int() })),
  /** Proof plain paragraphs (body) in a language. */
  proofText: call(z.object({ paragraphs: z.array(z.string().max(200_000)).max(20_000), language: z.string().max(35).default('vi') }).strict(), z.object({ findings: z.array(ProofFinding) })),
  /** The newsroom dictionary (containing `query` when given), entries packages offered, and whether this profile may edit (desk only). */
  listNewsroomDictionary: call(
    z.object({ query: z.string().max(200).default('') }).strict(),
    z.object({ entries: z.array(NewsroomWord), offered: z.array(OfferedWord), canEdit: z.boolean() }),
  ),
  /** Add an entry, or change its kind; desk only. */
  addNewsroomWord: call(z.object({ word: DictionaryWord, kind: DictionaryKind.default('word') }).strict(), NewsroomWord),
  /** Remove an entry; desk only. */
  removeNewsroomWord: call(z.object({ word: DictionaryWord }).strict(), z.object({ removed: z.boolean() })),
  /** Accept offered entries into the dictionary, or decline them; desk only. Either way the offers go. */
  decideOfferedWords: call(z.object({ words: z.array(DictionaryWord).min(1).max(50_000), accept: z.boolean() }).strict(), z.object({ accepted: z.number().int(), declined: z.number().int() })),
  /** The local profile's personal dictionary. */
  listPersonalWords: call(z.object({}).strict(), z.object({ words: z.array(z.string()) })),
  /** Add words to the local profile's personal dictionary (*add to dictionary*; also the one-time move from browser storage). */
  addPersonalWords: call(z.object({ words: z.array(DictionaryWord).min(1).max(50_000) }).strict(), z.object({ words: z.array(z.string()) })),
  /** Exports and publications of the article that went out past proofing errors (History shows them). */
  listProofingOverrides: call(z.object({ id: z.uuid() }).strict(), z.array(ProofingOverrideEntry)),
};
