import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Core } from '../../src/main/core/core';
import { importMediaBytes } from '../../src/main/core/media/import';
import { buildPackage, HandoffError, unpackBytes } from '../../src/main/core/handoff';
import { schema } from '../../src/shared/schema';
import { createDocument, documentToStored } from '../../src/shared/document';
import { groupFingerprint } from '../../src/shared/review/trust';
import { makeJpeg } from '../support/photos';
import { machines, type Machines } from '../support/machines';
import { callOk as call } from '../support/calls';
import { runCli } from '../support/cli';

let fleet: Machines;
let dir: string;
const open = (name: string): Core => fleet.open(name);
const dbOf = (name: string) => join(dir, `${name}.db`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeEach(() => ({ dir } = fleet = machines()));
afterEach(() => fleet.cleanup());

const REPORTER = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' } as const;
const DESK = { displayName: 'Thu Hà', initials: 'TH', role: 'desk', color: '#2f5fa8' } as const;

/** A complete article (passes the export preflight), submitted by the reporter on `core`. */
async function submittedArticle(core: Core, mediaId?: string): Promise<string> {
  const base = createDocument({
    headline: 'Lai Châu khánh thành cầu treo bản Mông',
    lead: 'Sáng 5/12, huyện Tam Đường khánh thành cầu treo mới.',
    paragraphs: ['Cây cầu dài 60 mét nối hai bản.'],
    authors: ['Tiến Thành'],
  });
  let doc = base;
  if (mediaId) {
    const figure = schema.node('figure', { mediaId, alt: 'Cầu treo' }, [schema.node('caption', null, [schema.text('Cầu treo mới')]), schema.node('credit', null, [schema.text('Ảnh: T.T')])]);
    doc = base.copy(base.content.replaceChild(2, base.child(2).copy(base.child(2).content.addToEnd(figure))));
  }
  const article = await call(core, 'createArticle', { document: documentToStored(doc) });
  await call(core, 'changeStatus', { id: article.meta.id, to: 'submitted' });
  return article.meta.id;
}

/** Open a package's files, let `change` edit them, and re-hash the manifest as any attacker can; the signature is dropped. */
function forge(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  delete files['signature.json'];
  change(files);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { entries: { name: string; size: number; sha256: string }[] };
  manifest.entries = Object.entries(files)
    .filter(([name]) => name !== 'manifest.json')
    .map(([name, data]) => ({ name, size: data.length, sha256: sha(data) }));
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

const editJson = (files: Record<string, Uint8Array>, name: string, edit: (value: any) => void) => {
  const value = JSON.parse(strFromU8(files[name]!));
  edit(value);
  files[name] = strToU8(JSON.stringify(value));
};

const figureIds = (article: { document: { doc: unknown } }) => [...JSON.stringify(article.document.doc).matchAll(/"mediaId":"([0-9a-f]{64})"/g)].map((m) => m[1]);

describe('profile keys', () => {
  it('a new profile gets an Ed25519 key whose fingerprint is the SHA-256 of the raw public key; the private key signs for it', async () => {
    const a = open('a');
    const me = await call(a, 'setLocalProfile', REPORTER);
    const row = a.db.prepare('SELECT public_key, private_key, fingerprint FROM profile_keys WHERE profile_id = ?').get(me.id) as { public_key: Buffer; private_key: Buffer; fingerprint: string };
    expect(row.public_key).toHaveLength(32);
    expect(row.fingerprint).toBe(sha(row.public_key));
    const derived = createPublicKey(createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
    expect(derived.crv).toBe('Ed25519');
    expect(Buffer.from(derived.x!, 'base64url').equals(row.public_key)).toBe(true);
    const listed = await call(a, 'listKeys', {});
    expect(listed.own).toMatchObject({ kind: 'own', fingerprint: row.fingerprint, name: 'Tiến Thành', role: 'reporter' });
    // A name typed for a trusted key is stored in NFC, like every other text (here typed decomposed).
    const other = open('other');
    await call(other, 'setLocalProfile', { ...REPORTER, displayName: 'Minh An' });
    const otherKey = (await call(other, 'listKeys', {})).own!.fingerprint;
    await call(a, 'trustKey', { fingerprint: otherKey, name: 'Minh An Việt'.normalize('NFD'), role: 'editor' });
    expect((await call(a, 'listKeys', {})).keys.find((k) => k.fingerprint === otherKey)?.name).toBe('Minh An Việt'.normalize('NFC'));
    // The private key is never handed out by the API.
    const everything = JSON.stringify([listed, await call(a, 'getLocalProfile', {}), await call(a, 'listProfiles', {})]);
    expect(everything).not.toContain(row.private_key.toString('base64').slice(20, 60));
    expect(everything).not.toContain(row.private_key.toString('base64url').slice(20, 60));
  });

  it('a profile made before keys existed gets one on first use, and its packages are signed', async () => {
    const a = open('a');
    await call(a, 'setLocalProfile', REPORTER);
    a.db.prepare('DELETE FROM profile_keys').run();
    const own = (await call(a, 'listKeys', {})).own!;
    expect(own.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.db.prepare('SELECT fingerprint FROM profile_keys').all()).toEqual([{ fingerprint: own.fingerprint }]);
    const id = await submittedArticle(a);
    const pkg = await buildPackage(a, id);
    expect(sha(Buffer.from(pkg.manifest.senderKey!, 'base64url'))).toBe(own.fingerprint);
    expect(unzipSync(pkg.bytes)['signature.json']).toBeDefined();
  });
});

describe('newsroom profile', () => {
  it('sets and shows the profile with its fingerprint, after which pack works on a new database', async () => {
    const db = dbOf('fresh');
    const core = open('fresh');
    const id = await (async () => {
      const article = await call(core, 'createArticle', { document: documentToStored(createDocument({ headline: 'Tin mới', paragraphs: ['Một đoạn.'] })) });
      return article.meta.id;
    })();
    core.close();
    const out = join(dir, 'tin-moi.newsroom');
    const refused = await runCli(['pack', id, '--out', out, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('newsroom profile set --name NAME --role reporter|editor|desk');

    const set = await runCli(['profile', 'set', '--name', 'Nguyễn Tiến Thành', '--role', 'reporter', '--db', db]);
    expect(set.code).toBe(0);
    const shown = await runCli(['profile', 'show', '--json', '--db', db]);
    const profile = JSON.parse(shown.out) as { displayName: string; initials: string; role: string; fingerprint: string };
    expect(profile).toMatchObject({ displayName: 'Nguyễn Tiến Thành', initials: 'NT', role: 'reporter' });
    expect(profile.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(set.out).toContain(`key fingerprint: ${groupFingerprint(profile.fingerprint)}`);
    expect((await runCli(['profile', 'show', '--db', db])).out).toContain(groupFingerprint(profile.fingerprint));

    const packed = await runCli(['pack', id, '--out', out, '--db', db]);
    expect(packed.code).toBe(0);
    expect(packed.out).toContain(`signed with key ${groupFingerprint(profile.fingerprint)}`);
    expect(existsSync(out)).toBe(true);

    const bad = await runCli(['profile', 'set', '--name', 'X', '--role', 'boss', '--db', db]);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--role must be reporter, editor or desk') });
    expect((await runCli(['profile', 'show', '--json', '--db', dbOf('empty')])).err).toContain('no profile yet');
  });

  it('export-key writes the private key to a new file only, never over an existing one', async () => {
    const db = dbOf('a');
    await runCli(['profile', 'set', '--name', 'Thu Hà', '--role', 'desk', '--db', db]);
    const fingerprint = (JSON.parse((await runCli(['profile', 'show', '--json', '--db', db])).out) as { fingerprint: string }).fingerprint;
    const file = join(dir, 'khoa.pem');
    expect((await runCli(['profile', 'export-key', '--out', file, '--db', db])).code).toBe(0);
    const x = createPublicKey(createPrivateKey(readFileSync(file))).export({ format: 'jwk' }).x!;
    expect(sha(Buffer.from(x, 'base64url'))).toBe(fingerprint);

    const mine = join(dir, 'ghi-chu.txt');
    writeFileSync(mine, 'ghi chú của tôi');
    const refused = await runCli(['profile', 'export-key', '--out', mine, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('already exists; the key was not written');
    expect(readFileSync(mine, 'utf8')).toBe('ghi chú của tôi');
  });
});

describe('signed packages and trust', () => {
  it('the receiver sees who signed and whether the key is trusted; trust, list and revoke from the CLI', async () => {
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    const id = await submittedArticle(a);
    const file = join(dir, 'bai.newsroom');
    writeFileSync(file, (await buildPackage(a, id)).bytes);
    const fingerprint = (await call(a, 'listKeys', {})).own!.fingerprint;
    a.close();
    const db = dbOf('desk');
    await runCli(['profile', 'set', '--name', 'Thu Hà', '--role', 'desk', '--db', db]);

    const first = await runCli(['unpack', file, '--db', db]);
    expect(first.out).toContain(`signed by key ${groupFingerprint(fingerprint)}, NOT TRUSTED on this machine (it says Tiến Thành, reporter)`);
    const seen = await runCli(['trust', '--list', '--db', db]);
    expect(seen.out).toContain(`seen     ${groupFingerprint(fingerprint)}  not trusted; packages say Tiến Thành (reporter)`);

    // Typed in its groups, as read out over the phone.
    const trusted = await runCli(['trust', ...groupFingerprint(fingerprint).split(' '), '--name', 'Tiến Thành', '--role', 'reporter', '--db', db]);
    expect(trusted.code).toBe(0);
    expect((await runCli(['trust', '--list', '--db', db])).out).toContain(`trusted  ${groupFingerprint(fingerprint)}  Tiến Thành (reporter)`);
    const second = await runCli(['unpack', file, '--db', db]);
    expect(second.out).toContain(`signed by Tiến Thành (reporter), trusted key ${groupFingerprint(fingerprint)}`);

    expect((await runCli(['trust', '--revoke', fingerprint, '--db', db])).code).toBe(0);
    expect((await runCli(['unpack', file, '--db', db])).out).toContain('NOT TRUSTED');
    const own = (JSON.parse((await runCli(['profile', 'show', '--json', '--db', db])).out) as { fingerprint: string }).fingerprint;
    expect((await runCli(['trust', own, '--name', 'Thu Hà', '--role', 'desk', '--db', db])).err).toContain('is this machine’s own key; it is always trusted here');
    expect((await runCli(['trust', '--list', '--db', db])).out.split('\n')[0]).toBe(`own      ${groupFingerprint(own)}  Thu Hà (desk)`);
    const wrong = await runCli(['trust', 'abc', '--name', 'X', '--role', 'editor', '--db', db]);
    expect(wrong).toMatchObject({ code: 2, err: expect.stringContaining('a key fingerprint is 64 hexadecimal digits') });
  });

  it('an unsigned package says so', async () => {
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    const id = await submittedArticle(a);
    const file = join(dir, 'bai.newsroom');
    writeFileSync(file, forge((await buildPackage(a, id)).bytes, () => {}));
    const result = await runCli(['unpack', file, '--db', dbOf('desk')]);
    expect(result.out).toContain('UNSIGNED: nothing proves it comes from Tiến Thành (reporter)');
  });
});

describe('claimed statuses', () => {
  /** Export every approved article with --publish; returns the CLI result and the bundles written. */
  async function publishApproved(db: string) {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const result = await runCli(['export', '--status', 'approved', '--out', out, '--publish', '--db', db]);
    return { ...result, bundles: existsSync(out) ? readdirSync(out).filter((n) => !n.startsWith('.') && n !== 'index.json') : [] };
  }

  it('a forged approval (package edited and re-manifested) does not publish until the desk here approves', async () => {
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    const id = await submittedArticle(a);
    const forged = forge((await buildPackage(a, id)).bytes, (files) => editJson(files, 'article.json', (article) => (article.meta.status = 'approved')));
    const file = join(dir, 'forged.newsroom');
    writeFileSync(file, forged);
    a.close();

    const db = dbOf('desk');
    await runCli(['profile', 'set', '--name', 'Thu Hà', '--role', 'desk', '--db', db]);
    const opened = await runCli(['unpack', file, '--db', db]);
    const attempt = await publishApproved(db);
    expect(attempt.bundles).toEqual([]);
    expect(attempt.out).not.toMatch(/^published/m);
    expect(opened.out).toContain('status here: in edit');
    expect(opened.err).toContain('the package claims the article is approved; that does not count here');

    const desk = open('desk');
    expect(await call(desk, 'getClaimedStatus', { id })).toMatchObject({ status: 'approved', fingerprint: null });
    expect((await call(desk, 'getArticle', { id })).meta.status).toBe('in_edit');
    // Confirming is an ordinary workflow move by a trusted profile on this machine.
    await call(desk, 'changeStatus', { id, to: 'approved' });
    expect(await call(desk, 'getClaimedStatus', { id })).toBeNull();
    desk.close();
    const confirmed = await publishApproved(db);
    expect(confirmed.out).toMatch(/^published\s+lai-chau-khanh-thanh-cau-treo-ban-mong/m);
    expect(confirmed.bundles).toEqual(['lai-chau-khanh-thanh-cau-treo-ban-mong']);
  });

  it('an approved article whose text an untrusted package changes is no longer approved here', async () => {
    const desk = open('desk');
    await call(desk, 'setLocalProfile', DESK);
    const id = await submittedArticle(desk);
    await call(desk, 'changeStatus', { id, to: 'in_edit' });
    await call(desk, 'changeStatus', { id, to: 'approved' });
    // The desk's own package comes back with other words in the body and its approval kept.
    const forged = forge((await buildPackage(desk, id)).bytes, (files) =>
      editJson(files, 'article.json', (article) => {
        const text = JSON.stringify(article.document).replace('Cây cầu dài 60 mét nối hai bản.', 'Cây cầu bị sập.');
        article.document = JSON.parse(text);
      }),
    );
    const result = await unpackBytes(desk, forged);
    expect(result).toMatchObject({ outcome: 'updated', status: 'in_edit', claimedStatus: 'approved' });
    const article = await call(desk, 'getArticle', { id });
    expect(JSON.stringify(article.document)).toContain('Cây cầu bị sập.');
    expect(article.meta.status).toBe('in_edit');
  });

  it('the same approved version sent back unchanged by an untrusted colleague stays approved', async () => {
    const desk = open('desk');
    await call(desk, 'setLocalProfile', DESK);
    const id = await submittedArticle(desk);
    await call(desk, 'changeStatus', { id, to: 'in_edit' });
    await call(desk, 'changeStatus', { id, to: 'approved' });
    const back = forge((await buildPackage(desk, id)).bytes, () => {});
    expect(await unpackBytes(desk, back)).toMatchObject({ outcome: 'unchanged', status: 'approved', claimedStatus: null });
  });

  it('an approval signed by a trusted reporter is still only claimed: a reporter cannot approve', async () => {
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    const id = await submittedArticle(a);
    a.db.prepare("UPDATE articles SET status = 'approved' WHERE id = ?").run(id); // the reporter's own database, tampered
    const pkg = await buildPackage(a, id);
    const desk = open('desk');
    await call(desk, 'setLocalProfile', DESK);
    await call(desk, 'trustKey', { fingerprint: (await call(a, 'listKeys', {})).own!.fingerprint, name: 'Tiến Thành', role: 'reporter' });
    const result = await unpackBytes(desk, pkg.bytes);
    expect(result).toMatchObject({ signer: { signature: 'signed', trusted: true }, status: 'in_edit', claimedStatus: 'approved' });
    expect((await call(desk, 'getArticle', { id })).meta.status).toBe('in_edit');
  });

  it('an approval signed by a trusted editor counts', async () => {
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    const id = await submittedArticle(a);
    const editor = open('editor');
    await call(editor, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await unpackBytes(editor, (await buildPackage(a, id)).bytes);
    await call(editor, 'changeStatus', { id, to: 'in_edit' });
    await call(editor, 'changeStatus', { id, to: 'approved' });
    const desk = open('desk');
    await call(desk, 'setLocalProfile', DESK);
    await call(desk, 'trustKey', { fingerprint: (await call(editor, 'listKeys', {})).own!.fingerprint, name: 'Minh An', role: 'editor' });
    const result = await unpackBytes(desk, (await buildPackage(editor, id)).bytes);
    expect(result).toMatchObject({ status: 'approved', claimedStatus: null });
  });
});

describe('planted photos', () => {
  /** Two different photos: the real one the article names, and the one an attacker plants. */
  async function twoPhotos() {
    const real = new Uint8Array(await makeJpeg({ width: 400, height: 300, color: '#3366aa' }));
    const planted = new Uint8Array(await makeJpeg({ width: 400, height: 300, color: '#dd2222' }));
    return { real, realId: sha(real), planted, plantedId: sha(planted) };
  }

  it('a photo marked stripped under another photo\u2019s hash is refused (the old planting)', async () => {
    const { real, realId, planted } = await twoPhotos();
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    await importMediaBytes(a.media, real, 'cau-treo.jpg');
    const id = await submittedArticle(a, realId);
    const forged = forge((await buildPackage(a, id)).bytes, (files) => {
      files[`media/${realId}`] = planted;
      files['media.json'] = strToU8(JSON.stringify([{ id: realId, fileName: 'cau-treo.jpg', stripped: true }]));
    });
    const b = open('editor');
    await expect(unpackBytes(b, forged)).rejects.toThrow(HandoffError);
    expect(b.media.has(realId)).toBe(false);
  });

  it('a claimed stripped copy is stored under its own hash, so the genuine photo arriving later keeps its pixels', async () => {
    const { real, realId, planted, plantedId } = await twoPhotos();
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    await importMediaBytes(a.media, real, 'cau-treo.jpg');
    const id = await submittedArticle(a, realId);
    // The attacker ships other pixels as the "stripped copy" of the real photo.
    const forged = forge((await buildPackage(a, id)).bytes, (files) => {
      delete files[`media/${realId}`];
      files[`media/${plantedId}`] = planted;
      files['media.json'] = strToU8(JSON.stringify([{ id: plantedId, fileName: 'cau-treo.jpg', strippedFrom: realId }]));
    });
    const b = open('editor');
    const result = await unpackBytes(b, forged);
    expect(result.missingMedia).toEqual([]);
    expect(b.media.has(realId)).toBe(false);
    expect(figureIds(await call(b, 'getArticle', { id }))).toEqual([plantedId]);

    // The real photo arrives later, by import: it is stored under its id with its own bytes.
    await importMediaBytes(b.media, real, 'cau-treo.jpg');
    expect(sha(readFileSync(b.media.originalPath(realId)))).toBe(realId);
    expect(Buffer.from(readFileSync(b.media.originalPath(realId))).equals(Buffer.from(real))).toBe(true);
  });

  it('an untrusted copy link never re-points a document to a photo this machine holds, nor touches it', async () => {
    const { real, realId, planted, plantedId } = await twoPhotos();
    const b = open('editor');
    await importMediaBytes(b.media, real, 'cau-treo.jpg');
    const a = open('reporter');
    await call(a, 'setLocalProfile', REPORTER);
    await importMediaBytes(a.media, planted, 'khac.jpg');
    const id = await submittedArticle(a, plantedId);
    const forged = forge((await buildPackage(a, id)).bytes, (files) => {
      files['media.json'] = strToU8(JSON.stringify([{ id: plantedId, fileName: 'khac.jpg', strippedFrom: realId }]));
    });
    await unpackBytes(b, forged);
    expect(figureIds(await call(b, 'getArticle', { id }))).toEqual([plantedId]);
    expect(Buffer.from(readFileSync(b.media.originalPath(realId))).equals(Buffer.from(real))).toBe(true);
  });

  it('newsroom check finds a media file whose bytes do not match its id', async () => {
    const { real, realId, planted } = await twoPhotos();
    const core = open('a');
    await importMediaBytes(core.media, real, 'cau-treo.jpg');
    const path = core.media.originalPath(realId);
    core.close();
    const clean = await runCli(['check', '--db', dbOf('a')]);
    expect(clean.out).toContain('media files: ok');
    writeFileSync(path, planted);
    const found = await runCli(['check', '--db', dbOf('a')]);
    expect(found.code).toBe(1);
    expect(found.out).toContain(`photo ${realId}: its file does not match its id (the bytes hash to ${sha(planted)}); it was altered or replaced`);
  });
});
