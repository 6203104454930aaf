import type { Core } from '../core';
import type { PackageSigner } from '../../../shared/review/trust';
import type { PackageContents } from './format';

/**
 * Who signed a package, as this machine sees it: unsigned, or signed by a key that
 * is this machine's own, trusted by the user here, or only seen. Trust comes only
 * from the user (`newsroom trust`, the Review screen), never from the package.
 */
export function identifySigner(core: Core, contents: PackageContents): PackageSigner {
  const signed = contents.signedBy;
  if (!signed) return { signature: 'unsigned', fingerprint: null, trusted: false, trustedAs: null };
  const { fingerprint } = signed;
  const local = core.review.people.local();
  if (local && core.review.ownKeys.isOwn(fingerprint)) {
    return { signature: 'signed', fingerprint, trusted: true, trustedAs: { name: local.displayName, role: local.role } };
  }
  const trustedAs = core.review.knownKeys.trustedAs(fingerprint);
  return { signature: 'signed', fingerprint, trusted: trustedAs !== null, trustedAs };
}

/** Remember the key a package was signed with (not trusting it), so the Review screen can list it. */
export function rememberSigner(core: Core, contents: PackageContents): void {
  const signed = contents.signedBy;
  if (!signed || core.review.ownKeys.isOwn(signed.fingerprint)) return;
  core.review.knownKeys.noteSeen(signed.fingerprint, signed.publicKey, contents.manifest.sender);
}
