import { ApiError } from '../../../shared/api';
import type { ProfileRole } from '../../../shared/review/model';
import type { KnownKey } from '../../../shared/review/trust';
import type { Core } from '../core';

/** The local profile's key as a list entry, made on first use for a profile older than keys. */
export function ownKeyEntry(core: Core): KnownKey | null {
  const me = core.review.people.local();
  if (!me) return null;
  const key = core.review.ownKeys.ensure(me.id);
  return { fingerprint: key.fingerprint, kind: 'own', name: me.displayName, role: me.role, claimedName: null, claimedRole: null, lastSeenAt: null, trustedAt: null };
}

/** Every key this machine knows, for the Review screen and `newsroom trust --list`. */
export function listKeys(core: Core): { own: KnownKey | null; keys: KnownKey[] } {
  return { own: ownKeyEntry(core), keys: core.review.knownKeys.list() };
}

/** Trust a colleague's key; this machine's own key needs no trust and is refused. */
export function trustKey(core: Core, fingerprint: string, name: string, role: ProfileRole): KnownKey {
  if (core.review.ownKeys.isOwn(fingerprint)) throw new ApiError('invalid_input', 'That is this machine\u2019s own key; it is always trusted here.');
  return core.review.knownKeys.trust(fingerprint, name, role);
}
