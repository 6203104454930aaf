import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { EditorState } from 'prosemirror-state';
import type { Core } from '../../src/main/core/core';
import { importMediaBytes } from '../../src/main/core/media/import';
import { buildPackage, HandoffError, unpackBytes } from '../../src/main/core/handoff';
import { readPackage } from '../../src/main/core/handoff/read';
import { main } from '../../src/main/cli/main';
import { schema } from '../../src/shared/schema';
import { MAX_DOCUMENT_BYTES } from '../../src/shared/article';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import { machines, type Machines } from '../support/machines';
import { callOk as call, findText as find } from '../support/calls';
import { captureIo } from '../support/cli';

let fleet: Machines;
let dir: string;
const open = (name: string): Core => fleet.open(name);

const currentDoc = async (core: Core, id: string) => documentFromStored((await call(core, 'getArticle', { id })).document);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Counts of everything an unpack could touch, to prove a refused package changed nothing. */
function fingerprintDb(core: Core): string {
  const tables = ['articles', 'revisions', 'media', 'review_profiles', 'review_comments', 'review_suggestions', 'review_transitions', 'review_conflicts'];
  const counts = tables.map((t) => (core.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
  const docs = core.db.prepare('SELECT id, revision, document, status FROM articles ORDER BY id').all();
  return JSON.stringify({ counts, docs });
}

/** Reporter on machine A writes an article with a photo and a comment, and submits it. */
async function reporterArticle(a: Core) {
  await call(a, 'setLocalProfile', { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' });
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const media = await importMediaBytes(a.media, new Uint8Array(jpeg), 'hoi-nghi.jpg');
  const base = createDocument({
    headline: 'Từng bước đáp ứng yêu cầu',
    lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
    paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.'],
    authors: ['Tiến Thành'],
  });
  const figure = schema.node('figure', { mediaId: media.media.id, alt: 'Hội nghị' }, [
    schema.node('caption', null, [schema.text('Quang cảnh hội nghị')]),
    schema.node('credit', null, [schema.text('Ảnh: T.T')]),
  ]);
  const body = base.child(2).copy(base.child(2).content.append(schema.node('body', null, [figure]).content));
  const doc = base.copy(base.content.replaceChild(2, body));
  const article = await call(a, 'createArticle', { document: documentToStored(doc) });
  const id = article.meta.id;
  await call(a, 'addComment', { articleId: id, ...find(doc, 'trọng tâm'), body: 'Cụ thể hơn được không?' });
  await call(a, 'addComment', { articleId: id, ...find(doc, 'Quang cảnh'), body: 'Chú thích ngắn quá' });
  await call(a, 'changeStatus', { id, to: 'submitted', note: 'Gửi anh duyệt' });
  return { id, mediaId: media.media.id, jpeg };
}

beforeEach(() => ({ dir } = fleet = machines()));
afterEach(() => fleet.cleanup());

describe('handoff round trip', () => {
  it('A → B → A keeps documents byte-identical, photos, comments and suggestions with their authors', async () => {
    const a = open('reporter');
    const b = open('editor');
    const { id, mediaId, jpeg } = await reporterArticle(a);
    const toEditor = await buildPackage(a, id, 'review');
    expect(toEditor.fileName).toBe('tung-buoc-dap-ung-yeu-cau.newsroom');

    const editor = await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    const arrived = await unpackBytes(b, toEditor.bytes);
    expect(arrived).toMatchObject({ outcome: 'created', articleId: id, added: { comments: 2, transitions: 1, media: 1 }, missingMedia: [] });
    const aArticle = await call(a, 'getArticle', { id });
    const bArticle = await call(b, 'getArticle', { id });
    expect(JSON.stringify(bArticle.document)).toBe(JSON.stringify(aArticle.document));
    expect(bArticle.meta.status).toBe('submitted');
    expect(sha(readFileSync(b.media.originalPath(mediaId)))).toBe(sha(jpeg));
    const reporterId = (await call(a, 'getLocalProfile', {}))!.id;
    expect((await call(b, 'listComments', { articleId: id })).every((c) => c.authorId === reporterId)).toBe(true);
    expect((await call(b, 'listProfiles', {})).map((p) => p.displayName)).toEqual(['Minh An', 'Tiến Thành']);

    // The editor works: takes it, suggests two edits, accepts one, rejects one, replies, approves.
    await call(b, 'changeStatus', { id, to: 'in_edit' });
    const doc = await currentDoc(b, id);
    const state = EditorState.create({ doc });
    const t1 = find(doc, 'trọng tâm');
    const t2 = find(doc, 'Quang cảnh hội nghị');
    const proposed = await call(b, 'proposeSuggestions', {
      articleId: id,
      changes: [...proposeFromTransform(doc, state.tr.insertText('then chốt', t1.from, t1.to).steps)!, ...proposeFromTransform(doc, state.tr.insertText('Toàn cảnh hội nghị', t2.from, t2.to).steps)!],
    });
    await call(b, 'decideSuggestions', { articleId: id, ids: [proposed[0]!.id], decision: 'accept' });
    await call(b, 'decideSuggestions', { articleId: id, ids: [proposed[1]!.id], decision: 'reject' });
    const thread = (await call(b, 'listComments', { articleId: id }))[0]!;
    await call(b, 'replyToComment', { threadId: thread.threadId, body: 'Đã sửa thành "then chốt"' });
    await call(b, 'changeStatus', { id, to: 'approved', overrideReason: 'Đã trả lời các góp ý; phóng viên đóng sau' });

    const back = await buildPackage(b, id, 'review');
    // The reporter trusts the editor's key (read out over the phone), so the approval counts.
    const editorKey = (await call(b, 'listKeys', {})).own!.fingerprint;
    await call(a, 'trustKey', { fingerprint: editorKey, name: 'Minh An', role: 'editor' });
    const result = await unpackBytes(a, back.bytes);
    expect(result.outcome).toBe('updated');
    expect(result).toMatchObject({ signer: { signature: 'signed', fingerprint: editorKey, trusted: true }, status: 'approved', claimedStatus: null });
    const aFinal = await call(a, 'getArticle', { id });
    const bFinal = await call(b, 'getArticle', { id });
    expect(JSON.stringify(aFinal.document)).toBe(JSON.stringify(bFinal.document));
    expect(aFinal.meta.status).toBe('approved');
    expect((await currentDoc(a, id)).child(2).child(0).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
    const suggestions = await call(a, 'listSuggestions', { articleId: id });
    expect(suggestions.map((s) => [s.status, s.authorId, s.decidedBy]).sort()).toEqual([
      ['accepted', editor.id, editor.id],
      ['rejected', editor.id, editor.id],
    ]);
    const comments = await call(a, 'listComments', { articleId: id });
    expect(comments).toHaveLength(3);
    expect(comments.find((c) => c.authorId === editor.id)?.body).toBe('Đã sửa thành "then chốt"');
    expect((await call(a, 'listTransitions', { id })).map((t) => t.to)).toEqual(['submitted', 'in_edit', 'approved']);
    expect(sha(readFileSync(a.media.originalPath(mediaId)))).toBe(sha(jpeg));
    // History travelled too: A now holds B's revisions, and nothing is duplicated when the same package is opened twice.
    const revisionsBefore = (await call(a, 'listRevisions', { articleId: id })).total;
    expect(revisionsBefore).toBeGreaterThan(4);
    const again = await unpackBytes(a, back.bytes);
    expect(again.outcome).toBe('unchanged');
    expect(again.added).toMatchObject({ revisions: 0, comments: 0, suggestions: 0, transitions: 0 });
  });

  it('keeps both versions on a conflict and lets the user take theirs or keep theirs aside', async () => {
    const a = open('reporter');
    const b = open('editor');
    const { id } = await reporterArticle(a);
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await unpackBytes(b, (await buildPackage(a, id)).bytes);
    // Both change the text after the common version.
    const edit = async (core: Core, text: string) => {
      const article = await call(core, 'getArticle', { id });
      const doc = documentFromStored(article.document);
      const tr = EditorState.create({ doc }).tr.insertText(text, find(doc, 'trọng tâm').to);
      await call(core, 'saveArticle', { id, document: documentToStored(tr.doc), reason: 'save' });
    };
    await edit(a, ' (A)');
    await edit(b, ' (B)');
    const mine = await call(a, 'getArticle', { id });
    const result = await unpackBytes(a, (await buildPackage(b, id)).bytes);
    expect(result.outcome).toBe('conflict');
    expect(result.conflict).not.toBeNull();
    const after = await call(a, 'getArticle', { id });
    expect(JSON.stringify(after.document)).toBe(JSON.stringify(mine.document)); // nothing overwritten
    const theirs = await call(a, 'getRevision', { articleId: id, revisionId: result.conflict!.revisionId });
    expect(documentFromStored(theirs.document).textContent).toContain('trọng tâm (B)');
    const diff = await call(a, 'compareDocuments', { a: after.document, b: theirs.document });
    expect(diff.parts.find((p) => p.part === 'body')!.segments).toEqual(expect.arrayContaining([{ kind: 'deleted', text: 'A' }, { kind: 'inserted', text: 'B' }]));
    expect(await call(a, 'listHandoffConflicts', { articleId: id })).toHaveLength(1);
    const settled = await call(a, 'resolveHandoffConflict', { id: result.conflict!.id, resolution: 'theirs' });
    expect(settled.conflict.resolution).toBe('theirs');
    expect((await currentDoc(a, id)).textContent).toContain('trọng tâm (B)');
    expect(await call(a, 'listHandoffConflicts', { articleId: id })).toEqual([]);
    // Mine is still in history: nothing was lost.
    const history = await call(a, 'listRevisions', { articleId: id, limit: 500 });
    const texts = await Promise.all(history.items.map(async (r) => documentFromStored((await call(a, 'getRevision', { articleId: id, revisionId: r.id })).document).textContent));
    expect(texts.some((t) => t.includes('trọng tâm (A)'))).toBe(true);
  });

  it('brings back a thread resolved and a suggestion rejected on the other machine when the text did not change', async () => {
    const a = open('reporter');
    const b = open('editor');
    const { id } = await reporterArticle(a);
    const doc = await currentDoc(a, id);
    const t = find(doc, 'trọng tâm');
    const [s] = await call(a, 'proposeSuggestions', { articleId: id, changes: proposeFromTransform(doc, EditorState.create({ doc }).tr.insertText('then chốt', t.from, t.to).steps)! });
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await unpackBytes(b, (await buildPackage(a, id)).bytes);
    const thread = (await call(b, 'listComments', { articleId: id }))[0]!;
    await call(b, 'resolveComment', { threadId: thread.id, resolved: true });
    await call(b, 'decideSuggestions', { articleId: id, ids: [s!.id], decision: 'reject' });
    const result = await unpackBytes(a, (await buildPackage(b, id)).bytes);
    expect(result.outcome).toBe('unchanged');
    expect((await call(a, 'listComments', { articleId: id })).find((c) => c.id === thread.id)!.resolvedAt).not.toBeNull();
    expect((await call(a, 'listSuggestions', { articleId: id }))[0]!.status).toBe('rejected');
  });

  it('keeps the newer local version when the package holds an older one', async () => {
    const a = open('reporter');
    const b = open('editor');
    const { id } = await reporterArticle(a);
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await unpackBytes(b, (await buildPackage(a, id)).bytes);
    const article = await call(a, 'getArticle', { id });
    const doc = documentFromStored(article.document);
    await call(a, 'saveArticle', { id, document: documentToStored(EditorState.create({ doc }).tr.insertText('Mới: ', 1).doc), reason: 'save' });
    const mine = await call(a, 'getArticle', { id });
    const result = await unpackBytes(a, (await buildPackage(b, id)).bytes);
    expect(result.outcome).toBe('older');
    expect(JSON.stringify((await call(a, 'getArticle', { id })).document)).toBe(JSON.stringify(mine.document));
  });
});

describe('hostile and broken packages', () => {
  let a: Core;
  let b: Core;
  let valid: Uint8Array;

  beforeEach(async () => {
    a = open('reporter');
    b = open('editor');
    const { id } = await reporterArticle(a);
    valid = (await buildPackage(a, id)).bytes;
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
  });

  /** Rebuild the package with some entries changed; the manifest is re-hashed unless `keepManifest`. */
  function rebuild(change: (files: Record<string, Uint8Array>) => void, keepManifest = false): Uint8Array {
    const files = unzipSync(valid);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { entries: { name: string; size: number; sha256: string }[] };
    change(files);
    if (!keepManifest) {
      manifest.entries = Object.entries(files)
        .filter(([n]) => n !== 'manifest.json' && n !== 'signature.json')
        .map(([name, data]) => ({ name, size: data.length, sha256: sha(data) }));
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
    }
    return zipSync(files);
  }

  async function expectRefused(bytes: Uint8Array, message: RegExp) {
    const before = fingerprintDb(b);
    await expect(unpackBytes(b, bytes)).rejects.toThrow(HandoffError);
    await expect(unpackBytes(b, bytes)).rejects.toThrow(message);
    expect(fingerprintDb(b)).toBe(before);
  }

  it('accepts the untouched package (control)', async () => {
    expect(readPackage(valid).manifest.formatVersion).toBe(1);
  });

  it('refuses zip slip: ../ and absolute entry names', async () => {
    await expectRefused(rebuild((f) => (f['../evil.json'] = strToU8('{}'))), /outside the package/);
    await expectRefused(rebuild((f) => (f['media/../../x'] = strToU8('{}'))), /outside the package/);
    await expectRefused(rebuild((f) => (f['/etc/cron.d/x'] = strToU8('{}'))), /absolute path/);
    await expectRefused(rebuild((f) => (f['C:/Windows/x'] = strToU8('{}'))), /absolute path/);
  });

  it('refuses duplicate entry names', async () => {
    // Two entries with same-length names, then rename the second in the raw bytes.
    const twin = rebuild((f) => (f['commentz.json'] = strToU8('[]')), true);
    const raw = Buffer.from(twin);
    let at = raw.indexOf('commentz.json');
    while (at >= 0) {
      raw.write('comments.json', at, 'latin1');
      at = raw.indexOf('commentz.json', at + 1);
    }
    await expectRefused(new Uint8Array(raw), /appears twice/);
  });

  it('refuses huge declared sizes before inflating anything', async () => {
    const raw = Buffer.from(valid);
    // Central directory header of history.json: declare 3 GB uncompressed.
    const name = Buffer.from('history.json');
    for (let at = raw.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = raw.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      const nameLength = raw.readUInt16LE(at + 28);
      if (raw.subarray(at + 46, at + 46 + nameLength).equals(name)) raw.writeUInt32LE(3_000_000_000, at + 24);
    }
    await expectRefused(new Uint8Array(raw), /declares 3000000000 bytes/);
  });

  it('refuses an entry whose local name differs from the zip directory (what is inflated is what was checked)', async () => {
    const raw = Buffer.from(valid);
    const at = raw.indexOf('comments.json'); // the first occurrence is the local header; the directory's copy comes later
    expect(raw.readUInt32LE(at - 30)).toBe(0x04034b50);
    raw.write('../../x.json\u0000', at, 'latin1');
    await expectRefused(new Uint8Array(raw), /entry "\.\.\/\.\.\/x\.json\?" is hidden from the zip's directory/);
  });

  it('refuses entries whose hash or size does not match the manifest', async () => {
    await expectRefused(
      rebuild((f) => (f['comments.json'] = strToU8(strFromU8(f['comments.json']!).replace('Cụ thể', 'Cu the'))), true),
      /SHA-256|bytes, the manifest says/,
    );
    const tampered = rebuild((f) => {
      const c = JSON.parse(strFromU8(f['comments.json']!)) as { body: string }[];
      c[0]!.body = 'Giả mạo!';
      f['comments.json'] = strToU8(JSON.stringify(c));
    });
    // A photo altered and re-hashed in the manifest still fails: its name is its own SHA-256.
    const photo = rebuild((f) => {
      const name = Object.keys(f).find((n) => n.startsWith('media/'))!;
      const bytes = f[name]!;
      bytes[200] = bytes[200]! ^ 0xff;
    });
    await expectRefused(photo, /does not match its own name/);
    // A consistent re-hash no longer matches the sender's signature over the manifest.
    await expectRefused(tampered, /signature does not match the manifest: the package was altered after it was signed/);
    // Without the signature it is a different, unsigned package: it opens, and says so.
    const unsigned = zipSync(Object.fromEntries(Object.entries(unzipSync(tampered)).filter(([name]) => name !== 'signature.json')));
    expect(await unpackBytes(b, unsigned)).toMatchObject({ outcome: 'created', signer: { signature: 'unsigned', fingerprint: null, trusted: false } });
  });

  it('refuses invalid JSON, unknown entries and missing entries', async () => {
    await expectRefused(rebuild((f) => (f['comments.json'] = strToU8('[{"id": '))), /comments.json is not valid JSON/);
    await expectRefused(rebuild((f) => (f['suggestions.json'] = strToU8('{"a":1}'))), /suggestions.json is not valid/);
    await expectRefused(rebuild((f) => (f['notes.txt'] = strToU8('hi'))), /not part of the package format/);
    await expectRefused(rebuild((f) => delete f['history.json']), /no history.json/);
    await expectRefused(rebuild((f) => (f['manifest.json'] = strToU8('nope')), true), /manifest.json is not valid JSON/);
    await expectRefused(new Uint8Array(Buffer.from('PK\u0003\u0004 this is not a zip at all')), /not a readable package/);
  });

  it('refuses a package from a newer Newsroom', async () => {
    const files = unzipSync(valid);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { formatVersion: number };
    manifest.formatVersion = 2;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    await expectRefused(zipSync(files), /newer Newsroom \(format 2/);
  });

  it('refuses a document that breaks the schema, in the article or in its history', async () => {
    const breakDoc = (doc: { content: { type: string; content?: unknown[] }[] }) => {
      doc.content[0] = { type: 'headline', content: [{ type: 'paragraph' }] };
    };
    await expectRefused(
      rebuild((f) => {
        const article = JSON.parse(strFromU8(f['article.json']!)) as { document: { doc: Parameters<typeof breakDoc>[0] } };
        breakDoc(article.document.doc);
        f['article.json'] = strToU8(JSON.stringify(article));
      }),
      /article.json: document does not fit the article schema/,
    );
    await expectRefused(
      rebuild((f) => {
        const history = JSON.parse(strFromU8(f['history.json']!)) as { document: { doc: Parameters<typeof breakDoc>[0] } }[];
        breakDoc(history[0]!.document.doc);
        f['history.json'] = strToU8(JSON.stringify(history));
      }),
      /history.json revision 1/,
    );
    await expectRefused(
      rebuild((f) => {
        const article = JSON.parse(strFromU8(f['article.json']!)) as { document: { version: number } };
        article.document.version = 99;
        f['article.json'] = strToU8(JSON.stringify(article));
      }),
      /newer than this app understands/,
    );
  });

  it('refuses a package whose article or a revision is over the store\'s document limit, with the store\'s sentence, writing nothing', async () => {
    const oversized = documentToStored(createDocument({ headline: 'Quá dài', paragraphs: ['chữ '.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 5) + 1000)], authors: ['Tiến Thành'] }));
    // Re-hashed entries no longer match the sender's signature: the packages go unsigned, as a hand-made one would.
    const unsigned = (change: (files: Record<string, Uint8Array>) => void) =>
      rebuild((f) => {
        change(f);
        delete f['signature.json'];
      });
    const tooLarge = /^(article\.json|history\.json revision 1): The article is too large to store \(\d+\.\d MB; an article can hold at most 20\.0 MB\)\. Nothing was saved: split it into several articles\.$/;
    await expectRefused(
      unsigned((f) => {
        const article = JSON.parse(strFromU8(f['article.json']!)) as { document: unknown };
        article.document = oversized;
        f['article.json'] = strToU8(JSON.stringify(article));
      }),
      tooLarge,
    );
    await expectRefused(
      unsigned((f) => {
        const history = JSON.parse(strFromU8(f['history.json']!)) as { document: unknown }[];
        history[0]!.document = oversized;
        f['history.json'] = strToU8(JSON.stringify(history));
      }),
      tooLarge,
    );
  }, 120_000);

  it('refuses review records that name unknown people', async () => {
    await expectRefused(
      rebuild((f) => {
        const c = JSON.parse(strFromU8(f['comments.json']!)) as { authorId: string }[];
        c[0]!.authorId = '00000000-0000-4000-8000-000000000000';
        f['comments.json'] = strToU8(JSON.stringify(c));
      }),
      /not in profiles.json/,
    );
  });
});

describe('newsroom pack / unpack', () => {
  it('packs on one database and unpacks on another, with one-line errors for bad files', async () => {
    const a = open('reporter');
    const { id } = await reporterArticle(a);
    a.close();
    const { out, err, io } = captureIo();
    const file = join(dir, 'bai.newsroom');
    expect(await main(['pack', id, '--out', file, '--db', join(dir, 'reporter.db')], io)).toBe(0);
    expect(out[0]).toMatch(/bai\.newsroom .* sent by Tiến Thành \(reporter\)/);
    expect(await main(['unpack', file, '--db', join(dir, 'editor.db')], io)).toBe(0);
    expect(out.join('\n')).toMatch(/new article/);
    writeFileSync(join(dir, 'bad.newsroom'), 'not a zip');
    err.length = 0;
    expect(await main(['unpack', join(dir, 'bad.newsroom'), '--db', join(dir, 'editor.db')], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/refused, nothing was changed/);
    expect(await main(['pack', id, '--out', file, '--db', join(dir, 'fresh.db')], io)).toBe(3);
  });
});
