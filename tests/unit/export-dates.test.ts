import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHouseDate, toIsoWithOffset } from '../../src/shared/dates';
import { houseDate, zonedIso } from '../../src/main/core/export/zoned-time';
import { characterCount, wordCount } from '../../src/main/core/export/counts';
import { countCharacters, countWords } from '../../src/shared/text';

const ZONES = ['Asia/Ho_Chi_Minh', 'Europe/London', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

describe('export dates (fast formatter)', () => {
  it('write exactly what src/shared/dates.ts writes, in any zone and across DST changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
        expect(zonedIso(iso, zone)).toBe(toIsoWithOffset(new Date(iso), zone));
        expect(houseDate(iso, zone)).toBe(formatHouseDate(iso, zone));
      }),
      { numRuns: 400 },
    );
  });

  it("write the paper's house style", () => {
    expect(houseDate('2016-06-10T16:36:00+07:00', 'Asia/Ho_Chi_Minh')).toBe('Thứ sáu, 10/06/2016, 16:36 [GMT+7]');
    expect(zonedIso('2016-06-10T09:36:00Z', 'Asia/Ho_Chi_Minh')).toBe('2016-06-10T16:36:00+07:00');
  });
});

describe('export counts (one-pass)', () => {
  it('count words and characters exactly like src/shared/text.ts', () => {
    const piece = fc.constantFrom('Đào', 'tạo', '27.309', '40,1%', '–', '-', '“', '”', '…', '😀', 'e\u0301', ' ', '  ', '\n', '\u00a0', '\t', 'abc', '1', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('').normalize('NFC');
        expect(wordCount(text)).toBe(countWords(text));
        expect(characterCount(text)).toBe(countCharacters(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        expect(wordCount(s.normalize('NFC'))).toBe(countWords(s.normalize('NFC')));
      }), { numRuns: 300 });
  });
});
