/**
 * HTML sanitising shared by the editor's paste and the Node HTML importer.
 * Start at {@link sanitizeHtml}.
 */
export type { HtmlNodeLike } from './dom-like';
export type * from './model';
export { sanitizeHtml } from './sanitize';
export { wordConditionalsAsComments } from './word-conditionals';
export { addCounts, addReports, countsOf, emptyReport, noChanges, reportOf } from './counts';
export { blocksToNodes, inlines as cleanInlinesToNodes } from './to-nodes';
export { blocksToHtml, inlinesToHtml } from './to-html';
export { plainTextToParagraphs } from './plain-text';
export { splitHtml } from './split';
