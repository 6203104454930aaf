/** Public surface of the media store for hosts (Electron shell, browser host, CLI) and exporters. */
export { importMediaBytes, importMediaFile } from './import';
export { readMedia, type MediaBytes } from './read';
export { exportRendition, handoffMetadata } from './rendition';
export { MediaStore, mediaDirFor } from './store';
export { MediaRejectedError } from './errors';
export { stripPrivateMetadata } from './strip';
