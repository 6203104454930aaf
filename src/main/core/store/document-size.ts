import { ApiError } from '../../../shared/api';
import { MAX_DOCUMENT_BYTES } from '../../../shared/article';

/**
 * Refuse a document whose stored JSON is larger than {@link MAX_DOCUMENT_BYTES}
 * (20 MB, some forty times the longest real article): it would make every save,
 * revision, search re-index and backup slow for the whole newsroom. Checked on the
 * exact bytes the store would write, before anything is written.
 */
export function assertDocumentFits(documentJson: string): void {
  const bytes = Buffer.byteLength(documentJson, 'utf8');
  if (bytes <= MAX_DOCUMENT_BYTES) return;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  throw new ApiError(
    'invalid_input',
    `The article is too large to store (${mb(bytes)} MB; an article can hold at most ${mb(MAX_DOCUMENT_BYTES)} MB). Nothing was saved: split it into several articles.`,
  );
}
