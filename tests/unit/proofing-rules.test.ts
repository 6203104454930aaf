import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/shared/proofing/rules/default-rules';
import { checkExample } from '../../src/shared/proofing/rules/engine';
import { loadRules, type RuleData } from '../../src/shared/proofing/rules/schema';
import { readFileSync } from 'node:fs';
import { rulesPathFor, writeRules } from '../../src/main/core/proofing/rules-file';
import { tempDbPerTest } from '../support/temp-per-test';

const loaded = loadRules(DEFAULT_RULES);

describe('the default house-style rules', () => {
  it('all load', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.length).toBe(DEFAULT_RULES.rules.length);
  });

  for (const rule of loaded.rules) {
    describe(rule.data.id, () => {
      for (const example of rule.data.examples.match) {
        it(`matches ${JSON.stringify(example)}`, () => {
          expect(checkExample(rule, example, loaded.placement).length).toBeGreaterThan(0);
        });
      }
      for (const example of rule.data.examples.noMatch) {
        it(`leaves ${JSON.stringify(example)} alone`, () => {
          expect(checkExample(rule, example, loaded.placement)).toEqual([]);
        });
      }
    });
  }
});

describe('suggested fixes', () => {
  const rule = (id: string) => loaded.rules.find((r) => r.data.id === id)!;
  const fix = (id: string, text: string, extra: object = {}) => {
    const [f] = checkExample(rule(id), { text, ...extra }, loaded.placement);
    return f ? text.slice(0, f.start) + f.suggestions[0] + text.slice(f.end) : text;
  };

  it.each([
    ['confusables.vi', 'Sử lý nghiêm vi phạm', 'Xử lý nghiêm vi phạm'],
    ['agency.twice', 'Lai Châu (BLC) – (BLC) – Năm 2024', 'Lai Châu (BLC) – Năm 2024'],
    ['agency.dash', '(BLC) - Năm 2024', '(BLC) – Năm 2024'],
    ['dash.range', 'giai đoạn 2011-2015', 'giai đoạn 2011 – 2015'],
    ['numbers.thousands', 'dân số 1,234,567 người', 'dân số 1.234.567 người'],
    ['dates.leading-zero', 'ngày 10/06/2016', 'ngày 10/6/2016'],
    ['quotes.double', 'nói "được"', 'nói “được”'],
    ['spacing.after-punctuation', 'cán bộ,công chức', 'cán bộ, công chức'],
  ])('%s turns %s into %s', (id, text, fixed) => {
    expect(fix(id, text)).toBe(fixed);
  });

  it('removes the lead opening when the details panel adds the agency tag', () => {
    expect(fix('agency.with-field', '(BLC) – Năm 2024, tỉnh', { agencyTag: 'BLC', part: 'lead' })).toBe('Năm 2024, tỉnh');
  });

  it('converts to the house tone placement', () => {
    expect(fix('tone.placement', 'hòa bình', { placement: 'new' })).toBe('hoà bình');
  });
});

describe('loading a rules file', () => {
  const good = DEFAULT_RULES.rules[0] as RuleData;
  const file = (rules: unknown[]) => ({ ...DEFAULT_RULES, rules });

  it('reports a broken rule by id and keeps the others', () => {
    const broken = { ...good, id: 'broken.regex', pattern: { type: 'regex', source: '(unclosed' } };
    const result = loadRules(file([good, broken]));
    expect(result.rules.map((r) => r.data.id)).toEqual([good.id]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ index: 1, id: 'broken.regex' });
    expect(result.problems[0]!.message).toMatch(/pattern/);
  });

  it('reports a rule missing its message, a repeated id and a pattern that matches nothing at all', () => {
    const noMessage = { ...good, id: 'no.message', message: undefined };
    const empty = { ...good, id: 'empty.match', pattern: { type: 'regex', source: 'x*' } };
    const result = loadRules(file([good, noMessage, good, empty]));
    expect(result.rules).toHaveLength(1);
    expect(result.problems.map((p) => p.id)).toEqual(['no.message', good.id, 'empty.match']);
  });

  it('refuses a file that is not a rules file, with a sentence', () => {
    expect(() => loadRules({ rules: 'none' })).toThrow(/rules file is not valid/);
  });
});

describe('a rules file typed in decomposed (NFD) form', () => {
  const temp = tempDbPerTest();
  const nfd = (s: string) => s.normalize('NFD');
  const decomposed = {
    id: 'test.thuy',
    group: 'tone',
    severity: 'warning',
    message: { vi: nfd('Viết “thủy”.'), en: 'Write “thủy”.' },
    pattern: { type: 'regex', source: nfd('thuỷ'), replacement: nfd('thủy') },
    examples: { match: [nfd('thuỷ lợi')], noMatch: [nfd('thủy lợi')] },
  };
  const pairs = { ...decomposed, id: 'test.pairs', group: 'confusable', pattern: { type: 'pairs', pairs: [[nfd('sử lý'), nfd('xử lý')]] } };
  const file = { ...DEFAULT_RULES, rules: [decomposed, pairs] };

  it('matches the article’s NFC text and suggests NFC letters', () => {
    const result = loadRules(file);
    expect(result.problems).toEqual([]);
    const [thuy, pair] = result.rules;
    const [f] = checkExample(thuy!, 'Công trình thuỷ lợi', result.placement);
    expect(f?.suggestions).toEqual(['thủy']);
    expect(f?.suggestions[0]!.normalize('NFC')).toBe(f?.suggestions[0]);
    expect(thuy!.message.vi).toBe('Viết “thủy”.');
    const [g] = checkExample(pair!, 'Sử lý nghiêm', result.placement);
    expect(g?.suggestions).toEqual(['Xử lý']);
  });

  it('is saved in NFC', () => {
    writeRules(temp.db, file, DEFAULT_RULES.version);
    const text = readFileSync(rulesPathFor(temp.db), 'utf8');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('"thủy"');
  });
});
