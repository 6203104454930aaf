/** How many backups survive pruning: one per day for the last 7 days with backups, then one per week for 4 weeks. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

/** Monday (YYYY-MM-DD) of the ISO week holding `day` (YYYY-MM-DD). */
export function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which daily backups to keep, given their days (YYYY-MM-DD, any order): the newest
 * {@link KEEP_DAILY}, then the newest backup of each of the next {@link KEEP_WEEKLY}
 * older weeks. Pure, so the policy is tested without files.
 */
export function backupsToKeep(days: readonly string[]): Set<string> {
  const sorted = [...new Set(days)].sort().reverse();
  const keep = new Set(sorted.slice(0, KEEP_DAILY));
  const dailyWeeks = new Set([...keep].map(weekOf));
  const weeks = new Set<string>();
  for (const day of sorted.slice(KEEP_DAILY)) {
    const week = weekOf(day);
    if (dailyWeeks.has(week) || weeks.has(week)) continue;
    if (weeks.size >= KEEP_WEEKLY) break;
    weeks.add(week);
    keep.add(day);
  }
  return keep;
}
