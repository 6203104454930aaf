/**
 * The same count as `countWords` in src/shared/text.ts (runs of non-space
 * characters holding a letter or digit), written for the save path: a 10,000-word
 * article is counted on every autosave, and testing each token with a Unicode
 * regex costs several milliseconds there. ASCII letters and digits are checked by
 * code; only tokens without one fall back to the Unicode test. A property test
 * keeps the two functions equal.
 */
export function countWordsFast(text: string): number {
  let count = 0;
  const token = /\S+/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const w = m[0];
    let word = false;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        word = true;
        break;
      }
      if (c >= 0xaa) {
        word = /[\p{L}\p{N}]/u.test(w);
        break;
      }
    }
    if (word) count++;
  }
  return count;
}
