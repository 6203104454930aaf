/**
 * The few DOM members the sanitiser reads. `src/shared` compiles without the DOM
 * library and may not import a DOM implementation, so callers pass in whatever
 * they parsed with: the browser's `DOMParser` in the renderer, linkedom in Node.
 * Both satisfy this interface structurally.
 */
export interface HtmlNodeLike {
  /** 1 element, 3 text, 4 CDATA, 8 comment, 9 document, 11 fragment. */
  readonly nodeType: number;
  /** Tag name for elements (any case, may carry a namespace prefix such as `O:P`). */
  readonly nodeName: string;
  /** Text of text and comment nodes; null for elements. */
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<HtmlNodeLike>;
  /** Present on elements. */
  getAttribute?(name: string): string | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
