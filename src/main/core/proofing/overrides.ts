/**
 * The log of proofing overrides: each export or publication that went out past
 * proofing errors, with who, the reason and the findings, shown in the article's
 * History beside its status moves (like a publication without approval).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { toIsoWithOffset } from '../../../shared/dates';
import { OverriddenFinding, ProofingOverrideEntry } from '../../../shared/proofing/override';

const Row = z
  .object({ id: z.string(), article_id: z.string(), revision: z.number(), profile_id: z.string().nullable(), profile_name: z.string().nullable(), at: z.string(), kind: z.string(), reason: z.string(), findings: z.string() })
  .transform((r) =>
    ProofingOverrideEntry.parse({
      id: r.id,
      articleId: r.article_id,
      revision: r.revision,
      profileId: r.profile_id,
      profileName: r.profile_name,
      at: r.at,
      kind: r.kind,
      reason: r.reason,
      findings: z.array(OverriddenFinding).parse(JSON.parse(r.findings)),
    }),
  );

export class ProofingOverrides {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  record(entry: { articleId: string; revision: number; profileId: string | null; kind: 'preview' | 'publish'; reason: string; findings: OverriddenFinding[] }): void {
    this.db
      .prepare('INSERT INTO proofing_overrides (id, article_id, revision, profile_id, at, kind, reason, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), entry.articleId, entry.revision, entry.profileId, this.now(), entry.kind, entry.reason.trim(), JSON.stringify(entry.findings));
  }

  /** The article's overrides, oldest first. */
  list(articleId: string): ProofingOverrideEntry[] {
    return this.db
      .prepare(
        `SELECT o.id, o.article_id, o.revision, o.profile_id, p.display_name AS profile_name, o.at, o.kind, o.reason, o.findings
         FROM proofing_overrides o LEFT JOIN review_profiles p ON p.id = o.profile_id WHERE o.article_id = ? ORDER BY o.at, o.rowid`,
      )
      .all(articleId)
      .map((r) => Row.parse(r));
  }
}
