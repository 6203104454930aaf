import { z } from 'zod';

/**
 * Where the user left off, kept in the page's local storage per database (two
 * databases on one machine each remember their own): the open article with its
 * caret and scroll position, and the last articles opened, newest first.
 */

/** How many articles File → Recent lists. */
export const RECENT_LIMIT = 10;

const Place = z.object({
  articleId: z.string(),
  anchor: z.number().int().min(0),
  head: z.number().int().min(0),
  scrollTop: z.number().min(0),
});
export type Place = z.infer<typeof Place>;

const RecentEntry = z.object({ id: z.string(), headline: z.string() });
export type RecentEntry = z.infer<typeof RecentEntry>;

const placeKey = (databasePath: string) => `newsroom.resume.${databasePath}`;
const recentKey = (databasePath: string) => `newsroom.recent.${databasePath}`;

/** A stored value read back, or null when it is missing or not in the shape this version writes. */
function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: picking up where one left off is a comfort, never worth an error.
  }
}

export function readPlace(databasePath: string): Place | null {
  return read(placeKey(databasePath), Place);
}

export function writePlace(databasePath: string, place: Place | null): void {
  if (place) write(placeKey(databasePath), place);
  else localStorage.removeItem(placeKey(databasePath));
}

export function readRecent(databasePath: string): RecentEntry[] {
  return read(recentKey(databasePath), z.array(RecentEntry)) ?? [];
}

/** Put an article first in the recent list (once), keeping {@link RECENT_LIMIT}. */
export function rememberRecent(databasePath: string, entry: RecentEntry): RecentEntry[] {
  const list = [entry, ...readRecent(databasePath).filter((e) => e.id !== entry.id)].slice(0, RECENT_LIMIT);
  write(recentKey(databasePath), list);
  return list;
}
