/**
 * Cut a very large HTML clipboard into pieces that can be sanitised one task at a
 * time, so a multi-megabyte paste never blocks the page for long. Cuts fall only
 * right after a closing block tag (`</p>`, `</li>`, `</h2>`…), never inside a tag,
 * text or comment; the browser's parser mends each piece on its own. A list or
 * table cut in two comes out as two lists or tables: fine for a giant paste, and
 * no text is lost. Pieces are at least `pieceSize` characters (the last may be less).
 */
export function splitHtml(html: string, pieceSize: number): string[] {
  const pieces: string[] = [];
  const closing = /<\/(p|div|li|h[1-6]|blockquote|tr|table|ul|ol|section|article)\s*>/gi;
  let start = 0;
  while (html.length - start > pieceSize) {
    closing.lastIndex = start + pieceSize;
    let match = closing.exec(html);
    // Never cut inside a comment (Word wraps whole blocks in conditional comments).
    while (match && insideComment(html, start, match.index)) match = closing.exec(html);
    if (!match) break;
    const end = match.index + match[0].length;
    pieces.push(html.slice(start, end));
    start = end;
  }
  pieces.push(html.slice(start));
  return pieces;
}

function insideComment(html: string, from: number, at: number): boolean {
  const open = html.lastIndexOf('<!--', at);
  if (open < from) return false;
  const close = html.indexOf('-->', open + 4);
  return close === -1 || close > at;
}
