import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { reasonFor } from '../../api/error-text';

/**
 * A review action's state for the control that starts it: busy while it runs,
 * and the reason it failed (in the core's words for review refusals).
 * `run` resolves true when the action succeeded.
 */
export function useReviewAction(t: TFunction) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      setBusy(true);
      try {
        await action();
        return true;
      } catch (err) {
        setError(reasonFor(err, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, setError, run };
}

/** Why the last action failed, announced to screen readers; nothing when it did not. */
export function ActionError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
}
