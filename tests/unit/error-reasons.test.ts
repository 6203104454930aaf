/**
 * The reason a failed call shows after "Chưa lưu:": a browser session the host no
 * longer knows reads as an expired session; a call the core refuses (a workflow
 * rule, a desk-only action) reads as not allowed, with the core's own reason, never
 * as an expired session.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../../src/shared/api';
import { en } from '../../src/renderer/src/i18n/en';
import { vi } from '../../src/renderer/src/i18n/vi';

// The renderer's helper lives in the web project; load it by path.
const { reasonFor } = (await import('../../src/renderer/src/app/errors')) as { reasonFor: (error: unknown, t: unknown) => string };

async function translator(language: 'en' | 'vi') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: en }, vi: { translation: vi } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('reasons for a failed call', () => {
  it('says the session expired only when the host did not recognise the page', async () => {
    const t = await translator('vi');
    expect(reasonFor(new ApiError('unauthenticated', 'Missing or wrong access token.'), t)).toBe('phiên làm việc hết hạn, hãy mở lại địa chỉ Newsroom');
  });

  it('gives the core reason for a refusal, in both languages', async () => {
    const refusal = new ApiError('forbidden', 'Editing an approved article moves it to in edit: set up your profile first.');
    expect(reasonFor(refusal, await translator('vi'))).toBe('việc này không được phép (Editing an approved article moves it to in edit: set up your profile first.)');
    expect(reasonFor(refusal, await translator('en'))).toBe('not allowed (Editing an approved article moves it to in edit: set up your profile first.)');
  });
});
