import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE } from '../../src/shared/export';
import { createArticle, createHarness, makePhoto, photoArticle, type ExportHarness } from './export-fixtures';
import { ninjsValidator, validateHtml } from './export-validators';

/**
 * Every kind of bundle the suite makes, judged from outside: the W3C Nu validator
 * on each index.html (one JVM for all) and ajv with the IPTC ninjs 3.1 schema.
 */
describe('exported bundles pass the outside judges', () => {
  let h: ExportHarness;
  const bundles: string[] = [];

  beforeAll(async () => {
    h = createHarness();
    const out = join(h.dir, 'out');
    h.service.profiles.save('english', { ...DEFAULT_PROFILE, siteName: 'Lai Chau News', baseUrl: 'https://en.example.org/', locale: 'en_GB', dateStyle: 'iso', css: 'h1{letter-spacing:-.01em}' });
    const photo = await photoArticle(h, { status: 'approved', publishedAt: null });
    const second = await h.addPhoto(await makePhoto(h.dir, { width: 1300, height: 1800, seed: 3 }));
    const rich = createArticle(
      h,
      {
        headline: '</script> "Tít" & <b>thử</b>',
        lead: '<!-- dẫn --> & \u2028',
        blocks: [{ heading: 'Tiêu đề phụ' }, 'Đoạn.', { link: { text: 'nguồn', href: 'mailto:toasoan@example.org' } }, { figure: { mediaId: second, caption: 'Ảnh dọc', credit: 'Ảnh: B', alt: '' } }, { quote: '“Trích dẫn.”' }],
        authors: ['Tiến Thành', '<Hà> "Vy"'],
      },
      { slug: 'bai-nhieu-kieu', tags: ['"x"', '<y>'], section: 'Xã hội', datelinePlace: 'Lai Châu' },
    );
    const english = createArticle(h, { headline: 'Training officials', lead: 'Lai Chau trains its officials.', blocks: ['Body.'], authors: ['Tien Thanh'] }, { language: 'en', slug: 'training-officials', agencyTag: '', tags: [] });
    const textOnly = createArticle(h, { headline: 'Tin ngắn', lead: 'Chỉ có chữ.', blocks: ['Một đoạn.'], authors: ['A'] }, { slug: 'tin-ngan', publishedAt: null, section: '', tags: [] });
    const profile = (n: string) => h.service.profiles.get(n);
    for (const [id, p, publish] of [
      [photo.meta.id, 'default', true],
      [rich.meta.id, 'default', false],
      [english.meta.id, 'english', false],
      [textOnly.meta.id, 'default', false],
    ] as const) {
      const r = await h.service.exportArticle(id, { outDir: out, zip: false, profile: profile(p), publish });
      expect(r.ok, JSON.stringify(r.blocking)).toBe(true);
      bundles.push(r.path!);
    }
  }, 120_000);
  afterAll(() => h.cleanup());

  it('every index.html has zero Nu validator errors or warnings', () => {
    // A broken control page in the same run proves the validator is really judging.
    const control = join(h.dir, 'control.html');
    writeFileSync(control, '<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><img src="a.jpg"></body></html>');
    const messages = validateHtml([control, ...bundles.map((b) => join(b, 'index.html'))]);
    expect(messages.some((m) => m.url.endsWith('control.html') && m.type === 'error')).toBe(true);
    expect(messages.filter((m) => !m.url.endsWith('control.html') && (m.type === 'error' || m.subType === 'warning'))).toEqual([]);
  }, 120_000);

  it('every article.ninjs.json is valid IPTC ninjs 3.1', () => {
    const validate = ninjsValidator();
    for (const b of bundles) {
      const ninjs = JSON.parse(readFileSync(join(b, 'article.ninjs.json'), 'utf8'));
      expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true);
      expect(ninjs.bodies[0].wordCount).toBeGreaterThan(0);
    }
    const photo = JSON.parse(readFileSync(join(bundles[0]!, 'article.ninjs.json'), 'utf8'));
    expect(photo.associations[0].renditions).toHaveLength(6);
    expect(photo.pubStatus).toBe('usable');
  });
});
