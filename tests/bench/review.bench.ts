/**
 * Review and handoff costs on a realistic article (the seed story, ~1,000 chữ,
 * grown to 10,000 chữ) with a long history: 200 saved revisions, 100 comment
 * threads and 100 open suggestions. Issue 8 sets no numeric targets; these are
 * the figures to watch:
 *
 * 1. pack: building the .newsroom package (ms, bytes);
 * 2. unpack on a fresh database (ms), and again on the sender's own database
 *    (the "unchanged" path that fingerprints both histories);
 * 3. listComments with re-anchoring every thread after a paragraph was inserted at the top;
 * 4. compareDocuments of two 10k-chữ versions that differ in one paragraph.
 *
 *     npm run bench review
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { EditorState } from 'prosemirror-state';
import { createCore, type Core } from '../../src/main/core/core';
import { buildPackage, unpackBytes } from '../../src/main/core/handoff';
import { documentFromStored, documentToStored, createDocument } from '../../src/shared/document';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import { buildTextIndex, rangeOf } from '../../src/shared/review/text-index';
import { countWords } from '../../src/shared/text';
import { tempDir, SEED_PATH } from '../support/temp';

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

const { dir, cleanup } = tempDir('newsroom-bench-review-');
try {
  const a = createCore({ databasePath: join(dir, 'a.db'), host: 'browser' });
  const b = createCore({ databasePath: join(dir, 'b.db'), host: 'browser' });
  await call(a, 'setLocalProfile', { displayName: 'Tiến Thành', initials: 'TT', role: 'editor', color: '#1a7f5a' });
  await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });

  // The seed's prose lines (its longer lines are the paragraphs), repeated to 10k chữ.
  const seedParagraphs = readFileSync(SEED_PATH, 'utf8').normalize('NFC').split('\n').map((l) => l.trim()).filter((l) => l.length > 80);
  const paragraphs: string[] = [];
  while (countWords(paragraphs.join(' ')) < 10_000) paragraphs.push(...seedParagraphs);
  const doc = createDocument({ headline: 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại', lead: seedParagraphs[0], paragraphs, authors: ['Tiến Thành'] });
  const article = await call<{ meta: { id: string } }>(a, 'createArticle', { document: documentToStored(doc) });
  const id = article.meta.id;

  // History: 200 explicit saves, each appending a word to a different paragraph.
  let current = doc;
  for (let i = 0; i < 200; i++) {
    const para = current.child(2).child(i % current.child(2).childCount);
    let pos = 0;
    current.child(2).forEach((n, off) => n === para && (pos = current.child(0).nodeSize + current.child(1).nodeSize + 1 + off + n.nodeSize - 1));
    current = EditorState.create({ doc: current }).tr.insertText(` s${i}`, pos).doc;
    await call(a, 'saveArticle', { id, document: documentToStored(current), reason: 'save' });
  }
  const index = buildTextIndex(current);
  const words = [...index.text.matchAll(/[\p{L}]{4,}/gu)].slice(0, 200);
  for (const [k, m] of words.entries()) {
    const { from, to } = rangeOf(index, m.index, m.index + m[0].length);
    if (k % 2 === 0) await call(a, 'addComment', { articleId: id, from, to, body: `Bình luận ${k}` });
    else await call(a, 'proposeSuggestions', { articleId: id, changes: proposeFromTransform(current, EditorState.create({ doc: current }).tr.insertText('X', from, to).steps) });
  }

  const [pkg, packMs] = await time(() => buildPackage(a, id));
  const [, unpackFreshMs] = await time(() => unpackBytes(b, pkg.bytes));
  const [, unpackSameMs] = await time(() => unpackBytes(a, pkg.bytes));

  // Re-anchoring after a paragraph is inserted at the top of the body.
  const body = current.child(0).nodeSize + current.child(1).nodeSize + 1;
  const shifted = EditorState.create({ doc: current }).tr.insert(body, current.type.schema.node('paragraph', null, [current.type.schema.text('Đoạn mới chèn vào đầu thân bài.')])).doc;
  await call(a, 'saveArticle', { id, document: documentToStored(shifted) });
  const [comments, reanchorMs] = await time(() => call<unknown[]>(a, 'listComments', { articleId: id }));
  const [, listAgainMs] = await time(() => call<unknown[]>(a, 'listComments', { articleId: id }));

  const stored = documentToStored(documentFromStored(documentToStored(current)));
  const [, compareMs] = await time(() => call(a, 'compareDocuments', { a: stored, b: documentToStored(shifted) }));

  console.log(`article: ${countWords(current.textContent)} chữ, 200 saves, ${comments.length} comments, 100 suggestions`);
  console.log(`pack: ${packMs.toFixed(0)} ms, ${(pkg.bytes.length / 1024).toFixed(0)} KB, ${pkg.manifest.entries.length} entries`);
  console.log(`unpack on a fresh database: ${unpackFreshMs.toFixed(0)} ms`);
  console.log(`unpack on the sender's database (unchanged): ${unpackSameMs.toFixed(0)} ms`);
  console.log(`listComments re-anchoring 100 threads after an insert at the top: ${reanchorMs.toFixed(0)} ms (then ${listAgainMs.toFixed(0)} ms)`);
  console.log(`compareDocuments, 10k chữ, one paragraph added: ${compareMs.toFixed(0)} ms`);
  a.close();
  b.close();
} finally {
  cleanup();
}
