/** A logged proofing override: the desk exported or published an article past its proofing errors. */
import { z } from 'zod';

export const OverriddenFinding = z.object({ part: z.string(), rule: z.string(), text: z.string() });
export type OverriddenFinding = z.infer<typeof OverriddenFinding>;

export const ProofingOverrideEntry = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  /** The article revision that went out. */
  revision: z.number().int(),
  /** Who let it through (null when no profile was set up), with the name as it was then. */
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  at: z.string(),
  /** `publish` when the export published the article (or re-published it), `preview` otherwise. */
  kind: z.enum(['preview', 'publish']),
  reason: z.string().min(1),
  findings: z.array(OverriddenFinding),
});
export type ProofingOverrideEntry = z.infer<typeof ProofingOverrideEntry>;
