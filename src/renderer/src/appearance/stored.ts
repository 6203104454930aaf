/** Read a remembered setting; storage can be unavailable (private mode), then `fallback` holds. */
export function readSetting(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remember a setting on this machine; when storage is unavailable it still holds until the window closes. */
export function writeSetting(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered, still applied.
  }
}
