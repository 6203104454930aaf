/**
 * The proofing worker's protocol, and the session that answers it. The session is
 * plain code (no Worker API), so the protocol is tested directly; `worker.ts` only
 * wires it to `postMessage`.
 */
import { createProofer, sortFindings, type Proofer } from '../../../../../shared/proofing/proof';
import type { ProofParagraph } from '../../../../../shared/proofing/paragraphs';
import type { ArticleFinding } from '../../../../../shared/proofing/rules/engine';
import { loadRules, type RuleProblem, type RulesFile } from '../../../../../shared/proofing/rules/schema';
import type { Speller } from '../../../../../shared/proofing/spelling';

export type ToWorker =
  | { type: 'configure'; rules: RulesFile; language: string; newsroomWords: string[]; personalWords: string[] }
  | { type: 'check'; id: number; paragraphs: ProofParagraph[]; agencyTag: string };

export type FromWorker =
  | { type: 'configured'; problems: RuleProblem[]; loadMs: number }
  | { type: 'findings'; id: number; findings: ArticleFinding[]; checked: number; ms: number }
  | { type: 'failed'; id?: number; message: string };

/** Spellers are made once per worker, the first time they are needed. */
export interface SpellerSource {
  vi(): Speller;
  en(): Speller;
}

/**
 * One editor's proofing: the proofer for the article's language and rules, and the
 * spelling findings of every paragraph text already checked, so a check only
 * spells the paragraphs whose text changed (house style runs over all: it is
 * regexes and counts, and some of its rules look at the whole article).
 */
export class ProofingSession {
  private proofer: Proofer | null = null;
  private spelled = new Map<string, ArticleFinding[]>();

  constructor(private readonly spellers: SpellerSource) {}

  handle(message: ToWorker): FromWorker {
    try {
      if (message.type === 'configure') {
        const started = performance.now();
        const rules = loadRules(message.rules);
        this.proofer = createProofer({ language: message.language, vi: this.spellers.vi(), en: this.spellers.en(), rules, newsroomWords: message.newsroomWords, personalWords: message.personalWords });
        this.spelled = new Map();
        return { type: 'configured', problems: rules.problems, loadMs: performance.now() - started };
      }
      if (!this.proofer) return { type: 'failed', id: message.id, message: 'proofing is not configured yet' };
      const started = performance.now();
      let checked = 0;
      const next = new Map<string, ArticleFinding[]>();
      const spelling: ArticleFinding[] = [];
      for (const p of message.paragraphs) {
        let found = next.get(p.text) ?? this.spelled.get(p.text);
        if (!found) {
          found = this.proofer.spell({ ...p, part: 'body', paragraph: 0 });
          checked++;
        }
        next.set(p.text, found);
        spelling.push(...found.map((f) => ({ ...f, part: p.part, paragraph: p.paragraph })));
      }
      this.spelled = next;
      const findings = sortFindings(message.paragraphs, [...spelling, ...this.proofer.style(message.paragraphs, message.agencyTag)]);
      return { type: 'findings', id: message.id, findings, checked, ms: performance.now() - started };
    } catch (err) {
      return { type: 'failed', id: message.type === 'check' ? message.id : undefined, message: (err as Error).message };
    }
  }
}
