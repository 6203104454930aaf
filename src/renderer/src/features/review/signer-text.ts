import type { TFunction } from 'i18next';
import type { UnpackResult } from '../../../../shared/review/model';
import { groupFingerprint } from '../../../../shared/review/trust';

/** Who signed an opened package, and whether this machine trusts the key, in one sentence. */
export function signerText(result: UnpackResult, t: TFunction): string {
  const { signer, sender } = result;
  const role = (r: string) => t(`review.profile.roles.${r}`);
  const fingerprint = signer.fingerprint ? groupFingerprint(signer.fingerprint) : '';
  if (signer.signature === 'unsigned') return t('review.trust.signer.unsigned', { name: sender.displayName, role: role(sender.role) });
  if (signer.trusted) return t('review.trust.signer.trusted', { name: signer.trustedAs!.name, role: role(signer.trustedAs!.role), fingerprint });
  return t('review.trust.signer.untrusted', { name: sender.displayName, role: role(sender.role), fingerprint });
}

/** "Đã duyệt (theo gói chưa tin cậy)" and why it does not count, or null when the package claimed nothing extra. */
export function claimedText(result: UnpackResult, t: TFunction): string | null {
  if (!result.claimedStatus) return null;
  return `${t('review.trust.claimed', { status: t(`status.${result.claimedStatus}`) })}. ${t('review.trust.claimedHint')}`;
}
