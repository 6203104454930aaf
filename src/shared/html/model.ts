/**
 * The sanitiser's output: a small, schema-shaped model of what survived. It holds
 * only text, the marks the article schema knows and safe link targets, so turning
 * it into HTML or ProseMirror nodes cannot reintroduce anything from the source.
 */

export interface CleanText {
  kind: 'text';
  /** NFC text, white space collapsed, no control or zero-width characters. */
  text: string;
  strong?: true;
  em?: true;
  sub?: true;
  sup?: true;
  /** A link target already accepted by `safeHref`. */
  href?: string;
}

export interface CleanBreak {
  kind: 'break';
}

export type CleanInline = CleanText | CleanBreak;

export interface CleanParagraph {
  type: 'paragraph';
  content: CleanInline[];
}

export interface CleanHeading {
  type: 'heading';
  level: 2 | 3;
  content: CleanInline[];
}

export interface CleanListItem {
  /** First entry is always a paragraph (the schema's `list_item` demands it). */
  blocks: (CleanParagraph | CleanList)[];
}

export interface CleanList {
  type: 'bullet_list' | 'ordered_list';
  start: number;
  items: CleanListItem[];
}

export interface CleanBlockquote {
  type: 'blockquote';
  paragraphs: CleanParagraph[];
}

export interface CleanRule {
  type: 'horizontal_rule';
}

export type CleanBlock = CleanParagraph | CleanHeading | CleanList | CleanBlockquote | CleanRule;

/**
 * What the sanitiser converted or left out, counted so the paste notice and the
 * import report can say so: a paste or import never changes text silently.
 */
export interface SanitizeCounts {
  /** Images (`<img>`) that were left out; the UI tells the user photos go through the figure workflow. */
  imagesDropped: number;
  /** Links whose target was not http, https or mailto (e.g. `javascript:`); their text is kept. */
  unsafeLinksDropped: number;
  /** Tables turned into one paragraph per row (cells joined with " | "); the schema has no table. */
  tablesFlattened: number;
  /** Rows of those tables that held text, i.e. paragraphs they became. */
  tableRowsFlattened: number;
  /** Runs of struck-through text (`<s>`, `<strike>`, a `<del>` outside tracked changes, `line-through`) kept as ordinary text. */
  struckKept: number;
  /** Runs of underlined text kept as plain text (links excepted); the schema has no underline. */
  underlinedKept: number;
  /** Embedded objects left out: video, audio, frames, plug-ins, canvas, SVG and MathML drawings. */
  embedsDropped: number;
  /** Form controls left out (inputs, buttons, selects, text areas); text around them stays. */
  formFieldsDropped: number;
  /** Word tracked deletions (`<del cite|datetime>`, `msoDel`) left out, as in the author's final view. */
  trackedDeletionsDropped: number;
  /** Word reviewer comments (`mso-element:comment`) left out. */
  commentsDropped: number;
  /**
   * Passages holding text the page never shows, left out: `display:none`,
   * `visibility:hidden`, Word's `mso-hide:all|screen` (hidden text), the `hidden`
   * attribute, a `<dialog>` that is not open, `<template>`, `<noscript>` and
   * `<noframes>`. Their text is in `leftOut`.
   */
  hiddenDropped: number;
  /** Page headers and footers of a saved Word page (`mso-element:header|footer`) that held text; their text is in `leftOut`. */
  pageHeadersFootersDropped: number;
}

/** Why a passage's text was left out. */
export type LeftOutReason = 'hidden' | 'page_header_footer';

/** The text of a passage the sanitiser left out, so a notice or report can quote it. */
export interface LeftOutText {
  reason: LeftOutReason;
  /** NFC, white space collapsed. */
  text: string;
}

/** Everything a sanitisation tells the user about: its counts and the text it left out. */
export interface SanitizeReport extends SanitizeCounts {
  /** Every passage counted in `hiddenDropped` or `pageHeadersFootersDropped`, in document order. */
  leftOut: LeftOutText[];
}

export interface SanitizedHtml extends SanitizeReport {
  blocks: CleanBlock[];
}
