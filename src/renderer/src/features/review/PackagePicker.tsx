import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { UnpackResult } from '../../../../shared/review/model';
import { openPackageFile, type PackageOpenContext } from './open-package';
import { SignerSummary } from './SignerSummary';
import type { ReceivedPackages } from './received-packages';
import { reasonFor } from '../../api/error-text';
import './package-picker.css';

/**
 * A file chooser for a received `.newsroom` package, with the outcome or the
 * refusal beside it. Used by File → Open package and the Review view; drops on
 * the window go through the same {@link openPackageFile}. Packages the system
 * handed the app (`received`, File → Open package only) are opened here in turn,
 * as if chosen.
 */
export function PackagePicker({ context, t, onOpened, received }: { context: PackageOpenContext; t: TFunction; onOpened?: () => void; received?: ReceivedPackages }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [opened, setOpened] = useState<UnpackResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (file: File) => {
    setBusy(file.name);
    setMessage(null);
    setOpened(null);
    setError(null);
    try {
      const { result, message } = await openPackageFile(file, context, t);
      setMessage(message);
      setOpened(result);
      onOpened?.();
    } catch (err) {
      setError(t('review.openPackage.failed', { file: file.name, reason: reasonFor(err, t) }));
    } finally {
      setBusy(null);
    }
  };
  const next = received?.next ?? null;
  const openRef = useRef(open);
  openRef.current = open;
  // Each received package is opened once, by its id (an effect may run twice for one).
  const taken = useRef(0);
  useEffect(() => {
    if (!next || !received || taken.current === next.id) return;
    taken.current = next.id;
    const { handled } = received;
    if ('file' in next) void openRef.current(next.file).finally(() => handled(next.id));
    else {
      setMessage(null);
      setError(t('review.openPackage.failed', { file: next.name, reason: t(next.problem === 'missing' ? 'review.openPackage.fileMissing' : 'review.openPackage.fileTooLarge') }));
      handled(next.id);
    }
  }, [next, received, t]);
  return (
    <div className="review-package-picker">
      <div className="review-drop">
        {/* The browser's own file button speaks the system's language, not the app's: ours opens it. */}
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('review.openPackage.choose')}
          accept=".newsroom,application/zip"
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        <button type="button" className="primary" disabled={busy !== null} onClick={() => input.current?.click()}>
          {t('review.openPackage.choose')}…
        </button>
      </div>
      <p className="review-hint">{t('review.openPackage.dropAnywhere')}</p>
      {(busy || message) && <p role="status">{busy ? t('review.openPackage.opening', { file: busy }) : message}</p>}
      {opened && !busy && <SignerSummary result={opened} t={t} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
