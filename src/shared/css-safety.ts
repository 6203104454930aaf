/**
 * Whether a publication profile's CSS could make an exported page fetch
 * anything. Exported pages make no outside requests, and CSS has many ways to
 * name a URL: `url()`, `image-set()` and `image()` with plain strings,
 * `@import`, `@font-face` sources, `behavior`, IE's `expression()`, and escapes
 * that spell any of them (`u\rl(`, `\75 rl(`). So the rule is a short list of
 * what is allowed, not of what is known to fetch:
 *
 * - no `<` (the CSS must not leave its `<style>` element) and no backslash (no
 *   escapes, so every name is spelled as a browser reads it);
 * - every function is one that only computes a value (colours, lengths,
 *   gradients, transforms, selector functions such as `:not()`);
 * - every at-rule only groups rules (`@media`, `@supports`, `@keyframes`…);
 * - comments and strings are closed.
 *
 * It scans CSS tokens by hand because it runs in the renderer too (the profile
 * editor says what is wrong while the desk types) and, with escapes refused,
 * the only tokens that matter are comments, strings, function names and at-keywords.
 */

export type CssProblem =
  | { kind: 'angle-bracket' }
  | { kind: 'escape' }
  | { kind: 'unclosed-comment' }
  | { kind: 'unclosed-string' }
  | { kind: 'function'; name: string }
  | { kind: 'at-rule'; name: string }
  | { kind: 'property'; name: string };

/** Functions that compute a value and can name no resource (vendor prefixes are ignored). */
const VALUE_FUNCTIONS = new Set([
  // numbers and references
  'calc', 'min', 'max', 'clamp', 'round', 'mod', 'rem', 'abs', 'sign', 'var', 'env', 'attr', 'counter', 'counters',
  // colours
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark',
  // gradients
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient', 'repeating-conic-gradient',
  // transforms and filters
  'matrix', 'matrix3d', 'translate', 'translatex', 'translatey', 'translatez', 'translate3d', 'scale', 'scalex', 'scaley', 'scalez', 'scale3d',
  'rotate', 'rotatex', 'rotatey', 'rotatez', 'rotate3d', 'skew', 'skewx', 'skewy', 'perspective',
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia',
  // shapes, timing, layout
  'inset', 'circle', 'ellipse', 'polygon', 'rect', 'xywh', 'cubic-bezier', 'steps', 'linear', 'minmax', 'repeat', 'fit-content', 'symbols',
  // selector functions and media queries
  'not', 'is', 'where', 'has', 'lang', 'dir', 'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type', 'host', 'host-context', 'state',
  'selector', 'supports', 'style', 'layer',
]);

/** At-rules that only group or name rules; `@import`, `@font-face`, `@namespace` and the rest are refused. */
const GROUPING_AT_RULES = new Set(['media', 'supports', 'page', 'keyframes', 'container', 'layer', 'property', 'counter-style', 'scope', 'starting-style']);

/** Properties that exist only to load code or a resource. */
const LOADING_PROPERTIES = new Set(['behavior', 'binding']);

const VENDOR_PREFIX = /^-(?:webkit|moz|ms|o)-/;
const NAME_CHAR = /[-\w\u0080-\uffff]/;

/** The first reason `css` could fetch something or leave its `<style>`, or null when it cannot. */
export function cssFetchProblem(css: string): CssProblem | null {
  if (css.includes('<')) return { kind: 'angle-bracket' };
  if (css.includes('\\')) return { kind: 'escape' };
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) return { kind: 'unclosed-comment' };
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(css, i);
      if (end < 0) return { kind: 'unclosed-string' };
      i = end + 1;
    } else if (c === '@') {
      const name = readName(css, i + 1);
      if (!GROUPING_AT_RULES.has(unprefixed(name))) return { kind: 'at-rule', name: `@${name}` };
      i += 1 + name.length;
    } else if (NAME_CHAR.test(c) && (i === 0 || !NAME_CHAR.test(css[i - 1]!))) {
      const name = readName(css, i);
      const after = i + name.length;
      if (css[after] === '(' && !VALUE_FUNCTIONS.has(unprefixed(name))) return { kind: 'function', name: `${name}()` };
      if (LOADING_PROPERTIES.has(unprefixed(name)) && /^\s*:/.test(css.slice(after)) && !insideBlockSelector(css, i)) return { kind: 'property', name };
      i = after;
    } else {
      i++;
    }
  }
  return null;
}

/** The English sentence for a problem (the core's validation message; the editor shows its own translation). */
export function describeCssProblem(problem: CssProblem): string {
  const why = 'exported pages load nothing from outside';
  switch (problem.kind) {
    case 'angle-bracket':
      return 'CSS may not contain "<".';
    case 'escape':
      return `CSS may not use escapes (\\): write every character as it is, since an escape can hide url() and ${why}.`;
    case 'unclosed-comment':
      return 'The CSS has a comment that is never closed (/* without */).';
    case 'unclosed-string':
      return 'The CSS has a quoted string that is never closed on its line.';
    case 'function':
      return `CSS may not use ${problem.name}: ${why} (url(), image-set() and similar functions are refused).`;
    case 'at-rule':
      return `CSS may not use ${problem.name}: ${why} (only @media, @supports, @page, @keyframes, @container and @layer are allowed).`;
    case 'property':
      return `CSS may not use the ${problem.name} property: it loads code from outside.`;
  }
}

/** Index of the quote that closes the string opening at `start`; -1 when a newline or the end comes first. */
function stringEnd(css: string, start: number): number {
  const quote = css[start];
  for (let j = start + 1; j < css.length; j++) {
    if (css[j] === quote) return j;
    if (css[j] === '\n' || css[j] === '\r' || css[j] === '\f') return -1;
  }
  return -1;
}

function readName(css: string, start: number): string {
  let end = start;
  while (end < css.length && NAME_CHAR.test(css[end]!)) end++;
  return css.slice(start, end);
}

function unprefixed(name: string): string {
  return name.toLowerCase().replace(VENDOR_PREFIX, '');
}

/**
 * True when the name at `at` is part of a selector rather than a declaration
 * (`a:hover` has `a` before a colon too): a declaration follows `{` or `;`.
 */
function insideBlockSelector(css: string, at: number): boolean {
  const before = css.slice(0, at).replace(/\/\*[^]*?\*\//g, '').trimEnd();
  const last = before[before.length - 1];
  return !(last === '{' || last === ';');
}
