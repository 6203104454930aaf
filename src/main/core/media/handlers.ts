import { ApiError } from '../../../shared/api';
import type { Handlers } from '../api/handlers';
import type { Core } from '../core';
import { importMediaBytes, importMediaFile } from './import';
import { setFeaturedImage } from './featured';
import { readMedia } from './read';

type MediaHandlers = Pick<Handlers, 'getMedia' | 'readMedia' | 'importMedia' | 'importMediaFile' | 'setFeaturedImage'>;

/** The media calls of the API contract. */
export function createMediaHandlers(core: Core): MediaHandlers {
  return {
    getMedia: ({ id }) => {
      const info = core.media.get(id);
      if (!info) throw new ApiError('not_found', `No photo with id ${id}.`);
      return info;
    },
    readMedia: async ({ id, variant }) => {
      const media = await readMedia(core, id, variant);
      if (!media) throw new ApiError('not_found', `No photo with id ${id}.`);
      return media;
    },
    importMedia: ({ fileName, data }) => importMediaBytes(core.media, data, fileName),
    importMediaFile: ({ path }) => importMediaFile(core, path),
    setFeaturedImage: ({ id, mediaId }) => setFeaturedImage(core.db, core.media, id, mediaId),
  };
}
