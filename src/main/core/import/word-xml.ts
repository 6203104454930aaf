import { DOMParser } from 'linkedom';
import type { DomElement, DomNode } from './dom';

/**
 * Word's XML parts (document, headers, footers) read with linkedom's XML parser,
 * so that the passes before conversion can move runs and paragraphs as elements.
 * Tag names keep their prefix (`w:p`); selectors escape the colon (`w\\:p`).
 */
export interface XmlElement extends DomElement {
  readonly tagName: string;
  readonly children: ArrayLike<XmlElement>;
  readonly parentElement: XmlElement | null;
  readonly nextElementSibling: XmlElement | null;
  closest(selector: string): XmlElement | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): XmlElement | null;
  querySelectorAll(selector: string): ArrayLike<XmlElement>;
}

export interface XmlDocument extends XmlElement {
  toString(): string;
  createElement(tag: string): XmlElement;
  createTextNode(text: string): DomNode;
}

/** Parse one XML part; null when it is not well-formed (the converter then reads the part as it is). */
export function parseXml(text: string): XmlDocument | null {
  try {
    const document = new DOMParser().parseFromString(text, 'text/xml') as unknown as XmlDocument;
    return document.querySelector('*') ? document : null;
  } catch {
    return null;
  }
}

/** All matches of a selector written with plain prefixes (`w:p w:t`), as an array. */
export function xmlAll(root: XmlElement, selector: string): XmlElement[] {
  return Array.from(root.querySelectorAll(selector.replace(/:/g, '\\:')));
}

/** Child elements with the given tag name. */
export const xmlChildren = (element: XmlElement, tag: string): XmlElement[] => Array.from(element.children).filter((c) => c.tagName === tag);

/** The text a run or paragraph shows: its `w:t` text, tabs and breaks as spaces. */
export function xmlText(element: XmlElement): string {
  return xmlAll(element, 'w:t, w:tab, w:br, w:cr')
    .map((e) => (e.tagName === 'w:t' ? (e.textContent ?? '') : ' '))
    .join('');
}

/** The paragraph's own text, without the paragraphs of a text box anchored in it. */
export const xmlOwnText = (paragraph: XmlElement): string =>
  xmlAll(paragraph, 'w:t, w:tab, w:br, w:cr')
    .filter((e) => e.closest('w\\:p') === paragraph)
    .map((e) => (e.tagName === 'w:t' ? (e.textContent ?? '') : ' '))
    .join('');

/** A Word on/off property (`<w:strike/>`, `<w:strike w:val="false"/>`) is on unless its value says off. */
export const isOn = (property: XmlElement | undefined): boolean =>
  !!property && !/^(0|false|off|none)$/i.test(property.getAttribute('w:val') ?? '');
