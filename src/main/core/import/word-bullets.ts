import { all, textNodesOf, type DomDocument, type DomElement } from './dom';

/**
 * Bullet characters as they arrive from Word: typed or inserted glyphs (middle dot,
 * bullet, circles, squares, diamonds, arrows) and the private-use
 * characters of the Symbol and Wingdings fonts (U+F0B7, U+F0A7, U+F076, U+F0D8…),
 * which show as a box or nothing outside Word.
 */
const GLYPHS = '·•◦∙●○▪▫■□◆◇❖➢➣➤►▸▹‣⁃';
const PRIVATE_USE = '\\uF020-\\uF0FF';

/** A glyph at the start of a list item, with the space or tab after it; "o" and "§" (Word's second and third levels) only before a tab. */
const ITEM_GLYPH = new RegExp(`^\\s*(?:[${GLYPHS}${PRIVATE_USE}]+\\s*|[o§]\\t\\s*)`, 'u');
/** A paragraph typed as a bullet: a glyph then a space or tab ("• Mục", "·\tMục"); private-use glyphs need no space. */
const TYPED_BULLET = new RegExp(`^\\s*(?:[${GLYPHS}]+\\s+|[${PRIVATE_USE}]+\\s*|[o§]\\t\\s*)(?=\\S)`, 'u');
const ANY_GLYPH = new RegExp(`[${GLYPHS}${PRIVATE_USE}]|[o§]\\t`, 'u');
/** A number typed before an item Word already numbers ("1. ", "2) ", "3.\t"). */
const TYPED_NUMBER = /^\s*\(?\d{1,3}[.)]\s+/u;

/** Remove the first `length` characters of the element's text, across as many text nodes as they span. */
function cutLeadingText(document: DomDocument, element: DomElement, length: number): void {
  let left = length;
  for (const node of textNodesOf(element)) {
    if (left <= 0) return;
    const text = node.nodeValue ?? '';
    node.replaceWith(document.createTextNode(text.slice(left)));
    left -= text.length;
  }
}

/** Cut what `pattern` matches at the start of the element's text; true when it matched. */
function stripLeading(document: DomDocument, element: DomElement, pattern: RegExp): boolean {
  const m = pattern.exec(element.textContent ?? '');
  if (!m) return false;
  cutLeadingText(document, element, m[0].length);
  return true;
}

/**
 * List items never keep Word's bullet glyphs, nor numbers typed before items that
 * Word's numbering (`w:numPr`, converted to `ol`) already numbers. Paragraphs typed
 * as bullets without Word's numbering ("• Mục một") become a bullet list, their
 * glyph removed. Paragraphs in tables are left as they are.
 */
export function cleanWordBullets(document: DomDocument): void {
  // Reading every paragraph's text is costly in a long document: glyphs are looked for only when one occurs at all.
  const glyphs = ANY_GLYPH.test(document.body?.textContent ?? '');
  for (const item of all(document, glyphs ? 'li' : 'ol > li')) {
    if (glyphs) stripLeading(document, item, ITEM_GLYPH);
    if (item.parentElement?.tagName.toLowerCase() === 'ol') stripLeading(document, item, TYPED_NUMBER);
  }
  if (!glyphs) return;
  let list: DomElement | null = null;
  for (const paragraph of all(document, 'p')) {
    if (paragraph.closest('li, table, blockquote') || !TYPED_BULLET.test(paragraph.textContent ?? '')) {
      list = null;
      continue;
    }
    stripLeading(document, paragraph, ITEM_GLYPH);
    let target: DomElement | null = list && paragraph.previousElementSibling === list ? list : null;
    if (!target) {
      target = document.createElement('ul');
      paragraph.parentNode?.insertBefore(target, paragraph);
    }
    const item = document.createElement('li');
    while (paragraph.firstChild) item.appendChild(paragraph.firstChild);
    target.appendChild(item);
    list = target;
    paragraph.remove();
  }
}
