import { z } from 'zod';

/** One named database check and the problems it found, one readable line each (empty = fine). */
export const CheckResult = z.object({ name: z.string(), problems: z.array(z.string()) });

/**
 * Calls that look after the database file itself: the checks behind
 * `newsroom check` and a verified backup. A backup names a file on the host's
 * disk, so only the Node hosts make it: see `HOST_ONLY_CALLS` in call-names.ts.
 * Spread into `api`.
 */
export const maintenanceCalls = {
  /**
   * Run every database check (integrity, references, documents, search index,
   * media files) and report; with `repair`, a broken search index is then rebuilt
   * and the checks run again (`after`). Nothing else is ever changed.
   */
  checkDatabase: {
    input: z.object({ quick: z.boolean().default(false), repair: z.boolean().default(false) }).strict(),
    output: z.object({
      databasePath: z.string(),
      ok: z.boolean(),
      results: z.array(CheckResult),
      repaired: z.object({ searchIndex: z.number().int() }).nullable(),
      after: z.array(CheckResult).nullable(),
    }),
  },

  /**
   * Copy the open database to `file` (an absolute path; today's automatic backup
   * when omitted) and verify the copy's integrity before it is kept.
   */
  backupDatabase: {
    input: z.object({ file: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int(), version: z.number().int() }),
  },
};
