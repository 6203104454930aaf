import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { readHtml } from '../../src/main/core/import/html';
import { assemble } from '../../src/main/core/import/parsed';
import { warning, type ImportDropped, type ImportWarning, type WarningCode } from '../../src/shared/import-report';
// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
type Translate = (key: string, options?: Record<string, unknown>) => string;
const RENDERER = '../../src/renderer/src/';
const { warningText, droppedReason, lossText } = (await import(`${RENDERER}features/import/report-text`)) as {
  warningText: (w: ImportWarning, t: Translate) => string;
  droppedReason: (d: ImportDropped, t: Translate) => string;
  lossText: (loss: ImportWarning, t: Translate, locale: string) => string;
};
const { vi } = (await import(`${RENDERER}i18n/vi`)) as { vi: Record<string, unknown> };
const { en } = (await import(`${RENDERER}i18n/en`)) as { en: Record<string, unknown> };

const translators = async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', fallbackLng: 'en', interpolation: { escapeValue: false } });
  const forLanguage = (lng: string): Translate => (key, options) => instance.t(key, { ...options, lng });
  return { vi: forLanguage('vi'), en: forLanguage('en') };
};

const SANITIZER_CODES: WarningCode[] = ['images_dropped', 'embeds_dropped', 'form_fields_dropped', 'tracked_deletions_dropped', 'comments_dropped', 'struck_kept', 'underlined_kept'];

describe('review card: the sanitiser’s report lines in Vietnamese and English', () => {
  it('translates every line of a saved Word page’s report, the loss warning first', async () => {
    const t = await translators();
    const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', 'saved-word-page.htm'), 'utf8');
    const { report } = assemble(readHtml(page, 'bai.htm', 'utf-8'));
    const [loss, ...others] = report.warnings;
    expect(lossText(loss!, t.vi, 'vi')).toBe('3 đoạn (26 chữ) bị bỏ vì là chữ ẩn hoặc đầu trang, chân trang — hãy xem lại');
    expect(lossText(loss!, t.en, 'en')).toBe('3 paragraphs (26 words) were left out as hidden text or page headers and footers — review');
    expect(others.map((w) => warningText(w, t.vi))).toEqual(
      expect.arrayContaining([
        '1 bảng (2 hàng) đã được chuyển thành các đoạn văn; hãy kiểm tra số liệu.',
        '1 đoạn chữ gạch ngang được giữ như chữ thường: hãy kiểm tra xem đó có phải phần định xoá không.',
        '1 đoạn chữ gạch chân được giữ như chữ thường.',
        'Đã bỏ 1 chỗ xoá trong chế độ theo dõi thay đổi, như bản cuối của tác giả.',
      ]),
    );
    for (const w of others) expect(warningText(w, t.vi)).not.toBe(w.message);
    const reasons = report.dropped.map((d) => droppedReason(d, t.vi));
    expect(reasons).toContain('Đoạn chữ ẩn, trang không hiển thị (display:none, hidden, chữ ẩn của Word, noscript…)');
    expect(reasons).toContain('Đầu trang hoặc chân trang Word (in trên mọi trang, không thuộc bài)');
  });

  it('gives each sanitiser kind its singular and plural in English, and a Vietnamese line for both', async () => {
    const t = await translators();
    for (const code of SANITIZER_CODES) {
      const one = warningText(warning(code, { count: 1 }), t.en);
      const two = warningText(warning(code, { count: 2 }), t.en);
      expect(one).toMatch(/^1 /);
      expect(two).toMatch(/^2 /);
      expect(one).not.toBe(two.replace(/^2/, '1'));
      expect(one).toBe(warning(code, { count: 1 }).message);
      // The review card says what the CLI says.
      expect(two).toBe(warning(code, { count: 2 }).message);
      const vi2 = warningText(warning(code, { count: 2 }), t.vi);
      expect(vi2).toContain('2');
      expect(vi2).not.toBe(two);
      expect(vi2).not.toMatch(/\{\{/);
    }
    expect(lossText(warning('text_left_out', { paragraphs: 1, words: 12, reason: 'furniture' }), t.en, 'en')).toBe('1 paragraph (12 words) was left out as site furniture — review');
    expect(lossText(warning('text_left_out', { paragraphs: 1200, words: 11400, reason: 'furniture,hidden,header_footer' }), t.vi, 'vi')).toBe(
      '1.200 đoạn (11.400 chữ) bị bỏ vì là phần khung của trang, chữ ẩn hoặc đầu trang, chân trang — hãy xem lại',
    );
  });
});
