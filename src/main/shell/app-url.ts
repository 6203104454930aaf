/** The privileged scheme the renderer is served from, so IPC can check who is calling. */
export const APP_SCHEME = 'newsroom';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Media (photos, previews) are served on their own scheme, never as file:// URLs. */
export const MEDIA_SCHEME = 'newsroom-media';

/** True when `url` is a page of our own app (not a remote page or a file). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}
