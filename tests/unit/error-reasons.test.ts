/**
 * The one sentence every view shows for a failed call: a browser session the host no
 * longer knows reads as an expired session; a call the core refuses (a workflow
 * rule, a desk-only action) reads as not allowed, with the core's own reason, never
 * as an expired session; every error code reads in both languages; a refused photo
 * reads as its translated reason; anything else is an unexpected error.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError, ERROR_CODES } from '../../src/shared/api';
import { en } from '../../src/renderer/src/i18n/en';
import { vi } from '../../src/renderer/src/i18n/vi';

// The renderer's helper lives in the web project; load it by path.
const { reasonFor } = (await import('../../src/renderer/src/api/error-text')) as { reasonFor: (error: unknown, t: unknown) => string };

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

  it.each(ERROR_CODES)('has a sentence for the code %s in both languages', async (code) => {
    // A conflict over the article's revision reads as the code's own sentence.
    const core = code === 'conflict' ? 'The article was changed elsewhere (revision 2, you had 1).' : 'Core sentence.';
    for (const [language, strings] of [['vi', vi], ['en', en]] as const) {
      const sentence = reasonFor(new ApiError(code, core), await translator(language));
      expect(sentence, `${language}: ${code}`).not.toMatch(/^errors\./);
      expect(sentence, `${language}: ${code}`).toBe(strings.errors[code].replace('{{message}}', core));
    }
  });

  it('calls anything that is not an API error an unexpected error, without its internals', async () => {
    const broken = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(reasonFor(broken, await translator('vi'))).toBe('lỗi không mong đợi');
    expect(reasonFor(broken, await translator('en'))).toBe('unexpected error');
    expect(reasonFor('a thrown string', await translator('vi'))).toBe('lỗi không mong đợi');
  });

  it('translates a refused photo into the reason in the UI language', async () => {
    const refused = new ApiError('invalid_input', '“bao-cao.pdf” was not added: it is a PDF document, not a photo.');
    expect(reasonFor(refused, await translator('vi'))).toBe('“bao-cao.pdf”: đây là tài liệu PDF, không phải ảnh.');
    expect(reasonFor(refused, await translator('en'))).toBe('“bao-cao.pdf”: it is a PDF document, not a photo.');
  });

  it('keeps the core sentence for a bad input and for a conflict the code alone cannot name', async () => {
    const vi = await translator('vi');
    expect(reasonFor(new ApiError('invalid_input', 'The slug must not be empty.'), vi)).toBe('dữ liệu không hợp lệ (The slug must not be empty.)');
    expect(reasonFor(new ApiError('conflict', 'Suggestion s1 was already accepted.'), vi)).toBe('dữ liệu đã được sửa ở nơi khác (Suggestion s1 was already accepted.)');
    expect(reasonFor(new ApiError('conflict', 'The article was changed elsewhere (revision 4, you had 3).'), vi)).toBe('bài đã được sửa ở nơi khác');
  });
});
