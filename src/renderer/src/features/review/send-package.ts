import type { TFunction } from 'i18next';
import { ApiError, type ApiClient } from '../../../../shared/api';
import { fromBase64 } from './shared';

export type PackagePurpose = 'review' | 'desk';

/**
 * "Send for review" / "Send to desk": store what was typed a moment ago, build the
 * `<slug>.newsroom` package and hand it to the browser's download (the desktop app
 * saves it where downloads go). Resolves with the message to show.
 */
export async function sendPackage(
  context: { client: ApiClient; articleId: string; saveEdits(): Promise<boolean> },
  purpose: PackagePurpose,
  t: TFunction,
): Promise<string> {
  if (!(await context.saveEdits())) throw new ApiError('conflict', t('review.pane.unsaved'));
  const pkg = await context.client.createHandoffPackage({ id: context.articleId, purpose });
  const url = URL.createObjectURL(new Blob([fromBase64(pkg.data)], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = pkg.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return [t('review.handoff.created', { file: pkg.fileName }), pkg.missingMedia.length ? t('review.handoff.missingMedia', { count: pkg.missingMedia.length }) : '']
    .join(' ')
    .trim();
}
