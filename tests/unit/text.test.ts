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

  // [zone, instant, ISO with the zone's offset, house style]: the last second before
  // and the first second after each change, spring and autumn, north and south, and
  // a half-hour zone. Every one of these days is a Sunday.
  const dstEdges: [string, string, string, string][] = [
    ['America/New_York', '2026-03-08T06:59:59Z', '2026-03-08T01:59:59-05:00', 'Chủ nhật, 08/03/2026, 01:59 [GMT-5]'],
    ['America/New_York', '2026-03-08T07:00:00Z', '2026-03-08T03:00:00-04:00', 'Chủ nhật, 08/03/2026, 03:00 [GMT-4]'],
    ['America/New_York', '2026-11-01T05:59:59Z', '2026-11-01T01:59:59-04:00', 'Chủ nhật, 01/11/2026, 01:59 [GMT-4]'],
    ['America/New_York', '2026-11-01T06:00:00Z', '2026-11-01T01:00:00-05:00', 'Chủ nhật, 01/11/2026, 01:00 [GMT-5]'],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00', 'Chủ nhật, 29/03/2026, 01:59 [GMT+1]'],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00', 'Chủ nhật, 29/03/2026, 03:00 [GMT+2]'],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', '2026-10-25T02:59:59+02:00', 'Chủ nhật, 25/10/2026, 02:59 [GMT+2]'],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00+01:00', 'Chủ nhật, 25/10/2026, 02:00 [GMT+1]'],
    ['Australia/Sydney', '2026-04-04T15:59:59Z', '2026-04-05T02:59:59+11:00', 'Chủ nhật, 05/04/2026, 02:59 [GMT+11]'],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', '2026-04-05T02:00:00+10:00', 'Chủ nhật, 05/04/2026, 02:00 [GMT+10]'],
    ['Australia/Sydney', '2026-10-03T15:59:59Z', '2026-10-04T01:59:59+10:00', 'Chủ nhật, 04/10/2026, 01:59 [GMT+10]'],
    ['Australia/Sydney', '2026-10-03T16:00:00Z', '2026-10-04T03:00:00+11:00', 'Chủ nhật, 04/10/2026, 03:00 [GMT+11]'],
    ['Australia/Lord_Howe', '2026-10-03T15:29:59Z', '2026-10-04T01:59:59+10:30', 'Chủ nhật, 04/10/2026, 01:59 [GMT+10:30]'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '2026-10-04T02:30:00+11:00', 'Chủ nhật, 04/10/2026, 02:30 [GMT+11]'],
  ];

  it.each(dstEdges)('writes %s at %s with the offset the clocks showed', (zone, instant, iso, house) => {
    expect(toIsoWithOffset(new Date(instant), zone)).toBe(iso);
    expect(formatHouseDate(instant, zone)).toBe(house);
    // Read back, the ISO names the same instant.
    expect(new Date(iso).getTime()).toBe(new Date(instant).getTime());
  });
});
