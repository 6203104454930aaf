import { textNodesOf, type DomDocument, type DomElement, type DomNode } from './dom';
import { MARK } from './html-blocks';

const MARKER = new RegExp(`^${MARK.imageOpen}(\\d+)${MARK.imageClose}$`);
const ANY_MARKER = new RegExp(`${MARK.imageOpen}\\d+${MARK.imageClose}`, 'g');
const hasWords = (text: string) => text.replace(ANY_MARKER, '').trim() !== '';

/**
 * A picture inside a sentence (a `w:drawing` inline in a run, with words before and
 * after it) would split its paragraph in two, and the second half would be read as
 * its caption. Such pictures move, in order, to paragraphs of their own right after
 * their paragraph, so the sentence stays whole. A picture at the start or end of
 * its paragraph stays where it is. `markers` are the image markers (`imageMarker`),
 * each its own text node, in document order. Returns the image indexes that were moved.
 */
export function movePicturesOutOfSentences(document: DomDocument, markers: DomNode[]): Set<number> {
  const moved = new Set<number>();
  const blocks = new Set<DomElement>();
  for (const marker of markers) {
    const block = (marker.parentNode as DomElement | null)?.closest('p, h1, h2, h3, h4, h5, h6');
    if (block && !block.closest('li')) blocks.add(block);
  }
  for (const block of blocks) {
    const nodes = textNodesOf(block);
    const texts = nodes.map((n) => n.nodeValue ?? '');
    let after: DomNode = block;
    nodes.forEach((node, i) => {
      const index = MARKER.exec(texts[i]!)?.[1];
      if (index === undefined || !hasWords(texts.slice(0, i).join('')) || !hasWords(texts.slice(i + 1).join(''))) return;
      const own = document.createElement('p');
      after.parentNode?.insertBefore(own, after.nextSibling);
      own.appendChild(node);
      after = own;
      moved.add(Number(index));
    });
  }
  return moved;
}
