import { userInfo } from 'node:os';

/**
 * Name recorded as the author of revisions until profiles exist: the operating
 * system's user name, which on a newsroom PC is usually the reporter's own login.
 */
export function defaultProfileName(): string {
  try {
    const name = userInfo().username.normalize('NFC').trim();
    if (name) return name;
  } catch {
    // No passwd entry (some containers): fall through.
  }
  return 'Newsroom';
}
