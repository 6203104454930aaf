/** Link policy: only http, https and mailto targets may live in a document. */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Longest href kept; longer ones are refused before any parsing work. */
const MAX_HREF_CHARS = 2048;

/**
 * Returns the normalised href when it is an absolute http, https or mailto URL,
 * otherwise null. Callers drop a link whose href is null; they never keep it escaped.
 *
 * Never throws, whatever the input (malformed percent-encoding, huge strings, odd
 * schemes): it runs inside paste, import and the window's new-window handler,
 * where an exception would lose the user's text or leave a link unjudged.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Refuse huge input before cleaning it: the limit applies to the cleaned text
  // too, and whitespace padding beyond four times the limit is not a link.
  if (raw.length > MAX_HREF_CHARS * 4) return null;
  // Browsers ignore control characters and surrounding spaces inside URLs
  // (`java\nscript:`), so strip them before judging the scheme.
  const trimmed = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, (c) => (c === ' ' ? ' ' : '')).trim();
  if (!trimmed || trimmed.length > MAX_HREF_CHARS) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  if (url.protocol === 'mailto:' && !isMailAddress(url.pathname)) return null;
  return url.href;
}

/** `a@b.vn` after percent-decoding; malformed encoding (`%E0%A4%A`) is not an address. */
function isMailAddress(encodedPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    return false;
  }
  return /^[^@\s]+@[^@\s]+$/.test(path);
}
