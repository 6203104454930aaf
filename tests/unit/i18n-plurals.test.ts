/**
 * Counts shown with a noun go through i18next plural keys (`key_one`/`key_other`),
 * so English says "1 suggestion is" and "2 suggestions are"; Vietnamese, which has
 * one form, repeats it under both keys so the two language files share their keys.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../src/renderer/src/i18n/en';
import { vi } from '../../src/renderer/src/i18n/vi';

type Tree = { [key: string]: string | Tree };

/** Every string of a resource tree with its dotted key. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

async function translator(language: 'en' | 'vi') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: en }, vi: { translation: vi } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('plurals', () => {
  it('agree with the count in English', async () => {
    const t = await translator('en');
    expect(t('exportView.issue.unresolved_suggestions', { count: 1 })).toBe('1 suggestion is still waiting for a decision.');
    expect(t('exportView.issue.unresolved_suggestions', { count: 2 })).toBe('2 suggestions are still waiting for a decision.');
    expect(t('statusBar.words', { count: 1 })).toBe('1 word');
    expect(t('statusBar.words', { count: 0 })).toBe('0 words');
    expect(t('review.handoff.missingMedia', { count: 1 })).toBe('1 photo is missing on this machine and was left out.');
    expect(t('importReview.create', { count: 1 })).toBe('Create 1 article');
    expect(t('editorTools.matches', { count: 1 })).toBe('1 match');
    expect(t('editorTools.matches', { count: 3 })).toBe('3 matches');
  });

  it('read the same for any count in Vietnamese', async () => {
    const t = await translator('vi');
    expect(t('exportView.issue.unresolved_suggestions', { count: 1 })).toBe('Còn 1 đề xuất sửa chưa được chấp nhận hay từ chối.');
    expect(t('statusBar.words', { count: 1 })).toBe('1 chữ');
    expect(t('statusBar.words', { count: 5 })).toBe('5 chữ');
  });

  it('cover every English count shown with a plural noun', () => {
    // `{{count}} words`, `{{count}} photo(s)`: a count followed by a plural or "(s)" noun needs _one/_other.
    const fixedNoun = /\{\{count\}\} (?:[\p{L}-]+ )?[\p{L}-]+(?:s\b|\(s\))/u;
    const offenders = leaves(en as unknown as Tree).filter(([key, text]) => !/_(one|other)$/.test(key) && fixedNoun.test(text));
    expect(offenders).toEqual([]);
  });

  it('give every _one key its _other, in both languages', () => {
    for (const resources of [en, vi]) {
      const keys = new Set(leaves(resources as unknown as Tree).map(([key]) => key));
      const lonely = [...keys].filter((key) => key.endsWith('_one') && !keys.has(key.replace(/_one$/, '_other')));
      expect(lonely).toEqual([]);
    }
  });
});
