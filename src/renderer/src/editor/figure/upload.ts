import { ApiError, type ApiClient, type ApiResult } from '../../../../shared/api';
import { ImportedMedia } from '../../../../shared/media';
import { detectHost } from '../../api/client';
import type { PickedImage } from './picker';

/** How far an upload has got: `sent` in 0…1 while bytes travel, then processing on the core. */
export type UploadProgress = { phase: 'sending'; sent: number } | { phase: 'processing' };

/**
 * Send one image file to the core's media store. The browser host takes the raw bytes
 * at `POST /upload` (XMLHttpRequest, for upload progress); Electron passes them over
 * the preload bridge as `importMedia`; a photo chosen in the desktop file chooser goes
 * by path as `importMediaFile`, so the main process reads it and the page never does.
 * Either way the core checks, decodes and stores
 * the photo off the UI thread, and refuses anything that is not a photo with an
 * {@link ApiError} whose message says why.
 */
export async function uploadImage(client: Pick<ApiClient, 'importMedia' | 'importMediaFile'>, file: PickedImage, onProgress: (p: UploadProgress) => void = () => {}): Promise<ImportedMedia> {
  if (!(file instanceof File)) {
    onProgress({ phase: 'processing' });
    return client.importMediaFile({ path: file.path });
  }
  if (detectHost() === 'electron') {
    onProgress({ phase: 'processing' });
    const data = new Uint8Array(await file.arrayBuffer());
    return client.importMedia({ fileName: file.name, data });
  }
  return uploadOverHttp(file, onProgress);
}

function uploadOverHttp(file: File, onProgress: (p: UploadProgress) => void): Promise<ImportedMedia> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', /^image\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', sent: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new ApiError('storage', 'The Newsroom host cannot be reached.'));
    xhr.onload = () => {
      const body = xhr.response as ApiResult<unknown> | null;
      if (!body || typeof body !== 'object') return reject(new ApiError('internal', `HTTP ${xhr.status}`));
      if (!body.ok) return reject(new ApiError(body.error.code, body.error.message));
      const parsed = ImportedMedia.safeParse(body.value);
      if (!parsed.success) return reject(new ApiError('internal', 'The host answered the upload with something unexpected.'));
      resolve(parsed.data);
    };
    xhr.send(file);
  });
}
