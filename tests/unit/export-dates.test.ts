import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHouseDate, toIsoWithOffset } from '../../src/shared/dates';
import { countCharacters, countWords } from '../../src/shared/text';

const ZONES = ['Asia/Ho_Chi_Minh', 'Europe/London', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

/** The plain definition the fast formatter must match: Intl's own wall-clock parts. */
function referenceIso(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const asUtc = Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'), +get('second'));
  const offset = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

describe('dates', () => {
  it("match Intl's wall clock in any zone and across DST changes", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const date = new Date(Math.floor(ms / 1000) * 1000);
        expect(toIsoWithOffset(date, zone)).toBe(referenceIso(date, zone));
      }),
      { numRuns: 400 },
    );
  });

  it("write the paper's house style", () => {
    expect(formatHouseDate('2016-06-10T16:36:00+07:00', 'Asia/Ho_Chi_Minh')).toBe('Thứ sáu, 10/06/2016, 16:36 [GMT+7]');
    expect(formatHouseDate('2016-06-10T09:36:00Z', 'Asia/Kathmandu')).toBe('Thứ sáu, 10/06/2016, 15:21 [GMT+5:45]');
    expect(toIsoWithOffset(new Date('2016-06-10T09:36:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2016-06-10T16:36:00+07:00');
  });
});

describe('counts', () => {
  it('count chữ and characters by their plain definitions', () => {
    const piece = fc.constantFrom('Đào', 'tạo', '27.309', '40,1%', '–', '-', '“', '”', '…', '😀', 'e\u0301', ' ', '  ', '\n', '\u00a0', '\t', 'abc', '1', '.');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length);
        expect(countCharacters(text)).toBe([...text.normalize('NFC')].length);
      }),
      { numRuns: 500 },
    );
  });
});
