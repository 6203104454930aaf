import type { ApiClient } from '../../../../shared/api';
import type { MediaInfo } from '../../../../shared/media';

/**
 * Photo facts (size, bytes, metadata) by id, fetched once per editor. A media id is a
 * hash of the bytes, so what it names never changes and the cache never goes stale.
 */
export class MediaInfoCache {
  private readonly entries = new Map<string, Promise<MediaInfo>>();

  constructor(private readonly client: Pick<ApiClient, 'getMedia'>) {}

  get(id: string): Promise<MediaInfo> {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = this.client.getMedia({ id });
      // A failed fetch (host briefly unreachable) is retried next time rather than remembered.
      entry.catch(() => this.entries.delete(id));
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Remember facts we already have (straight from an import). */
  prime(info: MediaInfo): void {
    this.entries.set(info.id, Promise.resolve(info));
  }
}
