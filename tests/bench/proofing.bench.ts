/**
 * Proofing on a labelled corpus written for this project
 * (`tests/fixtures/proofing/`): sentences in the paper's register with known
 * non-words, confusables and house-style slips, and clean text full of names.
 * Prints, next to plain nspell + dictionary-vi on the same corpus in the same run:
 *
 * 1. recall per category (a labelled slip counts when a finding overlaps it);
 * 2. right fix: the share of found slips where applying one of the finding's suggestions gives the corrected text;
 * 3. false alarms per 1,000 words (findings that overlap no label, clean text included);
 * 4. a full check of a 10,000-word article, and loading both dictionaries.
 *
 *     npm run bench proofing
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { createProofer } from '../../src/shared/proofing/proof';
import type { ProofParagraph } from '../../src/shared/proofing/paragraphs';
import { DEFAULT_RULES } from '../../src/shared/proofing/rules/default-rules';
import { DEFAULT_NEWSROOM_WORDS } from '../../src/shared/proofing/dictionary';
import { loadRules } from '../../src/shared/proofing/rules/schema';
import { countWords } from '../../src/shared/text';

type Category = 'nonword' | 'confusable' | 'style';
interface Label {
  start: number;
  end: number;
  right: string;
  category: Category;
}
interface Line {
  text: string;
  labels: Label[];
}
interface Hit {
  start: number;
  end: number;
  suggestions: string[];
}

const FIXTURES = join(import.meta.dirname, '../fixtures/proofing');
const LABEL = /\{([^{}]*?)=>([^{}|]*?)(?:\|([cs]))?\}/g;

function readCorpus(file: string): Line[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((raw) => {
      const labels: Label[] = [];
      let text = '';
      let last = 0;
      for (const m of raw.matchAll(LABEL)) {
        text += raw.slice(last, m.index);
        const start = text.length;
        text += m[1]!;
        labels.push({ start, end: text.length, right: m[2]!, category: m[3] === 'c' ? 'confusable' : m[3] === 's' ? 'style' : 'nonword' });
        last = m.index + m[0].length;
      }
      text += raw.slice(last);
      return { text: text.normalize('NFC'), labels };
    });
}

const require = createRequire(import.meta.url);
function dictionaryBytes(name: string) {
  const dir = dirname(require.resolve(name));
  return { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) };
}

let t0 = performance.now();
const vi = nspell(dictionaryBytes('dictionary-vi'));
const viLoadMs = performance.now() - t0;
t0 = performance.now();
const en = nspell(dictionaryBytes('dictionary-en'));
const enLoadMs = performance.now() - t0;

const rules = loadRules(DEFAULT_RULES);
/** The paper's default newsroom dictionary, as a new database is seeded with it. */
const newsroomWords = DEFAULT_NEWSROOM_WORDS.map((e) => e.word);
const lines = [...readCorpus('labelled-errors.txt'), ...readCorpus('clean.txt')];
const words = lines.reduce((n, l) => n + countWords(l.text), 0);
const paragraphs: ProofParagraph[] = lines.map((l, paragraph) => ({ part: 'body', paragraph, text: l.text, pos: -1 }));

function score(name: string, hitsOf: (line: Line, index: number) => Hit[]): void {
  const found: Record<Category, number> = { nonword: 0, confusable: 0, style: 0 };
  const total: Record<Category, number> = { nonword: 0, confusable: 0, style: 0 };
  let fixable = 0;
  let fixed = 0;
  let falseAlarms = 0;
  const missed: string[] = [];
  const alarms: string[] = [];
  lines.forEach((line, i) => {
    const hits = hitsOf(line, i);
    for (const label of line.labels) {
      total[label.category]++;
      const overlapping = hits.filter((h) => h.start < label.end && h.end > label.start);
      if (!overlapping.length) {
        missed.push(line.text.slice(label.start, label.end));
        continue;
      }
      found[label.category]++;
      const wrong = line.text.slice(label.start, label.end);
      if (wrong === label.right) continue; // detection-only label (no text fix exists)
      fixable++;
      const want = line.text.slice(0, label.start) + label.right + line.text.slice(label.end);
      if (overlapping.some((h) => h.suggestions.some((s) => line.text.slice(0, h.start) + s + line.text.slice(h.end) === want))) fixed++;
    }
    for (const h of hits) {
      if (!line.labels.some((l) => h.start < l.end && h.end > l.start)) {
        falseAlarms++;
        alarms.push(line.text.slice(h.start, h.end));
      }
    }
  });
  const r = (c: Category) => (total[c] ? (found[c] / total[c]).toFixed(2) : '-');
  console.log(
    `${name.padEnd(26)} non-word ${r('nonword')} (${found.nonword}/${total.nonword})  confusables ${r('confusable')} (${found.confusable}/${total.confusable})  house style ${r('style')} (${found.style}/${total.style})  right fix ${(fixable ? fixed / fixable : 0).toFixed(2)} (${fixed}/${fixable})  false alarms ${((falseAlarms / words) * 1000).toFixed(1)}/1,000 words (${falseAlarms})`,
  );
  if (process.env.VERBOSE) console.log(`  missed: ${missed.join(' · ')}\n  false alarms: ${alarms.join(' · ')}`);
}

console.log(`corpus: ${lines.length} paragraphs, ${words} words, ${lines.reduce((n, l) => n + l.labels.length, 0)} labelled slips`);
const proofer = createProofer({ language: 'vi', vi, en, rules, newsroomWords });
const byParagraph = new Map<number, Hit[]>();
for (const f of proofer.proof(paragraphs, '')) byParagraph.set(f.paragraph, [...(byParagraph.get(f.paragraph) ?? []), f]);
score('Newsroom proofing', (_, i) => byParagraph.get(i) ?? []);
score('plain nspell + dictionary-vi', (line) =>
  [...line.text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].filter((m) => /\p{L}/u.test(m[0]) && !vi.correct(m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length, suggestions: vi.suggest(m[0]) })),
);

// A 10,000-word article from the clean text, checked cold (fresh proofer, empty caches) and again.
const clean = readCorpus('clean.txt');
const article: ProofParagraph[] = [];
for (let i = 0, n = 0; n < 10_000; i++) {
  const text = clean[i % clean.length]!.text;
  article.push({ part: 'body', paragraph: i, text, pos: -1 });
  n += countWords(text);
}
const articleWords = article.reduce((n, p) => n + countWords(p.text), 0);
t0 = performance.now();
createProofer({ language: 'vi', vi, en, rules, newsroomWords }).proof(article, 'BLC');
const coldMs = performance.now() - t0;
const warm = createProofer({ language: 'vi', vi, en, rules, newsroomWords });
warm.proof(article, 'BLC');
t0 = performance.now();
warm.proof(article, 'BLC');
const warmMs = performance.now() - t0;
console.log(`full check of ${articleWords} words: ${coldMs.toFixed(0)} ms cold, ${warmMs.toFixed(0)} ms with words already judged (target ≤ 300 ms)`);
console.log(`dictionary load (read and parse): Vietnamese ${viLoadMs.toFixed(0)} ms, English ${enLoadMs.toFixed(0)} ms, both ${(viLoadMs + enLoadMs).toFixed(0)} ms (target ≤ 500 ms)`);
