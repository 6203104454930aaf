import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { WORD } from '../../src/main/core/search/fold';
import type { ArticleStatus } from '../../src/shared/article';
import { SearchInput } from '../../src/shared/search';
import { foldVietnamese } from '../../src/shared/text';
import { doc } from '../support/store-fixture';
import { tempDir } from '../support/temp';

/**
 * Filtered search against a plain reference: for random small corpora, queries and
 * filters (including values no article has), the results must be exactly the live
 * articles holding every word and passing every filter, headline hits first, each
 * group newest first.
 */

const WORDS = ['cán', 'bộ', 'đào', 'tạo', 'công', 'chức', 'nông', 'dân'];
const AUTHORS = ['Minh Anh', 'Thu Hà', 'Tiến Thành'];
const TAGS = ['giáo dục', 'kinh tế', 'y tế'];
const SECTIONS = ['Thời sự', 'Kinh tế'];
const STATUSES: ArticleStatus[] = ['draft', 'submitted', 'published'];
const NOBODY = 'Không ai';
const BASE = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, '+00:00');

interface Spec {
  headline: string[];
  body: string[];
  status: ArticleStatus;
  section: string;
  author: string;
  tags: string[];
  binned: boolean;
}

const articleSpec = fc.record({
  headline: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  body: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
  status: fc.constantFrom(...STATUSES),
  section: fc.constantFrom(...SECTIONS),
  author: fc.constantFrom(...AUTHORS),
  tags: fc.subarray(TAGS),
  binned: fc.boolean(),
});

const filterSpec = fc.record(
  {
    status: fc.constantFrom<ArticleStatus>(...STATUSES, 'approved'),
    section: fc.constantFrom(...SECTIONS, NOBODY),
    author: fc.constantFrom(...AUTHORS, NOBODY),
    tag: fc.constantFrom(...TAGS, NOBODY),
    from: fc.integer({ min: 0, max: 8 }),
    to: fc.integer({ min: 0, max: 8 }),
  },
  { requiredKeys: [] },
);

const querySpec = fc.record({ words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), cut: fc.integer({ min: 0, max: 4 }) });

const tokens = (text: string) => new Set(foldVietnamese(text.normalize('NFC')).match(WORD) ?? []);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('filtered search', () => {
  it('returns exactly what a plain scan of the corpus finds, for any filters, near-empty and empty ones included', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(articleSpec, { maxLength: 24 }), fc.array(fc.tuple(querySpec, filterSpec), { minLength: 1, maxLength: 6 }), (specs: Spec[], searches) => {
        const db = openDatabase(join(dir, `corpus-${run++}.db`));
        try {
          let clock = BASE;
          const repo = new ArticleRepository(db, { now: () => iso(clock), author: () => 'test' });
          const ids = specs.map((s, k) => {
            clock = BASE + k * 1000;
            const id = repo.create({
              document: doc({ headline: s.headline.join(' '), paragraphs: [s.body.join(' ')], authors: [s.author] }),
              meta: { status: s.status, section: s.section, tags: s.tags },
            }).meta.id;
            if (s.binned) repo.setDeleted(id, true);
            return id;
          });
          for (const [q, f] of searches) {
            // A cut makes the last word an unfinished prefix, as while typing.
            const last = q.words[q.words.length - 1]!;
            const cutLast = q.cut > 0 && q.cut < last.length ? last.slice(0, last.length - q.cut) : null;
            const query = cutLast ? [...q.words.slice(0, -1), cutLast].join(' ') : `${q.words.join(' ')} `;
            const input = { query, ...f, from: f.from === undefined ? undefined : iso(BASE + f.from * 1000), to: f.to === undefined ? undefined : iso(BASE + f.to * 1000), limit: 100 };
            const wanted = q.words.map((w, i) => ({ word: foldVietnamese(i === q.words.length - 1 && cutLast ? cutLast : w), prefix: i === q.words.length - 1 && cutLast !== null }));
            const has = (set: Set<string>) => wanted.every((t) => (t.prefix ? [...set].some((x) => x.startsWith(t.word)) : set.has(t.word)));
            const passing = specs
              .map((s, k) => ({ s, k }))
              .filter(({ s, k }) =>
                !s.binned &&
                (f.status === undefined || s.status === f.status) &&
                (f.section === undefined || s.section === f.section) &&
                (f.author === undefined || s.author === f.author) &&
                (f.tag === undefined || s.tags.includes(f.tag)) &&
                (f.from === undefined || k >= f.from) &&
                (f.to === undefined || k <= f.to),
              )
              .filter(({ s }) => has(tokens([...s.headline, ...s.body, s.author, ...s.tags].join(' '))))
              .reverse();
            const inHeadline = passing.filter(({ s }) => has(tokens(s.headline.join(' '))));
            const rest = passing.filter((p) => !inHeadline.includes(p));
            const expected = [...inHeadline, ...rest].map(({ k }) => ids[k]);
            const got = repo.search.search(SearchInput.parse(input)).items.map((h) => h.article.id);
            expect(got, JSON.stringify(input)).toEqual(expected);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
