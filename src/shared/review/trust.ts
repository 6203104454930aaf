import { z } from 'zod';
import { ArticleStatus, IsoDateTime } from '../article';
import { cleanText } from '../text';
import { ProfileRole } from './model';
export { PackageSigner } from './model';
import { TRANSITIONS } from './workflow';

/**
 * Who signed a handoff package and whether this machine trusts that key. Keys are
 * Ed25519; a key is named by its fingerprint, the SHA-256 of the raw 32-byte public
 * key in lower-case hex (64 digits), shown in groups of four so people can read it
 * out to each other over the phone.
 */

export const Fingerprint = z
  .string()
  .transform((s) => s.replace(/[\s:-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'a key fingerprint is 64 hexadecimal digits (spaces allowed)'));

/** `3f2a 9c01 …`: the fingerprint in groups of four digits. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The statuses an untrusted or unsigned package can only claim: they let an article be published. */
export const TRUSTED_ONLY_STATUSES: readonly ArticleStatus[] = ['approved', 'published'];

/** One key this machine knows: its own, trusted ones, and ones seen in packages but not trusted. */
export const KnownKey = z.object({
  fingerprint: z.string(),
  kind: z.enum(['own', 'trusted', 'seen']),
  /** own: the local profile's name; trusted: the name the user gave; seen: what the package claimed. */
  name: z.string(),
  role: ProfileRole.nullable(),
  /** What the last package signed with it said about its sender, when one arrived. */
  claimedName: z.string().nullable(),
  claimedRole: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  trustedAt: z.string().nullable(),
});
export type KnownKey = z.infer<typeof KnownKey>;

/** The name the user gives a trusted key is text like any other: NFC, no control characters. */
const TrustName = z
  .string()
  .transform((s) => cleanText(s).trim())
  .pipe(z.string().min(1, 'give the key a name').max(80));

export const TrustKeyInput = z.object({ fingerprint: Fingerprint, name: TrustName, role: ProfileRole }).strict();

/** A status an untrusted package claimed; it does not count until a workflow move here settles it. */
export const ClaimedStatus = z.object({
  articleId: z.uuid(),
  status: ArticleStatus,
  profileId: z.uuid(),
  fingerprint: z.string().nullable(),
  receivedAt: IsoDateTime,
});
export type ClaimedStatus = z.infer<typeof ClaimedStatus>;

/**
 * May a profile of this role move an article into `status` at all? A trusted
 * signer's status counts only if the role the user trusted them as could make it.
 */
export function roleMayReach(role: ProfileRole, status: ArticleStatus): boolean {
  if (status === 'spiked') return true;
  return TRANSITIONS.some((r) => r.to === status && r.roles.includes(role));
}
