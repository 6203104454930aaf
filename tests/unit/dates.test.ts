import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatClockTime, formatDayMonthYear, parseClockTime, parseDateAndTime, parseDayMonthYear } from '../../src/shared/dates';

describe('dates typed the way the paper writes them', () => {
  it('reads day-first dates with any usual separator and refuses days that do not exist', () => {
    for (const text of ['10/06/2016', '10/6/2016', ' 10-06-2016 ', '10.06.2016', '10 / 06 / 2016']) expect(parseDayMonthYear(text)).toEqual({ year: 2016, month: 6, day: 10 });
    expect(parseDayMonthYear('29/02/2016')).toEqual({ year: 2016, month: 2, day: 29 });
    for (const text of ['29/02/2015', '31/04/2016', '32/01/2016', '00/01/2016', '10/13/2016', '2016-06-10', '10/06/16', '', 'mười tháng sáu']) expect(parseDayMonthYear(text)).toBeNull();
  });

  it('reads 24-hour times as newsrooms write them', () => {
    for (const [text, hour, minute] of [
      ['16:36', 16, 36],
      ['16h36', 16, 36],
      ['16H36', 16, 36],
      ['16h', 16, 0],
      ['16 giờ 36', 16, 36],
      ['16 giờ 36 phút', 16, 36],
      ['9:05', 9, 5],
      ['0:00', 0, 0],
    ] as const) {
      expect(parseClockTime(text)).toEqual({ hour, minute });
    }
    for (const text of ['24:00', '16:60', '4:36 PM', '1636', '', '16:3']) expect(parseClockTime(text)).toBeNull();
  });

  it('reads a date with a time, or a date alone as midnight', () => {
    expect(parseDateAndTime('10/06/2016 16:36')).toEqual({ year: 2016, month: 6, day: 10, hour: 16, minute: 36 });
    expect(parseDateAndTime('10/06/2016, 16h36')).toEqual({ year: 2016, month: 6, day: 10, hour: 16, minute: 36 });
    expect(parseDateAndTime('10/06/2016')).toEqual({ year: 2016, month: 6, day: 10, hour: 0, minute: 0 });
    expect(parseDateAndTime('10/06/2016 chiều')).toBeNull();
  });

  it('formats what it reads back to the same day and time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }), (d) => {
        const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const clock = { hour: d.getUTCHours(), minute: d.getUTCMinutes() };
        expect(parseDayMonthYear(formatDayMonthYear(day))).toEqual(day);
        expect(parseClockTime(formatClockTime(clock))).toEqual(clock);
      }),
    );
  });
});
