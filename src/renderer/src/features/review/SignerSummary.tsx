import type { TFunction } from 'i18next';
import type { UnpackResult } from '../../../../shared/review/model';
import { claimedText, signerText } from './signer-text';

/**
 * Beside an opened package: who signed it and whether this machine trusts the
 * key, the status the article has here, and a claimed status that does not count.
 */
export function SignerSummary({ result, t }: { result: UnpackResult; t: TFunction }) {
  const claimed = claimedText(result, t);
  return (
    <div className="review-signer">
      <p className={result.signer.trusted ? 'review-signer-trusted' : 'review-signer-untrusted'}>{signerText(result, t)}</p>
      <p>{t('review.trust.statusHere', { status: t(`status.${result.status}`) })}</p>
      {claimed && (
        <p className="review-claimed">
          <strong>{claimed}</strong>
        </p>
      )}
    </div>
  );
}
