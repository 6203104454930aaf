import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core/core';
import type { ImportPreviewItem } from '../../src/shared/import-report';
import { makeJpeg, withMetadata } from '../support/photos';
import { storeFixture, type StoreFixture } from '../support/store-fixture';

/** Decoding a photo is the slow part of an import: the preview's check is the one the commit stores. */

const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/main/core/media/images', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/main/core/media/images')>();
  return {
    ...actual,
    makePreview: (...args: Parameters<typeof actual.makePreview>) => {
      decodes.count += 1;
      return actual.makePreview(...args);
    },
  };
});

let fx: StoreFixture;
let core: Core;
beforeEach(() => ({ core } = fx = storeFixture('newsroom-import-once-')));
afterEach(() => fx.cleanup());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const upload = (name: string, bytes: Uint8Array) => ({ name, path: `cho-phien/${name}`, data: Buffer.from(bytes).toString('base64') });

const STORY = `Chợ phiên Sìn Hồ ngày cuối năm

(BLC) – Chợ phiên cuối năm ở Sìn Hồ đông vui từ sáng sớm, bà con các bản đổ về mua sắm Tết.

Ảnh: Bà con người Mông đi chợ phiên.

Minh Anh
`;

describe('a story folder photo', () => {
  it('is decoded once, at preview, and the commit stores that check: same facts, same preview, same caption data', async () => {
    const photo = withMetadata(await makeJpeg({ width: 640, height: 480 }), fx.dir, { caption: 'Chợ phiên Sìn Hồ', credit: 'Minh Anh' });
    decodes.count = 0;
    const { items } = await call<{ items: ImportPreviewItem[] }>('previewImport', { files: [upload('bai.txt', Buffer.from(STORY)), upload('anh1.jpg', photo)] });
    expect(decodes.count).toBe(1);
    const { mediaIds } = await core.imports.commit(items[0]!.importId!);
    expect(decodes.count).toBe(1);
    expect(mediaIds).toHaveLength(1);
    const stored = core.media.get(mediaIds[0]!)!;
    expect(stored).toMatchObject({ format: 'jpeg', width: 640, height: 480, fileName: 'anh1.jpg' });
    expect(stored.description).toMatchObject({ caption: 'Chợ phiên Sìn Hồ', creditLine: 'Minh Anh' });
    expect((await core.media.readPreview(mediaIds[0]!))!.length).toBeGreaterThan(0);
    expect(Buffer.compare((await core.media.readOriginal(mediaIds[0]!))!, Buffer.from(photo))).toBe(0);
  });
});
