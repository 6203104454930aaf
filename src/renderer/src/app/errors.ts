import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api';
import { NETWORK_FAILURE } from '../api/client';

/** A short, translated reason for a failed call, to follow "Chưa lưu:" and the like. */
export function reasonFor(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  if (error.message === NETWORK_FAILURE) return t('errors.network');
  return t(`errors.${error.code}`, { message: error.message });
}
