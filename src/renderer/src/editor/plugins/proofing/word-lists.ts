/**
 * The reporter's own word lists, kept in this browser profile: the personal
 * dictionary (*add to dictionary*) and, per article, what was ignored there
 * (*ignore in this article*). The newsroom dictionary is in the rules file.
 */
const PERSONAL_KEY = 'newsroom.proofing.personal';
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
    // Storage full or unavailable: the word stays allowed for this session only (the caller keeps it in memory).
  }
}

export const personalWords = (): string[] => read(PERSONAL_KEY);
export const addPersonalWord = (word: string): void => add(PERSONAL_KEY, word);

/** `rule|text` pairs the reporter chose to ignore in this article. */
export const ignoredInArticle = (articleId: string): Set<string> => new Set(read(ignoredKey(articleId)));
export const ignoreInArticle = (articleId: string, rule: string, text: string): void => add(ignoredKey(articleId), `${rule}|${text}`);
