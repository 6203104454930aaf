import { xmlAll, xmlChildren, type XmlDocument } from './word-xml';

/**
 * Join each drop cap to its word. Word keeps a drop cap (`w:framePr w:dropCap="drop"`
 * or `"margin"`) as a paragraph of its own holding the first letter, so a converter
 * would read "T" and "rong năm…" as two paragraphs. The letter's runs move to the
 * start of the next paragraph and the frame paragraph goes. Returns how many were joined.
 */
export function joinDropCaps(document: XmlDocument): number {
  let joined = 0;
  for (const frame of xmlAll(document, 'w:framePr')) {
    if (!/^(drop|margin)$/.test(frame.getAttribute('w:dropCap') ?? '')) continue;
    const paragraph = frame.parentElement?.parentElement;
    if (paragraph?.tagName !== 'w:p') continue;
    const next = paragraph.nextElementSibling;
    if (next?.tagName !== 'w:p') {
      frame.remove(); // nothing to join: the letter stays an ordinary paragraph
      continue;
    }
    const properties = xmlChildren(next, 'w:pPr')[0];
    const before = properties ? properties.nextSibling : next.firstChild;
    for (const child of Array.from(paragraph.childNodes)) {
      if ((child as { tagName?: string }).tagName !== 'w:pPr') next.insertBefore(child, before);
    }
    paragraph.remove();
    joined++;
  }
  return joined;
}
