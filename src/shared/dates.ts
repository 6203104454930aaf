/** Dates as the newsroom writes them. Pure: `Intl` and @date-fns/tz's zone offsets. */
import { tzOffset } from '@date-fns/tz';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** ISO 8601 with an explicit offset, e.g. `2016-06-10T16:36:00+07:00`. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:\d{2}|Z)$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

/** Minutes east of UTC that `timeZone` shows at `date`. */
function offsetMinutesAt(date: Date, timeZone: string): number {
  const minutes = tzOffset(timeZone, date);
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return minutes;
}

/** The wall clock in `timeZone`: the instant (to the second) shifted by the zone's offset, read with UTC getters. */
function wallClock(date: Date, timeZone: string): WallClock {
  const offsetMinutes = offsetMinutesAt(date, timeZone);
  const shifted = new Date(Math.floor(date.getTime() / 1000) * 1000 + offsetMinutes * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function offsetString(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** `date` as ISO 8601 in `timeZone` with its offset, to the second. */
export function toIsoWithOffset(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const w = wallClock(date, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetString(w.offsetMinutes)}`;
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

/**
 * The paper's house style: `Thứ sáu, 10/06/2016, 16:36 [GMT+7]`.
 * `Intl` orders and capitalises this differently, so it is assembled by hand.
 */
export function formatHouseDate(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const w = wallClock(new Date(iso), timeZone);
  const h = w.offsetMinutes / 60;
  const gmt = `GMT${h >= 0 ? '+' : '-'}${Number.isInteger(h) ? Math.abs(h) : `${Math.floor(Math.abs(h))}:${pad(Math.abs(w.offsetMinutes) % 60)}`}`;
  return `${VI_WEEKDAYS[w.weekday]}, ${pad(w.day)}/${pad(w.month)}/${w.year}, ${pad(w.hour)}:${pad(w.minute)} [${gmt}]`;
}

/** A wall-clock date and time; months are 1-based. */
export interface WallClockParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

/**
 * How a wall-clock time maps to an instant in its zone: `exact` (one instant),
 * `skipped` (it falls in a spring-forward gap and never shows on the clocks),
 * `repeated` (it falls in a fall-back overlap and shows twice).
 */
export type ZonedTimeFit = 'exact' | 'skipped' | 'repeated';

export interface ZonedTime {
  /** ISO 8601 with the zone's offset at that instant. */
  iso: string;
  fit: ZonedTimeFit;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a wall-clock time names in `timeZone`, with the rule for the two
 * daylight-saving edges (the same as Temporal's "compatible" disambiguation):
 * a time in a spring-forward gap moves forward by the gap (New York 02:30 on
 * the spring-forward day is stored as 03:30 EDT); a time shown twice at a
 * fall-back takes the earlier instant (New York 01:30 on the fall-back day is
 * 01:30 EDT, -04:00). `fit` says which case applied, so a form can tell the user.
 *
 * The candidate offsets are the zone's offsets a day before and a day after the
 * wall time read as UTC (a window that brackets the true instant in every
 * zone); an offset fits when the zone really shows it at the instant it gives.
 * TZDate's constructor is not used because it resolves a repeated time to the
 * later offset in some zones (London, Sydney) and the earlier in others.
 */
export function resolveZonedTime(parts: WallClockParts, timeZone: string = DEFAULT_TIME_ZONE): ZonedTime {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0);
  const before = offsetMinutesAt(new Date(wall - DAY_MS), timeZone);
  const after = offsetMinutesAt(new Date(wall + DAY_MS), timeZone);
  const fitting = [...new Set([before, after])]
    .filter((offset) => offsetMinutesAt(new Date(wall - offset * 60000), timeZone) === offset)
    // Earlier instant first: the larger offset east of UTC.
    .sort((a, b) => b - a);
  if (fitting.length === 0) return { iso: toIsoWithOffset(new Date(wall - before * 60000), timeZone), fit: 'skipped' };
  return { iso: toIsoWithOffset(new Date(wall - fitting[0]! * 60000), timeZone), fit: fitting.length > 1 ? 'repeated' : 'exact' };
}

/**
 * A wall-clock date and time in `timeZone` as ISO 8601 with the zone's offset at
 * that moment; daylight-saving edges follow {@link resolveZonedTime}.
 */
export function zonedToIso(parts: WallClockParts, timeZone: string = DEFAULT_TIME_ZONE): string {
  return resolveZonedTime(parts, timeZone).iso;
}

export interface WallDate {
  year: number;
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

/**
 * A date as Vietnamese newsrooms type it: day first (`10/06/2016`, `10/6/2016`,
 * `10-06-2016`, `10.06.2016`). Null unless it is a real calendar day between
 * 1900 and 2200 (no 31/02).
 */
export function parseDayMonthYear(text: string): WallDate | null {
  const m = text.trim().match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/** A 24-hour time as typed: `16:36`, `16h36`, `16h`, `16 giờ 36`, `9:05`. Null otherwise. */
export function parseClockTime(text: string): WallTime | null {
  const m = text
    .trim()
    .normalize('NFC')
    .match(/^(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})?\s*(?:phút)?$/i);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** `10/06/2016`. */
export function formatDayMonthYear(d: WallDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** `16:36`. */
export function formatClockTime(t: WallTime): string {
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** A date with an optional time, as typed: `10/06/2016 16:36`, `10/06/2016, 16h36`, `10/06/2016` (midnight). */
export function parseDateAndTime(text: string): (WallDate & WallTime) | null {
  const m = text.trim().match(/^(\S+?)(?:\s*,\s*|\s+)(.+)$/);
  const day = parseDayMonthYear(m ? m[1]! : text);
  if (!day) return null;
  const clock = m ? parseClockTime(m[2]!) : { hour: 0, minute: 0 };
  return clock ? { ...day, ...clock } : null;
}
