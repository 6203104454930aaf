import { parseHTML } from 'linkedom';
import { wordConditionalsAsComments, type HtmlNodeLike } from '../../../shared/html';

/**
 * The members of linkedom's DOM the importers use. linkedom types its documents
 * with the DOM library's types, which the Node build does not load; this small
 * surface keeps the importers independent of which libraries a build includes.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
  remove(): void;
  replaceWith(...nodes: DomNode[]): void;
  appendChild(node: DomNode): DomNode;
  insertBefore(node: DomNode, ref: DomNode | null): DomNode;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly previousElementSibling: DomElement | null;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  contains(node: DomNode): boolean;
}

export interface DomDocument extends DomElement {
  readonly body: DomElement | null;
  readonly documentElement: DomElement;
  createTextNode(text: string): DomNode;
  createElement(tag: string): DomElement;
}

/**
 * Parse HTML with linkedom. Nothing is fetched or run: linkedom has no network and
 * no script engine. Word's `<![if !supportLists]>` markers are first written as the
 * comments a browser makes of them, so a saved Word page's list numbers are read as
 * list markers (not left in the text), as they are when the same HTML is pasted.
 */
export function parseDocument(html: string): DomDocument {
  return (parseHTML(wordConditionalsAsComments(html)) as unknown as { document: DomDocument }).document;
}

/** All matches as an array. */
export const all = (root: DomElement, selector: string): DomElement[] => Array.from(root.querySelectorAll(selector));

/** The text nodes under a node, in document order. */
export function textNodesOf(node: DomNode, out: DomNode[] = []): DomNode[] {
  if (node.nodeType === 3) out.push(node);
  for (const child of Array.from(node.childNodes)) textNodesOf(child, out);
  return out;
}

/** The node as the shared sanitiser takes it. */
export const asHtmlNode = (node: DomNode): HtmlNodeLike => node as unknown as HtmlNodeLike;
