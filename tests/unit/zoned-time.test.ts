import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveZonedTime, toIsoWithOffset, zonedToIso } from '../../src/shared/dates';

/** `YYYY-MM-DD HH:MM` as wall-clock parts. */
function wall(text: string) {
  const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return { year: y, month: mo, day: d, hour: h, minute: mi };
}

describe('publish times across daylight-saving changes', () => {
  // [zone, wall time, stored ISO, fit]
  const edges: [string, string, string, string][] = [
    // New York: clocks go 02:00 -> 03:00 on 8 March 2026, 02:00 -> 01:00 on 1 November.
    ['America/New_York', '2026-03-08 01:59', '2026-03-08T01:59:00-05:00', 'exact'],
    ['America/New_York', '2026-03-08 02:30', '2026-03-08T03:30:00-04:00', 'skipped'],
    ['America/New_York', '2026-03-08 03:30', '2026-03-08T03:30:00-04:00', 'exact'],
    ['America/New_York', '2026-11-01 00:59', '2026-11-01T00:59:00-04:00', 'exact'],
    ['America/New_York', '2026-11-01 01:30', '2026-11-01T01:30:00-04:00', 'repeated'],
    ['America/New_York', '2026-11-01 02:00', '2026-11-01T02:00:00-05:00', 'exact'],
    // London: 01:00 -> 02:00 on 29 March 2026, 02:00 -> 01:00 on 25 October.
    ['Europe/London', '2026-03-29 01:30', '2026-03-29T02:30:00+01:00', 'skipped'],
    ['Europe/London', '2026-03-29 02:00', '2026-03-29T02:00:00+01:00', 'exact'],
    ['Europe/London', '2026-10-25 01:30', '2026-10-25T01:30:00+01:00', 'repeated'],
    ['Europe/London', '2026-10-25 02:00', '2026-10-25T02:00:00+00:00', 'exact'],
    // Berlin: 02:00 -> 03:00 and 03:00 -> 02:00 on the same days.
    ['Europe/Berlin', '2026-03-29 02:30', '2026-03-29T03:30:00+02:00', 'skipped'],
    ['Europe/Berlin', '2026-10-25 02:30', '2026-10-25T02:30:00+02:00', 'repeated'],
    ['Europe/Berlin', '2026-10-25 03:00', '2026-10-25T03:00:00+01:00', 'exact'],
    // Sydney (southern hemisphere): 03:00 -> 02:00 on 5 April 2026, 02:00 -> 03:00 on 4 October.
    ['Australia/Sydney', '2026-04-05 02:30', '2026-04-05T02:30:00+11:00', 'repeated'],
    ['Australia/Sydney', '2026-04-05 03:00', '2026-04-05T03:00:00+10:00', 'exact'],
    ['Australia/Sydney', '2026-10-04 02:30', '2026-10-04T03:30:00+11:00', 'skipped'],
    // São Paulo kept daylight saving until 2019, changing at midnight: a day could start at 01:00.
    ['America/Sao_Paulo', '2018-11-04 00:00', '2018-11-04T01:00:00-02:00', 'skipped'],
    ['America/Sao_Paulo', '2018-11-04 00:30', '2018-11-04T01:30:00-02:00', 'skipped'],
    ['America/Sao_Paulo', '2019-02-16 23:30', '2019-02-16T23:30:00-02:00', 'repeated'],
    ['America/Sao_Paulo', '2019-02-17 00:00', '2019-02-17T00:00:00-03:00', 'exact'],
    ['America/Sao_Paulo', '2026-11-01 00:30', '2026-11-01T00:30:00-03:00', 'exact'],
    // Vietnam has no daylight saving.
    ['Asia/Ho_Chi_Minh', '2026-03-08 02:30', '2026-03-08T02:30:00+07:00', 'exact'],
    ['Asia/Ho_Chi_Minh', '2016-06-10 16:36', '2016-06-10T16:36:00+07:00', 'exact'],
  ];

  it.each(edges)('%s %s is stored as %s (%s)', (zone, time, iso, fit) => {
    expect(resolveZonedTime(wall(time), zone)).toEqual({ iso, fit });
    expect(zonedToIso(wall(time), zone)).toBe(iso);
  });

  const zones = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Ho_Chi_Minh'];

  it('gives back the instant a zone showed, for any minute from 1990 to 2040 (the earlier one when repeated)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1990, 0, 1) / 60000, max: Date.UTC(2040, 0, 1) / 60000 }), (zone, minute) => {
        const instant = new Date(minute * 60000);
        const shown = toIsoWithOffset(instant, zone);
        const resolved = resolveZonedTime(wall(shown.slice(0, 16).replace('T', ' ')), zone);
        if (resolved.fit === 'repeated') expect(Date.parse(resolved.iso)).toBeLessThanOrEqual(instant.getTime());
        else expect(resolved).toEqual({ iso: shown, fit: 'exact' });
        expect(resolved.iso.slice(0, 16)).toBe(shown.slice(0, 16));
      }),
      { numRuns: 3000 },
    );
  });

  it('never fails a time in Vietnam', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1980, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), (date) => {
        const shown = toIsoWithOffset(date, 'Asia/Ho_Chi_Minh');
        expect(resolveZonedTime(wall(shown.slice(0, 16).replace('T', ' ')), 'Asia/Ho_Chi_Minh')).toEqual({ iso: shown.slice(0, 17) + '00+07:00', fit: 'exact' });
      }),
    );
  });

  it('refuses an unknown time zone with its name', () => {
    expect(() => zonedToIso(wall('2026-03-08 02:30'), 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });
});
