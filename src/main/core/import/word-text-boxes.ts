import { xmlAll, xmlText, type XmlDocument } from './word-xml';

/**
 * Bring the text of text boxes (`w:txbxContent`) into the flow: its paragraphs are
 * placed right after the paragraph the box is anchored to. Word writes each box
 * twice, as a drawing (`mc:Choice`) and as a VML copy for older readers
 * (`mc:Fallback`); the copy is removed so the text arrives once, and a box that
 * exists only as a drawing is not lost. Returns how many boxes held text.
 */
export function placeTextBoxes(document: XmlDocument): number {
  for (const alternate of xmlAll(document, 'mc:AlternateContent')) {
    if (!xmlAll(alternate, 'mc:Choice w:txbxContent').length) continue;
    for (const copy of xmlAll(alternate, 'mc:Fallback w:txbxContent')) copy.remove();
  }
  let placed = 0;
  for (const box of xmlAll(document, 'w:txbxContent')) {
    if (box.parentElement?.closest('w\\:txbxContent')) continue; // a box in a box travels with the outer one
    const anchor = box.closest('w\\:p');
    if (!anchor?.parentNode) continue;
    if (xmlText(box).trim()) placed++;
    const after = anchor.nextSibling;
    for (const block of Array.from(box.children)) anchor.parentNode.insertBefore(block, after);
    box.remove();
  }
  return placed;
}
