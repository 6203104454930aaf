/** Clock time `12:03` of an ISO timestamp, in the computer's time zone. */
export function formatClock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Short date and time for list rows: today → `12:03`, otherwise `30/11 12:03`, other years `30/11/2025`. */
export function formatListTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  if (d.toDateString() === now.toDateString()) return formatClock(iso);
  if (d.getFullYear() === now.getFullYear()) return `${dd}/${mm} ${formatClock(iso)}`;
  return `${dd}/${mm}/${d.getFullYear()}`;
}
