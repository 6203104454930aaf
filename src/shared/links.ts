/** Link policy: only http, https and mailto targets may live in a document. */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns the normalised href when it is an absolute http, https or mailto URL,
 * otherwise null. Callers drop a link whose href is null; they never keep it escaped.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers ignore control characters and surrounding spaces inside URLs
  // (`java\nscript:`), so strip them before judging the scheme.
  const trimmed = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, (c) => (c === ' ' ? ' ' : '')).trim();
  if (!trimmed || trimmed.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname))) return null;
  return url.href;
}
