import { z } from 'zod';
import { ArticleId } from '../article';
import { Profile, UnpackResult } from './model';

/** An absolute path on the host's disk (the CLI resolves relative ones before calling). */
const HostPath = z.string().min(1).max(4096);

/**
 * Handoff packages written to and read from a file by path: `newsroom pack` and
 * `newsroom unpack`. The page uses the byte calls instead (`createHandoffPackage`,
 * `openHandoffPackage`); these are host-only (`HOST_ONLY_CALLS` in call-names.ts).
 * Spread into `api`.
 */
export const packageFileCalls = {
  /** Build the article's package and write it durably to `file`. */
  packArticleToFile: {
    input: z
      .object({
        id: ArticleId,
        file: HostPath,
        purpose: z.enum(['review', 'desk']).default('review'),
        /** Desk only: send photos with their GPS position and camera serial numbers. */
        includePrivateMetadata: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      file: z.string(),
      bytes: z.number().int(),
      entries: z.number().int(),
      sender: Profile.pick({ displayName: true, role: true }),
      /** The signing key (base64url), or null for an unsigned package. */
      senderKey: z.string().nullable(),
      missingMedia: z.array(z.string()),
    }),
  },

  /** Open the package at `file`: every check first, then everything brought in at once. */
  unpackPackageFile: { input: z.object({ file: HostPath }).strict(), output: UnpackResult },
};
