/**
 * The reporter's own word lists. The personal dictionary (*add to dictionary*) is
 * kept in the store for the local profile, so it is the same in the desktop app
 * and every browser; words an older version kept in this browser profile are
 * moved there once. What was ignored in an article (*ignore in this article*)
 * stays in this browser profile. The newsroom dictionary is in the store too.
 */
import type { ApiClient } from '../../../../../shared/api';
import { DictionaryWord } from '../../../../../shared/proofing/dictionary';

const LEGACY_PERSONAL_KEY = 'newsroom.proofing.personal';
const ignoredKey = (articleId: string) => `newsroom.proofing.ignored.${articleId}`;

function read(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

function add(key: string, entry: string): void {
  const list = read(key);
  if (list.includes(entry)) return;
  try {
    localStorage.setItem(key, JSON.stringify([...list, entry]));
  } catch {
    // Storage full or unavailable: the word stays ignored for this session only (the panel keeps it filtered).
  }
}

/**
 * The local profile's personal words. Words this browser profile still holds from
 * before the move are sent to the store first and forgotten here only once stored
 * (no profile yet: they stay here, and still count).
 */
export async function loadPersonalWords(client: ApiClient): Promise<string[]> {
  const legacy = read(LEGACY_PERSONAL_KEY).flatMap((w) => {
    const parsed = DictionaryWord.safeParse(w);
    return parsed.success ? [parsed.data] : [];
  });
  if (legacy.length) {
    try {
      const { words } = await client.addPersonalWords({ words: legacy });
      localStorage.removeItem(LEGACY_PERSONAL_KEY);
      return words;
    } catch {
      return [...legacy, ...(await client.listPersonalWords({})).words];
    }
  }
  return (await client.listPersonalWords({})).words;
}

/** `rule|text` pairs the reporter chose to ignore in this article. */
export const ignoredInArticle = (articleId: string): Set<string> => new Set(read(ignoredKey(articleId)));
export const ignoreInArticle = (articleId: string, rule: string, text: string): void => add(ignoredKey(articleId), `${rule}|${text}`);
