import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/core';
import { importMediaBytes } from '../../src/main/core/media/import';
import { tempDir } from '../support/temp';
import { HEVC_HEIC } from '../support/photo-formats';
import { makeJpeg, PDF_RENAMED, pngBomb, polyglotJpegHtml, polyglotJpegPdf, SVG_WITH_SCRIPT } from '../support/photos';

// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
const RENDERER = '../../src/renderer/src/';
type T = (key: string, options?: Record<string, unknown>) => string;
const { describeRefusal } = (await import(`${RENDERER}editor/figure/refusal`)) as { describeRefusal: (message: string, t: T) => string };
const { vi: viStrings } = (await import(`${RENDERER}i18n/vi`)) as { vi: Record<string, unknown> };

/** Every refusal the core can give reads naturally in the Vietnamese UI. */
describe('refusal messages in the editor', () => {
  it('translates each core refusal, so none reaches a Vietnamese reporter in English', async () => {
    const t = i18next.createInstance();
    await t.init({ lng: 'vi', resources: { vi: { translation: viStrings } } });
    const { dir, cleanup } = tempDir('newsroom-refusal-');
    const core = createCore({ databasePath: join(dir, 'r.db'), host: 'browser' });
    try {
      const full = await makeJpeg({ width: 1200, height: 900, noise: true });
      const files: [Uint8Array, string][] = [
        [new Uint8Array(0), 'tệp rỗng (0 byte)'],
        [PDF_RENAMED, 'tài liệu PDF'],
        [SVG_WITH_SCRIPT, 'hình vẽ SVG'],
        [Buffer.from('<!DOCTYPE html><html></html>'), 'trang web (HTML)'],
        [await polyglotJpegHtml(), 'giấu'],
        [await polyglotJpegPdf(), 'vừa là ảnh vừa là tài liệu PDF'],
        [pngBomb(), '30000 × 30000 điểm ảnh (900 megapixel)'],
        [full.subarray(0, full.length >> 1), 'thiếu phần cuối'],
        [Buffer.from('plain text'), 'không phải ảnh JPEG, PNG, WebP, AVIF hay HEIC'],
        [HEVC_HEIC, 'không giải mã được ảnh HEIC'],
        [new Uint8Array(100 * 1024 * 1024 + 1), 'nặng hơn giới hạn 100 MB'],
      ];
      for (const [bytes, expected] of files) {
        const error = await importMediaBytes(core.media, bytes, 'anh.jpg').then(
          () => null,
          (e: Error) => e,
        );
        const shown = describeRefusal(error!.message, t.t.bind(t) as unknown as T);
        expect(shown).toMatch(/^“anh\.jpg”: .+\.$/);
        expect(shown).not.toMatch(/was not added/);
        expect(shown).toContain(expected);
      }
    } finally {
      core.close();
      cleanup();
    }
  });

  it('shows an unknown message as it is', () => {
    expect(describeRefusal('Something else entirely.', (k: string) => k)).toBe('Something else entirely.');
  });
});
