import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { MediaStore } from './store';

/**
 * Record an article's lead (featured) image, or null for the default (its first
 * figure). Writes only `featured_media_id`: no revision, no timestamp, so a client's
 * pending autosave never sees a conflict because the reporter picked a photo.
 */
export function setFeaturedImage(db: Database, media: MediaStore, articleId: string, mediaId: string | null): { id: string; featuredMediaId: string | null } {
  if (mediaId !== null && !media.has(mediaId)) throw new ApiError('not_found', `No photo with id ${mediaId}.`);
  const result = db.prepare('UPDATE articles SET featured_media_id = ? WHERE id = ?').run(mediaId, articleId);
  if (result.changes === 0) throw new ApiError('not_found', `No article with id ${articleId}.`);
  return { id: articleId, featuredMediaId: mediaId };
}
