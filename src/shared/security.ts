/**
 * The renderer's Content-Security-Policy, used by the Electron shell and the
 * browser host alike: only our own scripts and styles, images from our media
 * scheme, no plugins, frames or outside connections.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' newsroom-media: blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
].join('; ');
