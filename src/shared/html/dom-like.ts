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
  /** A `<template>`'s contents: browsers keep them here and leave `childNodes` empty. */
  readonly content?: HtmlNodeLike | null;
  /** Present on elements. */
  getAttribute?(name: string): string | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const COMMENT_NODE = 8;

/*
 * DOM clobbering: in a browser, `<form><input name=nodeName></form>` makes
 * `form.nodeName` return the input, and `name=childNodes` or `name=getAttribute`
 * hide those members the same way. The readers below therefore take each member
 * from the node's prototype chain (where the DOM defines it and where named
 * form controls cannot reach), and fall back to the node's own property only
 * for implementations that define members on the instance (linkedom's nodeType).
 */

type Member = keyof HtmlNodeLike;
const memberCache = new WeakMap<object, Map<Member, PropertyDescriptor | null>>();

function protoMember(node: HtmlNodeLike, name: Member): PropertyDescriptor | null {
  const first = Object.getPrototypeOf(node) as object | null;
  if (!first) return null;
  let cached = memberCache.get(first);
  if (!cached) memberCache.set(first, (cached = new Map()));
  if (cached.has(name)) return cached.get(name)!;
  let found: PropertyDescriptor | null = null;
  for (let proto: object | null = first; proto && !found; proto = Object.getPrototypeOf(proto) as object | null) {
    found = Object.getOwnPropertyDescriptor(proto, name) ?? null;
  }
  cached.set(name, found);
  return found;
}

function read(node: HtmlNodeLike, name: Member): unknown {
  const member = protoMember(node, name);
  if (member?.get) return member.get.call(node);
  if (member && 'value' in member) return member.value;
  return node[name];
}

export function nodeTypeOf(node: HtmlNodeLike): number {
  const type = read(node, 'nodeType');
  return typeof type === 'number' ? type : 0;
}

/** Lower-case tag name of an element (`o:p`, `st1:city`); '' when unreadable. */
export function tagOf(node: HtmlNodeLike): string {
  const name = read(node, 'nodeName');
  return typeof name === 'string' ? name.toLowerCase() : '';
}

export function nodeValueOf(node: HtmlNodeLike): string {
  const value = read(node, 'nodeValue');
  return typeof value === 'string' ? value : '';
}

const NO_CHILDREN: ArrayLike<HtmlNodeLike> = [];

export function childNodesOf(node: HtmlNodeLike): ArrayLike<HtmlNodeLike> {
  const children = read(node, 'childNodes') as ArrayLike<HtmlNodeLike> | undefined;
  return children && typeof children.length === 'number' ? children : NO_CHILDREN;
}

/** What a `<template>` holds: its `content` fragment where the DOM has one, else its children. */
export function templateContentOf(node: HtmlNodeLike): HtmlNodeLike {
  const content = read(node, 'content') as HtmlNodeLike | null | undefined;
  return content && typeof content === 'object' ? content : node;
}

/** An attribute's value, or '' when absent. */
export function attrOf(node: HtmlNodeLike, name: string): string {
  const getter = read(node, 'getAttribute');
  if (typeof getter !== 'function') return '';
  const value = (getter as (n: string) => unknown).call(node, name);
  return typeof value === 'string' ? value : '';
}

/** Like {@link attrOf} but tells an absent attribute (null) from an empty one. */
export function attrOrNull(node: HtmlNodeLike, name: string): string | null {
  const getter = read(node, 'getAttribute');
  if (typeof getter !== 'function') return null;
  const value = (getter as (n: string) => unknown).call(node, name);
  return typeof value === 'string' ? value : null;
}
