import { describe, expect, it } from 'vitest';
import { countWords, foldVietnamese, foldWithMap, cleanText } from '../../src/shared/text';
import { safeHref } from '../../src/shared/links';
import { isValidSlug, slugify } from '../../src/shared/slug';
import { formatHouseDate, toIsoWithOffset, zonedToIso } from '../../src/shared/dates';

describe('text utilities', () => {
  it('folds Vietnamese marks, đ and case', () => {
    expect(foldVietnamese('Đào tạo')).toBe('dao tao');
    expect(foldVietnamese('ĐÀO TẠO')).toBe('dao tao');
    expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'));
    expect(foldVietnamese('Tiếng'.normalize('NFD'))).toBe('tieng');
  });

  it('maps folded offsets back to the original text', () => {
    const { folded, map } = foldWithMap('Đào tạo');
    const at = folded.indexOf('tao');
    expect('Đào tạo'.slice(map[at], map[at + 3])).toBe('tạo');
  });

  it('counts chữ as Vietnamese newsrooms do', () => {
    expect(countWords('Tỷ lệ tăng từ 30% lên 40,1% với 27.309 lượt người')).toBe(11);
    expect(countWords('giai đoạn 2011 – 2015')).toBe(4);
    expect(countWords('   ')).toBe(0);
  });

  it('strips control characters and bidi overrides', () => {
    expect(cleanText('a\u0000b\u202Ec\uFEFF')).toBe('abc');
  });

  it('accepts only http, https and mailto links', () => {
    expect(safeHref('https://baolaichau.vn/a')).toBe('https://baolaichau.vn/a');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('jav\tascript:alert(1)')).toBeNull();
    expect(safeHref('mailto:a@b.vn')).toBe('mailto:a@b.vn');
    expect(safeHref('mailto:nobody')).toBeNull();
    expect(safeHref('http://')).toBeNull();
  });

  it('derives safe slugs', () => {
    expect(slugify('Từng bước đáp ứng yêu cầu của nền hành chính hiện đại')).toBe('tung-buoc-dap-ung-yeu-cau-cua-nen-hanh-chinh-hien-dai');
    expect(slugify('../../x')).toBe('x');
    expect(slugify('CON')).toBe('con-bai');
    expect(slugify('')).toBe('bai-viet');
    expect(isValidSlug('../x')).toBe(false);
  });

  it('writes dates in the house style and ISO with offset', () => {
    expect(formatHouseDate('2016-06-10T16:36:00+07:00')).toBe('Thứ sáu, 10/06/2016, 16:36 [GMT+7]');
    expect(formatHouseDate('2024-04-30T07:43:00Z')).toBe('Thứ ba, 30/04/2024, 14:43 [GMT+7]');
    expect(zonedToIso({ year: 2016, month: 6, day: 10, hour: 16, minute: 36 })).toBe('2016-06-10T16:36:00+07:00');
    expect(toIsoWithOffset(new Date('2016-06-10T09:36:00Z'))).toBe('2016-06-10T16:36:00+07:00');
  });
});
