import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isPackageFile, openPackageFile, type PackageOpenContext } from './open-package';
import { reasonFor } from '../../api/error-text';

const carriesFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * A received `.newsroom` package dropped anywhere on the window opens it. The
 * window sees the drop first (capture phase), so the article list's import and
 * the editor's photo drop never get a package; every other file goes on to them
 * as before. A file that lands where nothing takes it gets a hint instead of the
 * browser opening it in place of the app.
 */
export function usePackageDrop(context: PackageOpenContext): void {
  const { t } = useTranslation();
  const latest = useRef({ context, t });
  latest.current = { context, t };
  useEffect(() => {
    // File names are unknown until the drop, so every file drag may land anywhere.
    const onOver = (e: DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      const packages = files.filter(isPackageFile);
      if (!packages.length) return;
      e.preventDefault();
      e.stopPropagation();
      void openInTurn(packages, files.length - packages.length);
    };
    const onUnclaimed = (e: DragEvent) => {
      if (e.defaultPrevented || !carriesFiles(e)) return;
      e.preventDefault();
      latest.current.context.notify(latest.current.t('review.openPackage.dropNowhere'));
    };
    const openInTurn = async (packages: File[], others: number) => {
      const { context: ctx, t: tt } = latest.current;
      if (others) ctx.notify(tt('review.openPackage.othersIgnored', { count: others }));
      for (const file of packages) {
        try {
          await openPackageFile(file, latest.current.context, tt);
        } catch (err) {
          ctx.notify(tt('review.openPackage.failed', { file: file.name, reason: reasonFor(err, tt) }));
        }
      }
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop, true);
    window.addEventListener('drop', onUnclaimed);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop, true);
      window.removeEventListener('drop', onUnclaimed);
    };
  }, []);
}
