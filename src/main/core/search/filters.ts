import type { z } from 'zod';
import { DEFAULT_TIME_ZONE, zonedToIso } from '../../../shared/dates';
import type { SearchInput } from '../../../shared/search';

type Filters = Pick<z.output<typeof SearchInput>, 'status' | 'section' | 'author' | 'tag' | 'from' | 'to' | 'dateField'>;

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A bare date is a whole day in the newsroom's time zone; `end` gives the next midnight. */
function bound(value: string, end: boolean): string {
  const m = BARE_DATE.exec(value);
  if (!m) return value;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0)));
  return zonedToIso({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, DEFAULT_TIME_ZONE);
}

/**
 * SQL conditions on `articles AS a` for the search filters. Dates are compared as
 * instants (julianday), so stored offsets never skew the range.
 */
export function filterClause(f: Filters): { sql: string; params: Record<string, unknown> } {
  const where = ['a.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (f.status) {
    where.push('a.status = @status');
    params.status = f.status;
  }
  if (f.section) {
    where.push('a.section = @section');
    params.section = f.section;
  }
  if (f.author) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.authors) WHERE value = @author)');
    params.author = f.author;
  }
  if (f.tag) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = @tag)');
    params.tag = f.tag;
  }
  const column = f.dateField === 'published' ? 'a.published_at' : 'a.updated_at';
  if (f.from) {
    where.push(`julianday(${column}) >= julianday(@from)`);
    params.from = bound(f.from, false);
  }
  if (f.to) {
    where.push(BARE_DATE.test(f.to) ? `julianday(${column}) < julianday(@to)` : `julianday(${column}) <= julianday(@to)`);
    params.to = bound(f.to, true);
  }
  return { sql: where.join(' AND '), params };
}
