import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import exifr from 'exifr';
import type { Core } from '../../src/main/core/core';
import { importMediaBytes } from '../../src/main/core/media/import';
import { buildPackage, HandoffError, unpackBytes } from '../../src/main/core/handoff';
import { schema } from '../../src/shared/schema';
import { createDocument, documentToStored } from '../../src/shared/document';
import { makeJpeg, withMetadata } from '../support/photos';
import { readWebpChunks } from '../../src/main/core/media/containers';
import { extractMetadata } from '../../src/main/core/media/metadata';
import { CAPTION, PHOTO_FORMATS, PRIVATE_AND_CAPTION, exiftoolRead, exiftoolWrite, holdsPrivateBytes, plainPhoto, privateTags } from '../support/photo-formats';
import { machines, type Machines } from '../support/machines';
import { callOk as call } from '../support/calls';

let fleet: Machines;
let dir: string;
const open = (name: string): Core => fleet.open(name);

beforeEach(() => ({ dir } = fleet = machines()));
afterEach(() => fleet.cleanup());

/** An article on `core` with one photo taken at Lai Châu by a camera with a serial number. */
async function articleWithLocatedPhoto(core: Core, role: 'reporter' | 'desk') {
  await call(core, 'setLocalProfile', { displayName: 'Tiến Thành', initials: 'TT', role, color: '#1a7f5a' });
  const jpeg = withMetadata(await makeJpeg({ width: 640, height: 480 }), dir, { caption: 'Lớp học tiếng Mông', byline: 'Tiến Thành', gps: { lat: 22.3964, lon: 103.4582 }, serial: 'SN-0042' });
  const { media } = await importMediaBytes(core.media, new Uint8Array(jpeg), 'lop-hoc.jpg');
  expect(core.media.get(media.id)).toMatchObject({ hasLocation: true, hasSerialNumber: true });
  const base = createDocument({ headline: 'Lớp học tiếng Mông', paragraphs: ['Đoạn một.'], authors: ['Tiến Thành'] });
  const figure = schema.node('figure', { mediaId: media.id, alt: '' }, [schema.node('caption', null, [schema.text('Lớp học')]), schema.node('credit', null, [schema.text('Ảnh: T.T')])]);
  const body = base.child(2).copy(base.child(2).content.addToEnd(figure));
  const article = await call(core, 'createArticle', { document: documentToStored(base.copy(base.content.replaceChild(2, body))) });
  return { id: article.meta.id, mediaId: media.id };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** The photo ids the article's figures name. */
const figureIds = (article: { document: { doc: unknown } }) => [...JSON.stringify(article.document.doc).matchAll(/"mediaId":"([0-9a-f]{64})"/g)].map((m) => m[1]);
const photoIn = (bytes: Uint8Array, id: string) => unzipSync(bytes)[`media/${id}`]!;

/** The id a photo travels under: its stripped copy's own hash (named by `strippedFrom`), or its own id when sent whole. */
function shippedIdOf(bytes: Uint8Array, originalId: string): string {
  const entries = JSON.parse(strFromU8(unzipSync(bytes)['media.json']!)) as { id: string; strippedFrom?: string }[];
  const entry = entries.find((e) => e.strippedFrom === originalId) ?? entries.find((e) => e.id === originalId);
  if (!entry) throw new Error(`photo ${originalId} is not in the package`);
  return entry.id;
}

describe('photos in handoff packages', () => {
  it('leave without GPS and serial numbers under their own hash, and come home to the original', async () => {
    const a = open('reporter');
    const { id, mediaId } = await articleWithLocatedPhoto(a, 'reporter');
    const pkg = await buildPackage(a, id, 'review');
    const copyId = JSON.parse(strFromU8(unzipSync(pkg.bytes)['media.json']!))[0].id as string;
    expect(copyId).not.toBe(mediaId);
    const shipped = photoIn(pkg.bytes, copyId);
    expect(sha(shipped)).toBe(copyId);
    expect(unzipSync(pkg.bytes)[`media/${mediaId}`]).toBeUndefined();
    const tags = await exifr.parse(Buffer.from(shipped), { gps: true, tiff: true, exif: true, iptc: true });
    expect(tags?.latitude).toBeUndefined();
    expect(tags?.SerialNumber ?? tags?.BodySerialNumber).toBeUndefined();
    expect(tags?.Caption ?? tags?.['Caption-Abstract'] ?? tags?.description).toBeTruthy();

    // The editor, lacking the original, stores the copy under its own hash and the figure names it.
    const b = open('editor');
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await unpackBytes(b, pkg.bytes);
    expect(b.media.has(mediaId)).toBe(false);
    expect(b.media.get(copyId)).toMatchObject({ hasLocation: false, hasSerialNumber: false });
    expect(Buffer.from((await b.media.readOriginal(copyId))!).equals(Buffer.from(shipped))).toBe(true);
    expect(figureIds(await call(b, 'getArticle', { id }))).toEqual([copyId]);

    // Back on the reporter's machine, which trusts the editor, the figure names the untouched original again.
    const editorKey = (await call(b, 'listKeys', {})).own!.fingerprint;
    await call(a, 'trustKey', { fingerprint: editorKey, name: 'Minh An', role: 'editor' });
    const before = Buffer.from((await a.media.readOriginal(mediaId))!);
    await unpackBytes(a, (await buildPackage(b, id, 'review')).bytes);
    expect(Buffer.from((await a.media.readOriginal(mediaId))!).equals(before)).toBe(true);
    expect(a.media.get(mediaId)).toMatchObject({ hasLocation: true });
    expect(figureIds(await call(a, 'getArticle', { id }))).toEqual([mediaId]);
  });

  it('carry the location only when a desk profile opts in', async () => {
    const reporter = open('reporter');
    const r = await articleWithLocatedPhoto(reporter, 'reporter');
    await expect(buildPackage(reporter, r.id, 'desk', { includePrivateMetadata: true })).rejects.toThrow(HandoffError);
    expect(await reporter.call('createHandoffPackage', { id: r.id, includePrivateMetadata: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const desk = open('desk');
    const d = await articleWithLocatedPhoto(desk, 'desk');
    const pkg = await buildPackage(desk, d.id, 'desk', { includePrivateMetadata: true });
    const tags = await exifr.parse(Buffer.from(photoIn(pkg.bytes, d.mediaId)), { gps: true });
    expect(tags?.latitude).toBeCloseTo(22.3964, 3);
  });

  it('refuse a package whose stripped photo was altered', async () => {
    const a = open('reporter');
    const { id } = await articleWithLocatedPhoto(a, 'reporter');
    const files = unzipSync((await buildPackage(a, id, 'review')).bytes);
    const name = Object.keys(files).find((n) => n.startsWith('media/'))!;
    const photo = files[name]!;
    photo[photo.length - 100] = photo[photo.length - 100]! ^ 0xff;
    const b = open('editor');
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await expect(unpackBytes(b, zipSync(files))).rejects.toThrow(/does not match its SHA-256 in the manifest/);
    expect(b.db.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 0 });
  });
});

/** An article on `core` with one figure per accepted format, each photo carrying GPS, serials and a caption. */
async function articleWithEveryFormat(core: Core) {
  await call(core, 'setLocalProfile', { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' });
  const mediaIds: Record<string, string> = {};
  const figures = [];
  for (const format of PHOTO_FORMATS) {
    const bytes = exiftoolWrite(await plainPhoto(format), format, dir, PRIVATE_AND_CAPTION);
    const { media } = await importMediaBytes(core.media, new Uint8Array(bytes), `anh.${format}`);
    expect(core.media.get(media.id), format).toMatchObject({ hasLocation: true, hasSerialNumber: true });
    mediaIds[format] = media.id;
    figures.push(schema.node('figure', { mediaId: media.id, alt: '' }, [schema.node('caption', null, [schema.text(format)]), schema.node('credit')]));
  }
  const base = createDocument({ headline: 'Ảnh mọi định dạng', paragraphs: ['Đoạn một.'], authors: ['Tiến Thành'] });
  const body = base.child(2).copy(base.child(2).content.append(schema.nodes.body!.create(null, figures).content));
  const article = await call(core, 'createArticle', { document: documentToStored(base.copy(base.content.replaceChild(2, body))) });
  return { id: article.meta.id, mediaIds };
}

describe('photos of every format in handoff packages', () => {
  it('leave without any GPS or serial number (exiftool and exifr agree), keeping caption and size', async () => {
    const a = open('reporter');
    const { id, mediaIds } = await articleWithEveryFormat(a);
    const pkg = await buildPackage(a, id, 'review');
    for (const [format, mediaId] of Object.entries(mediaIds)) {
      const shipped = photoIn(pkg.bytes, shippedIdOf(pkg.bytes, mediaId));
      expect(privateTags(exiftoolRead(shipped, dir)), format).toEqual([]);
      expect(holdsPrivateBytes(shipped), format).toBe(false);
      const exifBlock = format === 'webp' ? readWebpChunks(Buffer.from(shipped)).find((c) => c.type === 'EXIF')?.data : Buffer.from(shipped);
      const tags = (exifBlock && (await exifr.parse(Buffer.from(exifBlock), { gps: true, tiff: true, exif: true, xmp: true }))) || {};
      expect(tags.latitude, format).toBeUndefined();
      expect(JSON.stringify(tags), format).not.toMatch(/Serial|GPS/);
      expect((await extractMetadata(shipped)).description.caption, format).toBe(CAPTION);
      expect(a.media.get(mediaId)!.width, format).toBe(320);
    }
    const b = open('editor');
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    await unpackBytes(b, pkg.bytes);
    for (const [format, mediaId] of Object.entries(mediaIds)) {
      expect(b.media.get(shippedIdOf(pkg.bytes, mediaId)), format).toMatchObject({ hasLocation: false, hasSerialNumber: false, width: 320, height: 240 });
    }
  });

  it('strip a photo stored before its GPS could be read (flags unset), reading its bytes again', async () => {
    const a = open('reporter');
    const { id, mediaIds } = await articleWithEveryFormat(a);
    a.db.prepare("UPDATE media SET private_metadata = '{}'").run();
    expect(a.media.get(mediaIds.webp!)).toMatchObject({ hasLocation: false, hasSerialNumber: false });
    const pkg = await buildPackage(a, id, 'review');
    for (const [format, mediaId] of Object.entries(mediaIds)) expect(holdsPrivateBytes(photoIn(pkg.bytes, shippedIdOf(pkg.bytes, mediaId))), format).toBe(false);
  });
});

describe('an unpacked article', () => {
  it('is found by search and counted in the list at once', async () => {
    const a = open('reporter');
    const { id } = await articleWithLocatedPhoto(a, 'reporter');
    const b = open('editor');
    await call(b, 'setLocalProfile', { displayName: 'Minh An', initials: 'MA', role: 'editor', color: '#aa3355' });
    expect((await call(b, 'listArticles', {})).total).toBe(0); // caches the total
    await unpackBytes(b, (await buildPackage(a, id, 'review')).bytes);
    expect((await call(b, 'listArticles', {})).total).toBe(1);
    const found = await call(b, 'searchArticles', { query: 'tieng mong' });
    expect(found.items.map((i) => i.article.id)).toEqual([id]);
  });
});
