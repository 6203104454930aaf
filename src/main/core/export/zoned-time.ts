/**
 * The export's date formatting, equal to `toIsoWithOffset` and `formatHouseDate`
 * in `src/shared/dates.ts` but fast: one cached `Intl.DateTimeFormat` per time zone
 * (building one costs ~0.4 ms) asked only for the offset, the cheapest format. Dates
 * would otherwise dominate rendering a page (five each). A unit test checks both
 * give the same text.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC that `timeZone` shows at `date`, from one cheap `longOffset` format. */
function offsetMinutes(date: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(f.format(date));
  if (!m || !m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
}

/** Wall clock in the zone: the instant (to the second) shifted by the zone's offset, read with UTC getters. */
function wallClock(iso: string, timeZone: string): WallClock {
  const date = new Date(iso);
  const offset = offsetMinutes(date, timeZone);
  const shifted = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes: offset,
  };
}

/** `iso` re-expressed in `timeZone` with its offset, to the second. */
export function zonedIso(iso: string, timeZone: string): string {
  const w = wallClock(iso, timeZone);
  const m = w.offsetMinutes;
  const offset = `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}

/** The paper's house style, `Thứ sáu, 10/06/2016, 16:36 [GMT+7]`. */
export function houseDate(iso: string, timeZone: string): string {
  const w = wallClock(iso, timeZone);
  const h = w.offsetMinutes / 60;
  const gmt = `GMT${h >= 0 ? '+' : '-'}${Number.isInteger(h) ? Math.abs(h) : `${Math.floor(Math.abs(h))}:${pad(Math.abs(w.offsetMinutes) % 60)}`}`;
  return `${VI_WEEKDAYS[w.weekday]}, ${pad(w.day)}/${pad(w.month)}/${w.year}, ${pad(w.hour)}:${pad(w.minute)} [${gmt}]`;
}
