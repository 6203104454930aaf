import { foldVietnamese } from './text';

/** Longest slug we produce; long enough for any headline, short enough for a path. */
export const MAX_SLUG_LENGTH = 80;

/** Names Windows refuses as file names whatever their extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A URL- and file-system-safe slug: `[a-z0-9-]` only, Vietnamese folded
 * (`Đào tạo` → `dao-tao`), never empty, never a reserved device name.
 */
export function slugify(text: string): string {
  let slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  if (!slug) slug = 'bai-viet';
  if (RESERVED.test(slug)) slug = `${slug}-bai`;
  return slug;
}

/** True when `slug` is exactly what {@link slugify} could produce. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH && !RESERVED.test(slug);
}
