import type { Node as PMNode } from 'prosemirror-model';
import type { Anchor, Comment, Suggestion } from '../../../../shared/review/model';
import { CONTEXT_LENGTH, resolveAnchor } from '../../../../shared/review/anchors';
import { buildTextIndex } from '../../../../shared/review/text-index';

/**
 * What the review pane (and the Review view's lists) show: comment threads and
 * suggestions, each placed in the text being edited. Pure functions of the
 * document and the records, so the ordering and grouping rules are tested without
 * a browser.
 */

/** Characters of a word: letters (Vietnamese included, in NFC) and digits. */
const WORD_TAIL = /[\p{L}\p{M}\p{N}]+$/u;
const WORD_HEAD = /^[\p{L}\p{M}\p{N}]+/u;

/** A comment thread: its first comment (which holds the anchor) and the replies, oldest first. */
export interface ThreadItem {
  kind: 'thread';
  id: string;
  root: Comment;
  replies: Comment[];
  /** Where the commented text is now, or null when it is gone (detached). */
  anchor: Anchor | null;
  detached: boolean;
  resolved: boolean;
}

export interface SuggestionItem {
  kind: 'suggestion';
  id: string;
  suggestion: Suggestion;
  /** Where the text it changes is now, or null when that text is gone. */
  anchor: Anchor | null;
  detached: boolean;
}

export type ReviewItem = ThreadItem | SuggestionItem;

/**
 * Comments grouped into threads. A reply whose first comment is missing (a damaged
 * record) still forms a thread of its own, marked detached: nothing is dropped.
 */
export function groupThreads(comments: readonly Comment[]): { root: Comment; replies: Comment[] }[] {
  const threads = new Map<string, { root: Comment | null; replies: Comment[] }>();
  for (const c of comments) {
    const thread = threads.get(c.threadId) ?? { root: null, replies: [] };
    if (c.id === c.threadId) thread.root = c;
    else thread.replies.push(c);
    threads.set(c.threadId, thread);
  }
  return [...threads.values()].map(({ root, replies }) => {
    const sorted = [...replies].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    if (root) return { root, replies: sorted };
    const [first, ...rest] = sorted;
    return { root: { ...first!, anchor: null, detached: true }, replies: rest };
  });
}

/** What the editor knows beyond the stored records. */
export interface PlaceOptions {
  /** Anchors found in an earlier version of the same document, by item id: tried first, being closer to the current text. */
  known?: ReadonlyMap<string, Anchor>;
  /**
   * Suggestions the editor's suggest mode is still typing. Their text is already
   * changed in the editor, so one deleting text is placed where that text was and
   * is never taken for detached.
   */
  typing?: ReadonlySet<string>;
}

/**
 * Place threads and open suggestions in `doc`: each anchor is re-found in the text
 * as it is now, so the pane follows edits not yet saved.
 */
export function placeReviewItems(doc: PMNode, comments: readonly Comment[], suggestions: readonly Suggestion[], options: PlaceOptions = {}): ReviewItem[] {
  const { known = new Map<string, Anchor>(), typing = new Set<string>() } = options;
  const index = buildTextIndex(doc);
  const locate = (id: string, stored: Anchor | null): Anchor | null => {
    const recent = known.get(id);
    return (recent && resolveAnchor(doc, recent, index)) || (stored && resolveAnchor(doc, stored, index)) || null;
  };
  const items: ReviewItem[] = [];
  for (const { root, replies } of groupThreads(comments)) {
    const anchor = root.anchor ? locate(root.id, root.anchor) : null;
    items.push({ kind: 'thread', id: root.id, root, replies, anchor, detached: !anchor, resolved: !!root.resolvedAt });
  }
  for (const suggestion of suggestions) {
    if (suggestion.status !== 'open') continue;
    const beingTyped = typing.has(suggestion.id);
    let anchor = locate(suggestion.id, suggestion.anchor);
    if (!anchor && beingTyped) anchor = resolveAnchor(doc, { ...suggestion.anchor, quote: '' }, index);
    items.push({ kind: 'suggestion', id: suggestion.id, suggestion, anchor, detached: !anchor && !beingTyped });
  }
  return items.sort(compareItems);
}

const createdAt = (item: ReviewItem) => (item.kind === 'thread' ? item.root.createdAt : item.suggestion.createdAt);

/**
 * Document order (headline, lead, body with its captions where the photos stand,
 * byline); on the same text a comment before a suggestion, then the older first.
 * Items whose text is gone come last, oldest first.
 */
export function compareItems(a: ReviewItem, b: ReviewItem): number {
  if (a.anchor && b.anchor) {
    const byPlace = a.anchor.from - b.anchor.from || a.anchor.to - b.anchor.to;
    if (byPlace) return byPlace;
  } else if (a.anchor || b.anchor) return a.anchor ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'thread' ? -1 : 1;
  return createdAt(a).localeCompare(createdAt(b)) || a.id.localeCompare(b.id);
}

