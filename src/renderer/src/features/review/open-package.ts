import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import type { UnpackResult } from '../../../../shared/review/model';
import { reviewChanged } from './review-events';
import { toBase64 } from './shared';
import { claimedText, signerText } from './signer-text';

/** Handoff packages are `<slug>.newsroom` files. */
export const PACKAGE_EXTENSION = '.newsroom';

export const isPackageFile = (file: { name: string }): boolean => file.name.toLowerCase().endsWith(PACKAGE_EXTENSION);

/** What opening a package needs from the app (a subset of the feature context). */
export interface PackageOpenContext {
  client: ApiClient;
  /** The article open in the editor, if any. */
  articleId: string | null;
  openArticle(id: string): void;
  /** Reopen the open article from the store (it was just updated). */
  reloadArticle(id: string): Promise<void>;
  notify(message: string): void;
  /** The caller lists conflicts itself (the Review view's handoff tab), so the outcome need not say where they are. */
  showsConflicts?: boolean;
}

/**
 * The sentences that tell what a package did, who signed it (and whether that key
 * is trusted here), a status it claimed that does not count, and, unless the caller
 * shows them, where to settle a conflict.
 */
export function outcomeText(result: UnpackResult, t: TFunction, showsConflicts = false): string {
  const parts = [t(`review.handoff.outcome.${result.outcome}`, { who: result.sender.displayName }), signerText(result, t), claimedText(result, t), receivedWordsText(result, t)];
  if (result.outcome === 'conflict' && !showsConflicts) parts.push(t('review.openPackage.conflictWhere'));
  return parts.filter(Boolean).join(' ');
}

/** What became of the sender's newsroom dictionary entries new here: merged (desk signature trusted) or offered to the desk. */
function receivedWordsText({ dictionary }: UnpackResult, t: TFunction): string {
  return [dictionary.merged ? t('proofing.dictionary.merged', { count: dictionary.merged }) : '', dictionary.offered ? t('proofing.dictionary.offeredOnOpen', { count: dictionary.offered }) : ''].filter(Boolean).join(' ');
}

/**
 * The one way a received package is opened (File → Open package, a drop anywhere
 * on the window, the Review view): the core brings it in or refuses it changing
 * nothing (the error is thrown), the list follows (through the client's list
 * invalidation), the outcome is announced and
 * the article is shown, reloaded when it was the one open.
 */
export async function openPackageFile(file: File, context: PackageOpenContext, t: TFunction): Promise<{ result: UnpackResult; message: string }> {
  const data = toBase64(new Uint8Array(await file.arrayBuffer()));
  const result = await context.client.openHandoffPackage({ data });
  const message = outcomeText(result, t, context.showsConflicts);
  context.notify(message);
  if (result.articleId === context.articleId) await context.reloadArticle(result.articleId);
  else context.openArticle(result.articleId);
  reviewChanged(result.articleId);
  return { result, message };
}
