import { foldVietnamese } from '../../../shared/text';

/**
 * Does `text` match what was typed? Every word of the query must appear in the
 * text, tone marks, đ and case ignored, so "dan sach" finds "Đến danh sách bài".
 */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = foldVietnamese(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}
