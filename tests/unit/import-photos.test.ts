import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { importMediaBytes } from '../../src/main/core/media/import';
import { IMAGE_EXTENSIONS as FOLDER_PHOTO_EXTENSIONS } from '../../src/main/core/import/story-folder';
import { IMAGE_EXTENSIONS as CHOOSER_EXTENSIONS } from '../../src/shared/bridge';
import type { ImportPreviewItem } from '../../src/shared/import-report';
import { makeJpeg, PDF_RENAMED } from '../support/photos';
import { CAPTION, HEVC_HEIC, PRIVATE_AND_CAPTION, exiftoolWrite, plainPhoto } from '../support/photo-formats';
import { storeFixture, type StoreFixture } from '../support/store-fixture';

/** Photos in story folders are checked as uploads are: same acceptance, same refusal sentence, no empty figure. */

let fx: StoreFixture;
let core: Core;
beforeEach(() => ({ core } = fx = storeFixture('newsroom-import-photos-')));
afterEach(() => fx.cleanup());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const upload = (name: string, bytes: Uint8Array) => ({ name, path: `cho-phien/${name}`, data: Buffer.from(bytes).toString('base64') });
const mediaRows = () => (core.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n;

/** What an upload of `bytes` named `name` says: the sentence a story folder must repeat. */
async function uploadRefusal(bytes: Uint8Array, name: string): Promise<string> {
  const error = await importMediaBytes(core.media, bytes, name).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, name).not.toBeNull();
  return error!.message;
}

const STORY = `Chợ phiên Sìn Hồ ngày cuối năm

(BLC) – Chợ phiên cuối năm ở Sìn Hồ đông vui từ sáng sớm, bà con các bản đổ về mua sắm Tết.

Ảnh: Bà con người Mông đi chợ phiên.

Những gian hàng thổ cẩm, rượu ngô và thịt treo gác bếp được bày bán khắp các ngả đường.

Minh Anh
`;

describe('photos in story folders', () => {
  it('accept AVIF as an upload does, and refuse an HEVC-coded HEIC with the upload’s sentence', async () => {
    expect(CHOOSER_EXTENSIONS).toContain('avif');
    expect(FOLDER_PHOTO_EXTENSIONS).toContain('.avif');
    const avif = exiftoolWrite(await plainPhoto('avif'), 'avif', fx.dir, PRIVATE_AND_CAPTION);
    const uploaded = await importMediaBytes(core.media, avif, 'pho.avif');
    expect(uploaded.media).toMatchObject({ format: 'heif', mimeType: 'image/avif', width: 320, height: 240, hasLocation: true, hasSerialNumber: true });
    expect(uploaded.prefill.caption).toBe(CAPTION);
    const heicSentence = await uploadRefusal(HEVC_HEIC, 'pho.heic');
    expect(heicSentence).toMatch(/^“pho\.heic” was not added: this HEIC\/HEIF photo cannot be decoded here/);

    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload('bai.txt', Buffer.from(STORY)), upload('pho.avif', avif), upload('pho.heic', HEVC_HEIC)] });
    const report = items[0]!.report!;
    expect(report.warnings.filter((w) => w.code === 'photo_unusable').map((w) => w.message)).toEqual([heicSentence]);
    expect(report.figures.map((f) => f.image)).toEqual(['pho.avif']);
  });

  it('leave no empty figure for a refused photo, and name each refused file with the reason an upload gives', async () => {
    const full = await makeJpeg({ width: 900, height: 600, noise: true });
    const avif = await plainPhoto('avif');
    const files: Record<string, Uint8Array> = {
      'anh1.heic': HEVC_HEIC, // fills the text's caption placeholder, then is refused
      'anh2.avif': avif,
      'anh3.jpg': PDF_RENAMED,
      'anh4.jpg': full.subarray(0, full.length >> 1),
    };
    const refusals = [await uploadRefusal(HEVC_HEIC, 'anh1.heic'), await uploadRefusal(PDF_RENAMED, 'anh3.jpg'), await uploadRefusal(files['anh4.jpg']!, 'anh4.jpg')];
    expect(refusals[2]).toMatch(/truncated/);

    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload('bai.txt', Buffer.from(STORY)), ...Object.entries(files).map(([n, b]) => upload(n, b))] });
    const report = items[0]!.report!;
    expect(report.warnings.filter((w) => w.code === 'photo_unusable').map((w) => w.message)).toEqual(refusals);
    // The text's caption stays, waiting for a photo; the refused extras leave nothing behind.
    expect(report.figures).toEqual([
      { caption: 'Bà con người Mông đi chợ phiên.', credit: '', alt: '', image: null },
      { caption: '', credit: '', alt: '', image: 'anh2.avif' },
    ]);

    const { articleId } = await call<{ articleId: string }>('commitImport', { importId: items[0]!.importId });
    const body = core.articles.get(articleId).document.doc.content![2]!.content ?? [];
    const figures = body.filter((b) => b.type === 'figure');
    expect(figures.map((f) => [typeof f.attrs?.mediaId, (f.content?.[0]?.content ?? []).map((t) => t.text).join('')])).toEqual([
      ['object', 'Bà con người Mông đi chợ phiên.'],
      ['string', ''],
    ]);
    expect(mediaRows()).toBe(1);
  });
});
