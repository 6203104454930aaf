import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api';
import { NETWORK_FAILURE } from './client';
import { describeRefusal } from '../editor/figure/refusal';

/**
 * Core sentences the code alone says fully: a save against an older revision of the
 * article reads as "changed elsewhere" with no revision numbers a reporter cannot use.
 * Any other conflict (a suggestion already settled, rules edited elsewhere) keeps the
 * core's sentence, which names what changed.
 */
const PLAIN_CONFLICT = /^The article was changed elsewhere \(revision/;

/**
 * The one way a view turns a failed call into a translated sentence, short enough to
 * follow "Chưa lưu:" and the like. A refused photo reads as its translated reason; a
 * refusal, a bad input or a conflict keeps the core's own sentence, as only it says
 * what to fix; anything that is not an API error is an unexpected error.
 */
export function reasonFor(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  if (error.message === NETWORK_FAILURE) return t('errors.network');
  if (error.code === 'invalid_input') {
    const photo = describeRefusal(error.message, t);
    if (photo !== error.message) return photo;
  }
  if (error.code === 'conflict' && !PLAIN_CONFLICT.test(error.message)) return t('errors.conflictDetail', { message: error.message });
  return t(`errors.${error.code}`, { message: error.message });
}
