import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, type PreflightCode } from '../../src/shared/export';
import { runPreflight } from '../../src/main/core/export/preflight';
import { createArticle, createHarness, makePhoto, photoArticle, type ExportHarness } from './export-fixtures';

const codes = (list: { code: PreflightCode }[]) => list.map((i) => i.code);

describe('preflight', () => {
  let h: ExportHarness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => h.cleanup());

  it('passes a complete article with no findings', async () => {
    const a = await photoArticle(h);
    const r = h.service.preflight(a.meta.id);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.exportable).toBe(true);
  });

  it('blocks on no headline, empty body and missing byline', () => {
    const a = createArticle(h, { headline: '  ', lead: 'Dẫn.', blocks: [''], authors: [] }, { slug: 'trong', lengthTarget: {} });
    const r = h.service.preflight(a.meta.id);
    expect(codes(r.errors)).toEqual(['no_headline', 'empty_body', 'missing_byline']);
    expect(r.errors.every((e) => e.blocking && e.severity === 'error')).toBe(true);
    expect(r.exportable).toBe(false);
  });

  it('blocks figures without photo, caption or credit, and photos missing from the library', async () => {
    const known = await h.addPhoto(await makePhoto(h.dir));
    const a = createArticle(
      h,
      {
        headline: 'Ảnh',
        lead: 'Dẫn.',
        blocks: [
          'Đoạn.',
          { figure: { mediaId: null, caption: 'Chú thích chờ ảnh', credit: 'Ảnh: A' } },
          { figure: { mediaId: known, caption: '', credit: '' } },
          { figure: { mediaId: 'f'.repeat(64), caption: 'Ảnh mất', credit: 'Ảnh: B' } },
        ],
        authors: ['A'],
      },
      { lengthTarget: {} },
    );
    const r = h.service.preflight(a.meta.id);
    expect(r.errors.map((e) => `${e.code}@${e.where}`)).toEqual([
      'figure_without_image@figure 1',
      'figure_without_caption@figure 2',
      'figure_without_credit@figure 2',
      'figure_image_missing@figure 3',
    ]);
    expect(r.errors[0]!.message).toContain('Chú thích chờ ảnh');
  });

  it('finds text that is not NFC before loading normalises it, and the fix makes it NFC', () => {
    const a = createArticle(h, { headline: 'Tin', lead: 'Dẫn.', blocks: ['Một.'], authors: ['A'] }, { lengthTarget: {} });
    const raw = JSON.parse((h.db.prepare('SELECT document FROM articles WHERE id = ?').get(a.meta.id) as { document: string }).document);
    raw.content[0].content[0].text = 'Đào tạo'.normalize('NFD');
    h.db.prepare('UPDATE articles SET document = ? WHERE id = ?').run(JSON.stringify(raw), a.meta.id);
    const r = h.service.preflight(a.meta.id);
    expect(codes(r.errors)).toEqual(['not_nfc']);
    expect(r.errors[0]!.fix).toBe('nfc');
    h.service.fixNfc(a.meta.id);
    expect(h.service.preflight(a.meta.id).errors).toEqual([]);
    expect(h.articles.get(a.meta.id).document.doc.content![0]!.content![0]!.text).toBe('Đào tạo'.normalize('NFC'));
  });

  it('reports open review suggestions through its hook', () => {
    const a = createArticle(h, { headline: 'Tin', lead: 'Dẫn.', blocks: ['Một.'], authors: ['A'] }, { lengthTarget: {} });
    const article = h.articles.get(a.meta.id);
    expect(codes(runPreflight(article, DEFAULT_PROFILE, new Map(), () => 2).errors)).toEqual(['unresolved_suggestions']);
    expect(runPreflight(article, DEFAULT_PROFILE, new Map()).errors).toEqual([]);
  });

  it('warns about length targets, long headlines, small photos, empty paragraphs and double spaces', async () => {
    const small = await h.addPhoto(await makePhoto(h.dir, { width: 900, height: 600 }));
    const longHeadline = 'Tỉnh Lai Châu tập trung xây dựng đội ngũ cán bộ công chức vừa có năng lực chuyên môn vừa có bản lĩnh chính trị vững vàng';
    const a = createArticle(
      h,
      {
        headline: longHeadline,
        lead: 'Dẫn  đề có hai dấu cách.',
        blocks: ['Một hai ba bốn năm sáu.', '', { figure: { mediaId: small, caption: 'Chú thích khá dài ở đây', credit: 'Ảnh: A' } }],
        authors: ['A'],
      },
      { lengthTarget: { min: 100, max: 10, headlineMax: 20, leadMax: 3, captionMax: 3 } },
    );
    const r = h.service.preflight(a.meta.id);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings).sort()).toEqual(
      ['caption_over_target', 'double_space', 'empty_paragraph', 'headline_over_target', 'headline_too_long', 'image_too_small', 'lead_over_target', 'length_over_target', 'length_under_target'].sort(),
    );
    expect(r.exportable).toBe(true);
    expect(r.warnings.find((w) => w.code === 'image_too_small')!.params).toMatchObject({ width: 900, min: 1200 });
  });

  it('lets the profile make chosen warnings blocking', () => {
    h.service.profiles.save('strict', { ...DEFAULT_PROFILE, blockingWarnings: ['double_space'] });
    const a = createArticle(h, { headline: 'Tin  kép', lead: 'Dẫn.', blocks: ['Một.'], authors: ['A'] }, { lengthTarget: {} });
    expect(h.service.preflight(a.meta.id).exportable).toBe(true);
    const strict = h.service.preflight(a.meta.id, 'strict');
    expect(strict.exportable).toBe(false);
    expect(strict.warnings[0]).toMatchObject({ code: 'double_space', severity: 'warning', blocking: true });
  });
});
