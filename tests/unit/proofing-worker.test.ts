import { englishSpeller, vietnameseSpeller } from '../../src/main/core/proofing/dictionaries';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NEWSROOM_WORDS } from '../../src/shared/proofing/dictionary';
import { DEFAULT_RULES } from '../../src/shared/proofing/rules/default-rules';
import type { ProofParagraph } from '../../src/shared/proofing/paragraphs';
import type { ArticleFinding } from '../../src/shared/proofing/rules/engine';
import type { Speller } from '../../src/shared/proofing/spelling';

// The session lives in the renderer (web TypeScript project); load it by path and restate its shape.
type Reply = { type: 'configured'; problems: { id?: string }[] } | { type: 'findings'; id: number; findings: ArticleFinding[]; checked: number } | { type: 'failed'; id?: number; message: string };
const PROTOCOL = '../../src/renderer/src/editor/plugins/proofing/protocol';
const { ProofingSession } = (await import(PROTOCOL)) as { ProofingSession: new (s: { vi(): Speller; en(): Speller }) => { handle(message: unknown): Reply } };

// The dictionaries as the core loads them (read once per process).
const vi = vietnameseSpeller();
const en = englishSpeller();
let spellings = 0;
const counted = (s: Speller): Speller => ({ correct: (w) => (spellings++, s.correct(w)), suggest: (w) => s.suggest(w) });

const body = (texts: string[]): ProofParagraph[] => texts.map((text, paragraph) => ({ part: 'body', paragraph, text, pos: 10 * paragraph }));
const configure = { type: 'configure', rules: DEFAULT_RULES, language: 'vi', newsroomWords: DEFAULT_NEWSROOM_WORDS.map((e) => e.word), personalWords: [] };

describe('the proofing worker protocol', () => {
  it('refuses a check before it is configured, naming the request', () => {
    const session = new ProofingSession({ vi: () => vi, en: () => en });
    expect(session.handle({ type: 'check', id: 7, paragraphs: body(['vieejt']), agencyTag: '' })).toEqual({ type: 'failed', id: 7, message: 'proofing is not configured yet' });
  });

  it('answers a check with findings placed by part, paragraph and offset', () => {
    const session = new ProofingSession({ vi: () => vi, en: () => en });
    expect(session.handle(configure)).toMatchObject({ type: 'configured', problems: [] });
    const reply = session.handle({ type: 'check', id: 1, paragraphs: [{ part: 'lead', paragraph: 0, text: '(BLC) – Năm 2024.', pos: 3 }, ...body(['Đoạn đúng.', 'Tiếng vieejt.'])], agencyTag: 'BLC' });
    expect(reply).toMatchObject({ type: 'findings', id: 1, checked: 3 });
    const findings = (reply as { findings: ArticleFinding[] }).findings;
    expect(findings.map((f) => [f.part, f.paragraph, f.start, f.end, f.rule, f.suggestions[0]])).toEqual([
      ['lead', 0, 0, 8, 'agency.with-field', ''],
      ['body', 1, 6, 12, 'spelling.keyboard', 'việt'],
    ]);
  });

  it('spells again only the paragraphs whose text changed', () => {
    const session = new ProofingSession({ vi: () => counted(vi), en: () => counted(en) });
    session.handle(configure);
    session.handle({ type: 'check', id: 1, paragraphs: body(['Một đoạn dài về cán bộ.', 'Đoạn thứ hai.']), agencyTag: '' });
    spellings = 0;
    const reply = session.handle({ type: 'check', id: 2, paragraphs: body(['Một đoạn dài về cán bộ.', 'Đoạn thứ hai, ddaof.']), agencyTag: '' });
    expect(reply).toMatchObject({ type: 'findings', id: 2, checked: 1 });
    expect((reply as { findings: ArticleFinding[] }).findings.map((f) => f.text)).toEqual(['ddaof']);
    expect(spellings).toBeLessThanOrEqual(2);
  });

  it('reports a broken rule on configure and still checks with the others', () => {
    const session = new ProofingSession({ vi: () => vi, en: () => en });
    const rules = { ...DEFAULT_RULES, rules: [...DEFAULT_RULES.rules, { id: 'broken', group: 'typography', severity: 'error', message: { vi: 'x', en: 'x' }, pattern: { type: 'regex', source: '[' }, examples: { match: ['a'], noMatch: ['b'] } }] };
    expect(session.handle({ ...configure, rules })).toMatchObject({ type: 'configured', problems: [{ id: 'broken' }] });
    const reply = session.handle({ type: 'check', id: 3, paragraphs: body(['Cơ quan đã sử lý.']), agencyTag: '' });
    expect((reply as { findings: ArticleFinding[] }).findings.map((f) => f.rule)).toEqual(['confusables.vi']);
  });

  it('never flags a word of the personal dictionary', () => {
    const session = new ProofingSession({ vi: () => vi, en: () => en });
    session.handle({ ...configure, personalWords: ['Xuxu'] });
    const reply = session.handle({ type: 'check', id: 4, paragraphs: body(['Bạn xuxu và zozo.']), agencyTag: '' });
    expect((reply as { findings: ArticleFinding[] }).findings.map((f) => f.text)).toEqual(['zozo']);
  });

  it('never flags a word of the newsroom dictionary it was configured with', () => {
    const session = new ProofingSession({ vi: () => vi, en: () => en });
    session.handle({ ...configure, newsroomWords: ['homestay'] });
    const reply = session.handle({ type: 'check', id: 5, paragraphs: body(['Khách ở homestay và zozo.']), agencyTag: '' });
    expect((reply as { findings: ArticleFinding[] }).findings.map((f) => f.text)).toEqual(['zozo']);
  });
});
