/**
 * Defaults for a profile made without the setup form (`newsroom profile set`):
 * initials from the name and a colour picked from a fixed, readable palette.
 */

/** "Nguyễn Tiến Thành" → "NT": first letters of the first and last words, upper case. */
export function initialsOf(displayName: string): string {
  const words = displayName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toLocaleUpperCase('vi');
}

/** Dark enough for white text and a coloured underline on white paper. */
export const PROFILE_COLORS = ['#1a7f5a', '#aa3355', '#2f5fa8', '#8a5a00', '#6b3fa0', '#00707a', '#a33d00', '#4d6b1f'] as const;

/** The same name always gets the same colour. */
export function colorFor(displayName: string): string {
  let h = 0;
  for (const ch of displayName) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PROFILE_COLORS[h % PROFILE_COLORS.length]!;
}