/** The pane's three groups: open items in the text, items whose text is gone, resolved threads (collapsed). */
export interface ReviewGroups {
  open: ReviewItem[];
  detached: ReviewItem[];
  resolved: ThreadItem[];
}

export function groupReviewItems(items: readonly ReviewItem[]): ReviewGroups {
  const groups: ReviewGroups = { open: [], detached: [], resolved: [] };
  for (const item of items) {
    if (item.kind === 'thread' && item.resolved) groups.resolved.push(item);
    else if (item.detached) groups.detached.push(item);
    else groups.open.push(item);
  }
  return groups;
}

/**
 * The text an item is about, as a reader sees it: a thread's quoted text; a
 * suggestion's change widened to whole words (a one-letter correction selects its
 * word). Null when the text is gone.
 */
export function itemRange(item: ReviewItem): { from: number; to: number } | null {
  const a = item.anchor;
  if (!a) return null;
  if (item.kind === 'thread') return { from: a.from, to: a.to };
  return { from: a.from - (WORD_TAIL.exec(a.prefix)?.[0].length ?? 0), to: a.to + (WORD_HEAD.exec(a.suffix)?.[0].length ?? 0) };
}

/**
 * Ids of the open items under the editor's selection: the caret inside (or at an
 * edge of) commented or suggested text, or a selection overlapping it.
 */
export function itemsAtSelection(items: readonly ReviewItem[], from: number, to: number): string[] {
  const hits: string[] = [];
  for (const item of items) {
    const r = itemRange(item);
    if (!r || (item.kind === 'thread' && item.resolved)) continue;
    const touches = from === to ? r.from <= from && from <= r.to : (r.from < to && from < r.to) || (r.from === r.to && from <= r.from && r.from <= to);
    if (touches) hits.push(item.id);
  }
  return hits;
}

/** Where each placed item now is, by id: the `known` anchors of the next placement. */
export function anchorsById(items: readonly ReviewItem[]): Map<string, Anchor> {
  const map = new Map<string, Anchor>();
  for (const item of items) if (item.anchor) map.set(item.id, item.anchor);
  return map;
}

/**
 * A string that changes only when what the pane shows changes (items, their order,
 * groups and quotes), not when positions merely shift as text is typed before them:
 * the pane re-renders only then.
 */
export function layoutSignature(items: readonly ReviewItem[]): string {
  return items
    .map((i) => `${i.id}:${i.detached ? 'd' : 'a'}${i.kind === 'thread' && i.resolved ? 'r' : ''}:${i.anchor?.part ?? ''}:${i.anchor?.quote ?? ''}`)
    .join('\n');
}


/**
 * A suggestion's change as whole words: "th[ư→ự]c" reads as "thưc → thực". The
 * store keeps the smallest change; people read words. `removed`/`inserted` are
 * the changed text, `anchor` gives the text around it.
 */
export function changeInWords(anchor: Pick<Anchor, 'prefix' | 'suffix'>, removed: string, inserted: string): { removed: string; inserted: string } {
  const before = WORD_TAIL.exec(anchor.prefix)?.[0] ?? '';
  const after = WORD_HEAD.exec(anchor.suffix)?.[0] ?? '';
  const touchesWord = (removed || inserted) && (before || after);
  if (!touchesWord) return { removed, inserted };
  return { removed: removed ? before + removed + after : '', inserted: inserted ? before + inserted + after : '' };
}

/** Words shown on each side of a suggestion's place in a list. */
const CONTEXT_WORDS = 3;

/**
 * The text around a suggestion, for its place in a list: "…triển khai thưc hiện
 * theo tinh…". Stays within the paragraph; a word cut by the stored context is
 * left out.
 */
export function suggestionContext(anchor: Pick<Anchor, 'prefix' | 'suffix' | 'quote'>): string {
  const beforeText = anchor.prefix.split('\n').pop()!;
  const afterText = anchor.suffix.split('\n')[0]!;
  let before = beforeText.split(' ');
  let after = afterText.split(' ');
  const cutStart = beforeText === anchor.prefix && anchor.prefix.length >= CONTEXT_LENGTH;
  const cutEnd = afterText === anchor.suffix && anchor.suffix.length >= CONTEXT_LENGTH;
  if (cutStart && before.length > 1) before = before.slice(1);
  if (cutEnd && after.length > 1) after = after.slice(0, -1);
  const moreBefore = cutStart || before.length > CONTEXT_WORDS + 1;
  const moreAfter = cutEnd || after.length > CONTEXT_WORDS + 1;
  before = before.slice(-(CONTEXT_WORDS + 1));
  after = after.slice(0, CONTEXT_WORDS + 1);
  return `${moreBefore ? '…' : ''}${before.join(' ')}${anchor.quote}${after.join(' ')}${moreAfter ? '…' : ''}`;
}
