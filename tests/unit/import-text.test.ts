import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeText } from '../../src/main/core/import/decode';
import { ImportError } from '../../src/main/core/import/errors';
import { matchDate, parseByline, readPlainText } from '../../src/main/core/import/plain-text';
import { applyFields, assemble } from '../../src/main/core/import/parsed';
import { SEED_PATH } from '../support/temp';
import { toUtf16, toWindows1258 } from '../fixtures/import/encodings';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const importText = (text: string, name = 'test.txt') => assemble(readPlainText(text, name));

describe('plain text: the seed (golden)', () => {
  const seed = readFileSync(SEED_PATH);
  const { text, encoding } = decodeText(seed, 'seed.txt');
  const { document, meta, report } = assemble(readPlainText(text, 'seed.txt', encoding));

  it('recognises headline, date, agency tag and lead', () => {
    expect(encoding).toBe('utf-8');
    expect(report.headline).toBe('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
    expect(report.publishedAt).toBe('2016-06-10T16:36:00+07:00');
    expect(report.agencyTag).toBe('BLC');
    expect(report.lead.startsWith('Để từng bước xây dựng nền hành chính hiện đại')).toBe(true);
    expect(report.lead).not.toContain('(BLC)');
    expect(meta).toMatchObject({ agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00', language: 'vi', status: 'draft', slug: 'tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai' });
  });

  it('places five body paragraphs and the photo caption as a figure awaiting its photo', () => {
    expect(report.paragraphs).toBe(5);
    const body = document.child(2);
    const kinds: string[] = [];
    body.forEach((n) => kinds.push(n.type.name));
    expect(kinds).toEqual(['paragraph', 'figure', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    const figure = body.child(1);
    expect(figure.attrs.mediaId).toBeNull();
    expect(figure.child(0).textContent).toBe(
      'Một giờ học tiếng Mông của cán bộ, công chức, viên chức trong tỉnh do Trung tâm Ngoại ngữ tin học - Sở Giáo dục và Đào tạo tỉnh Điện Biên phối hợp với Sở Nội vụ tỉnh Lai Châu tổ chức.',
    );
    expect(report.captions).toHaveLength(1);
    expect(body.child(2).textContent.startsWith('Cùng với công tác đào tạo')).toBe(true);
    expect(body.child(5).textContent.endsWith('phục vụ Nhân dân ngày một tốt hơn.')).toBe(true);
  });

  it('finds the byline and drops the site chrome, listing it', () => {
    expect(report.byline).toEqual(['Tiến Thành']);
    expect(document.child(3).textContent).toBe('Tiến Thành');
    expect(report.dropped.map((d) => d.reason)).toEqual([
      'site date stamp',
      'site chrome',
      'site chrome',
      'site chrome',
      'related-article teaser',
      'related-article teaser',
      'related-article teaser',
      'related-article teaser',
    ]);
    expect(report.dropped.map((d) => d.text).slice(0, 4)).toEqual(['Thứ ba, 30/04/2024, 14:43 [GMT+7]', 'Bình luận', 'Hiện tại chưa có bình luận', 'Viết bình luận']);
    expect(report.dropped[4]!.text).toBe('Đăng kiểm xe cơ giới: Khâu quan trọng để đảm bảo an toàn');
    // The left-out comments and teasers are announced first, not only listed.
    expect(report.warnings.map((w) => w.message)).toEqual(['7 paragraphs (118 words) were left out as site furniture — review']);
  });

  it('keeps every text node in NFC', () => {
    document.descendants((n) => {
      if (n.isText) expect(n.text).toBe(n.text!.normalize('NFC'));
    });
  });
});

describe('plain text: variants', () => {
  it('imports an article with no date and no agency tag, and says so', () => {
    const { report } = importText(fixture('no-date-no-tag.txt'));
    expect(report.headline).toBe('Nông dân Tam Đường thu hoạch chè vụ xuân');
    expect(report.publishedAt).toBeNull();
    expect(report.agencyTag).toBe('');
    expect(report.lead.startsWith('Những ngày này')).toBe(true);
    expect(report.paragraphs).toBe(2);
    expect(report.byline).toEqual(['Minh Anh']);
    expect(report.warnings.map((w) => w.message).some((w) => /No article date/.test(w))).toBe(true);
  });

  it('imports an English article with an English date line, agency tag and "By" byline with role', () => {
    const { report } = importText(fixture('english.txt'));
    expect(report.language).toBe('en');
    expect(report.headline).toBe('Lai Chau trains thousands of civil servants');
    expect(report.publishedAt).toBe('2016-06-10T16:36:00+07:00');
    expect(report.agencyTag).toBe('VNA');
    expect(report.byline).toEqual(['Jane Nguyen']);
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'staff reporter', reason: 'byline role (kept out of the author name)' }));
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Another story about the province', reason: 'related-article teaser' }));
  });

  it('keeps a byline role out of the author name and lists it', () => {
    const { report } = importText(fixture('byline-role.txt'));
    expect(report.byline).toEqual(['Hoàng Nam']);
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'CTV', reason: 'byline role (kept out of the author name)' }));
    expect(report.dropped).toContainEqual(expect.objectContaining({ text: 'Bình luận (2)', reason: 'site chrome' }));
  });

  it('finds several captions, moves "(Ảnh: …)" to the credit, makes a lone quotation a block quote, splits two authors', () => {
    const { document, report } = importText(fixture('several-captions.txt'));
    expect(report.figures).toEqual([
      { caption: 'Ruộng bậc thang xã Pa Tần nhìn từ trên cao.', credit: '', alt: '', image: null },
      { caption: 'Bà con dân tộc Mông gặt lúa trên ruộng bậc thang.', credit: 'Tiến Thành', alt: '', image: null },
    ]);
    const kinds: string[] = [];
    document.child(2).forEach((n) => kinds.push(n.type.name));
    expect(kinds).toEqual(['figure', 'paragraph', 'figure', 'blockquote', 'paragraph']);
    expect(report.byline).toEqual(['Tiến Thành', 'Minh Anh']);
  });

  it('recognises the date formats reporters send and rejects impossible dates', () => {
    expect(matchDate('Thứ sáu, 10/06/2016 - 16:36\'')?.iso).toBe('2016-06-10T16:36:00+07:00');
    expect(matchDate('10/06/2016 16:36 (GMT+7)')?.iso).toBe('2016-06-10T16:36:00+07:00');
    expect(matchDate('Cập nhật: 10/06/2016 16:36')?.iso).toBe('2016-06-10T16:36:00+07:00');
    expect(matchDate('10 June 2016, 16:36')?.iso).toBe('2016-06-10T16:36:00+07:00');
    expect(matchDate('Thứ ba, 30/04/2024, 14:43 [GMT+7]')?.role).toBe('site');
    expect(matchDate('31/02/2016 10:00')).toBeNull();
    expect(matchDate('10/13/2016 10:00')).toBeNull();
    expect(matchDate('Hội nghị ngày 10/06/2016 đã kết thúc.')).toBeNull();
  });

  it('tells a byline from a sentence', () => {
    expect(parseByline('Tiến Thành')).toEqual({ names: ['Tiến Thành'], roles: [] });
    expect(parseByline('Theo Minh Anh (TTXVN)')).toEqual({ names: ['Minh Anh'], roles: ['TTXVN'] });
    expect(parseByline('Nhờ đó, chương trình đạt hiệu quả.')).toBeNull();
    expect(parseByline('một dòng chữ thường')).toBeNull();
  });

  it('applies corrections from the review screen', () => {
    const parsed = readPlainText(readFileSync(SEED_PATH, 'utf8'), 'seed.txt');
    const { document, report } = assemble(
      applyFields(parsed, { headline: 'Tiêu đề mới', agencyTag: 'TTXVN', byline: ['Tiến Thành', 'Minh Anh'], captions: ['Chú thích đã sửa'], publishedAt: '2016-06-11T08:00:00+07:00' }),
    );
    expect(report).toMatchObject({ headline: 'Tiêu đề mới', agencyTag: 'TTXVN', byline: ['Tiến Thành', 'Minh Anh'], captions: ['Chú thích đã sửa'], publishedAt: '2016-06-11T08:00:00+07:00' });
    expect(document.child(0).textContent).toBe('Tiêu đề mới');
    expect(document.child(2).child(1).child(0).textContent).toBe('Chú thích đã sửa');
  });

  it('never loses a line silently: every line is in the article, recognised, or listed as dropped', () => {
    const line = fc.oneof(
      fc.constantFrom('Bình luận', 'Viết bình luận', 'Tin liên quan', 'Tiến Thành', '(BLC) – Mở đầu bài.', 'Thứ sáu, 10/06/2016 - 16:36\'', 'Ảnh: Cảnh đẹp.', '“Trích dẫn.”', 'Bài và ảnh: Hoàng Nam (CTV)'),
      fc.stringMatching(/^[A-ZĐ][a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ ]{0,40}[.!?]?$/u),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
        const { document, report } = importText(lines.join('\n\n'));
        const placed = [document.textBetween(0, document.content.size, '\n', '\n'), ...report.dropped.map((d) => d.text), ...report.figures.map((f) => `${f.caption} ${f.credit}`)].join('\n');
        for (const raw of lines) {
          const l = raw.replace(/\s+/g, ' ').trim();
          if (!l) continue;
          const accounted =
            placed.includes(l) ||
            matchDate(l) !== null ||
            placed.includes(l.replace(/^\([^)]*\)\s*[–—-]\s*/u, '')) ||
            (parseByline(l)?.names.every((n) => placed.includes(n)) ?? false) ||
            placed.includes(l.replace(/^(Ảnh|Photo|Hình)\s*\d*\s*:\s*/iu, ''));
          if (!accounted) throw new Error(`line lost: ${l}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('encodings', () => {
  const SAMPLE = 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại\n\n(BLC) – Để từng bước xây dựng nền hành chính hiện đại, tỉnh Lai Châu tập trung đào tạo đội ngũ cán bộ.\n\nTiến Thành\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(Buffer.from(SAMPLE), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    expect(decodeText(toUtf16(SAMPLE, 'le'), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(toUtf16(SAMPLE, 'be'), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('detects Windows-1258 and composes its separate tone marks to NFC', () => {
    const bytes = toWindows1258(SAMPLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeText(bytes, 'cp1258.txt');
    expect(decoded.encoding).toBe('windows-1258');
    expect(decoded.text).toBe(SAMPLE);
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
    const { report } = importText(decoded.text);
    expect(report.headline).toBe('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại');
    expect(report.agencyTag).toBe('BLC');
    expect(report.byline).toEqual(['Tiến Thành']);
  });

  it('reads the whole seed converted to Windows-1258 identically', () => {
    const utf8 = readFileSync(SEED_PATH, 'utf8');
    expect(decodeText(toWindows1258(utf8), 'seed-1258.txt').text).toBe(utf8.normalize('NFC'));
  });

  it('composes NFD (decomposed) UTF-8 text to NFC', () => {
    expect(decodeText(Buffer.from(SAMPLE.normalize('NFD')), 'nfd.txt').text).toBe(SAMPLE);
  });

  const refusal = (bytes: Uint8Array) => {
    try {
      decodeText(bytes, 'bad.txt');
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      return err as ImportError;
    }
    throw new Error('not refused');
  };

  /** Deterministic pseudo-random bytes (xorshift32). */
  const noise = (length: number, seed: number, map = (b: number) => b) =>
    Uint8Array.from({ length }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return map((seed >>> 0) & 0xff);
    });

  it('refuses binary garbage with a .txt name', () => {
    const garbage = noise(4096, 7);
    const err = refusal(garbage);
    expect(err.reason).toBe('binary');
    expect(err.message).toMatch(/bad\.txt is not a text file.*nothing was imported/);
  });

  it('refuses high-byte garbage without NULs or controls instead of importing mojibake', () => {
    const garbage = noise(4096, 11, (b) => 0x80 | b);
    const err = refusal(garbage);
    expect(err.reason).toBe('encoding');
    expect(err.message).toMatch(/neither UTF-8, UTF-16 nor Windows-1258/);
  });

  it('refuses UTF-16 without a byte-order mark and a damaged UTF-16 file', () => {
    expect(refusal(Buffer.from(SAMPLE, 'utf16le')).reason).toBe('binary');
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41])])).reason).toBe('encoding');
  });
});
