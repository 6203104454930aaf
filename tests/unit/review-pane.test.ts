import { describe, expect, it } from 'vitest';
import { Transform } from 'prosemirror-transform';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/schema';
import { createAnchor } from '../../src/shared/review/anchors';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import type { Anchor, Comment, Suggestion } from '../../src/shared/review/model';
import { findText } from '../support/calls';

// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
interface Item {
  kind: 'thread' | 'suggestion';
  id: string;
  anchor: Anchor | null;
  detached: boolean;
  resolved?: boolean;
  root?: Comment;
  replies?: Comment[];
}
type Range = { from: number; to: number };
const PANE = '../../src/renderer/src/features/review/pane-items';
const { placeReviewItems, groupReviewItems, groupThreads, itemsAtSelection, itemRange, changeInWords, suggestionContext, layoutSignature, anchorsById } = (await import(PANE)) as {
  placeReviewItems: (doc: PMNode, comments: Comment[], suggestions: Suggestion[], options?: { known?: Map<string, Anchor>; typing?: Set<string> }) => Item[];
  groupReviewItems: (items: Item[]) => { open: Item[]; detached: Item[]; resolved: Item[] };
  groupThreads: (comments: Comment[]) => { root: Comment; replies: Comment[] }[];
  itemsAtSelection: (items: Item[], from: number, to: number) => string[];
  itemRange: (item: Item) => Range | null;
  changeInWords: (anchor: Pick<Anchor, 'prefix' | 'suffix'>, removed: string, inserted: string) => { removed: string; inserted: string };
  suggestionContext: (anchor: Pick<Anchor, 'prefix' | 'suffix' | 'quote'>) => string;
  layoutSignature: (items: Item[]) => string;
  anchorsById: (items: Item[]) => Map<string, Anchor>;
};

const AUTHOR = '00000000-0000-4000-8000-00000000000a';
let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

/** Headline, lead, a body paragraph, a photo with its caption, a second paragraph, byline. */
function article(): PMNode {
  const t = (s: string) => [schema.text(s)];
  return schema.node('doc', null, [
    schema.node('headline', null, t('Đào tạo cán bộ xã')),
    schema.node('lead', null, t('Tỉnh Lai Châu chú trọng đào tạo cán bộ.')),
    schema.node('body', null, [
      schema.node('paragraph', null, t('Giai đoạn 2011 – 2015 đã đào tạo hơn 27.309 lượt người.')),
      schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption', null, t('Một giờ học tiếng Mông.')), schema.node('credit', null, t('Ảnh: BLC'))]),
      schema.node('paragraph', null, t('Công tác luân chuyển cán bộ được tiến hành thận trọng.')),
    ]),
    schema.node('byline', null, [schema.node('author', null, t('Tiến Thành'))]),
  ]);
}

function thread(doc: PMNode, text: string, createdAt = '2026-11-30T09:00:00+07:00'): Comment {
  const id = uuid();
  const { from, to } = findText(doc, text);
  return { id, articleId: AUTHOR, threadId: id, authorId: AUTHOR, body: `về “${text}”`, createdAt, editedAt: null, anchor: createAnchor(doc, from, to), detached: false, resolvedAt: null, resolvedBy: null };
}

function reply(root: Comment, body: string, createdAt: string): Comment {
  return { ...root, id: uuid(), body, createdAt, anchor: null };
}

function suggestion(doc: PMNode, text: string, replacement: string, createdAt = '2026-11-30T09:05:00+07:00'): Suggestion {
  const { from, to } = findText(doc, text);
  const tr = new Transform(doc);
  if (replacement) tr.replaceWith(from, to, schema.text(replacement));
  else tr.delete(from, to);
  const [proposed] = proposeFromTransform(doc, tr.steps)!;
  return { id: uuid(), articleId: AUTHOR, authorId: AUTHOR, createdAt, ...proposed!, status: 'open', decidedBy: null, decidedAt: null, inverse: null };
}

const quotes = (items: Item[]) => items.map((i) => i.anchor?.quote.trim() ?? `(${i.id})`);

describe('review pane items', () => {
  it('lists threads and open suggestions in document order: headline, lead, body with its caption where the photo stands, byline', () => {
    const doc = article();
    const comments = [thread(doc, 'Tiến Thành'), thread(doc, 'tiếng Mông'), thread(doc, 'Đào tạo cán bộ xã'), thread(doc, 'thận trọng')];
    const suggestions = [suggestion(doc, '27.309', '27.310'), suggestion(doc, 'chú trọng', 'quan tâm'), { ...suggestion(doc, 'luân chuyển', 'điều động'), status: 'accepted' as const }];
    const items = placeReviewItems(doc, comments, suggestions);
    expect(items.map((i) => i.kind)).toEqual(['thread', 'suggestion', 'suggestion', 'thread', 'thread', 'thread']);
    expect(quotes(items)).toEqual(['Đào tạo cán bộ xã', 'chú trọng', '309', 'tiếng Mông', 'thận trọng', 'Tiến Thành']);
    expect(items.map((i) => i.anchor?.part)).toEqual(['headline', 'lead', 'body', 'caption', 'body', 'byline']);
  });

  it('puts a comment before a suggestion on the same text, and older before newer', () => {
    const doc = article();
    const older = thread(doc, 'thận trọng', '2026-11-30T08:00:00+07:00');
    const newer = thread(doc, 'thận trọng', '2026-11-30T10:00:00+07:00');
    const s = suggestion(doc, 'thận trọng', 'chặt chẽ', '2026-11-30T07:00:00+07:00');
    expect(placeReviewItems(doc, [newer, older], [s]).map((i) => i.id)).toEqual([older.id, newer.id, s.id]);
  });

  it('groups replies under their thread, oldest first, and keeps an orphan reply as a detached thread', () => {
    const doc = article();
    const root = thread(doc, 'thận trọng');
    const late = reply(root, 'sau', '2026-11-30T11:00:00+07:00');
    const early = reply(root, 'trước', '2026-11-30T10:00:00+07:00');
    const orphan = { ...reply(root, 'mồ côi', '2026-11-30T12:00:00+07:00'), threadId: uuid() };
    const threads = groupThreads([late, root, early, orphan]);
    expect(threads).toHaveLength(2);
    expect(threads[0]!.root.id).toBe(root.id);
    expect(threads[0]!.replies.map((c) => c.body)).toEqual(['trước', 'sau']);
    expect(threads[1]!.root).toMatchObject({ body: 'mồ côi', anchor: null, detached: true });
  });

  it('follows edits not yet saved: text typed before an item moves it, deleted text detaches it and sends it to the end', () => {
    const doc = article();
    const a = thread(doc, 'chú trọng');
    const b = thread(doc, 'lượt người');
    const s = suggestion(doc, 'Một giờ', 'Buổi');
    const gone = findText(doc, 'hơn 27.309 lượt người');
    const edited = new Transform(doc).delete(gone.from, gone.to).insert(findText(doc, 'Tỉnh Lai Châu').from, schema.text('Sáng nay, ')).doc;
    const items = placeReviewItems(edited, [a, b], [s]);
    expect(items.map((i) => i.id)).toEqual([a.id, s.id, b.id]);
    expect(items[0]!.anchor!.from).toBe(a.anchor!.from + 'Sáng nay, '.length);
    expect(edited.textBetween(items[0]!.anchor!.from, items[0]!.anchor!.to)).toBe('chú trọng');
    expect(items[2]).toMatchObject({ detached: true, anchor: null });
    const groups = groupReviewItems(items);
    expect(groups.open.map((i) => i.id)).toEqual([a.id, s.id]);
    expect(groups.detached.map((i) => i.id)).toEqual([b.id]);
  });

  it('prefers where an item was last found over its stored place, so repeated words do not swap', () => {
    const doc = article();
    const second = thread(doc, 'cán bộ được');
    // Stored anchor says the first "cán bộ" (lead) by position only; the known place says the body one.
    const stored = { ...second, anchor: { ...createAnchor(doc, findText(doc, 'cán bộ.').from, findText(doc, 'cán bộ.').from + 'cán bộ'.length) } };
    const known = new Map([[second.id, second.anchor!]]);
    const [item] = placeReviewItems(doc, [stored], [], { known });
    expect(item!.anchor!.from).toBe(second.anchor!.from);
    expect(anchorsById([item!]).get(second.id)!.from).toBe(second.anchor!.from);
  });

  it('places a suggestion suggest mode is still typing by its context instead of taking it for detached', () => {
    const doc = article();
    const s = suggestion(doc, 'thận trọng', '');
    const typed = new Transform(doc).delete(s.anchor.from, s.anchor.to).doc; // the editor already shows it deleted
    const [notTyping] = placeReviewItems(typed, [], [s]);
    expect(notTyping).toMatchObject({ detached: true });
    const [typing] = placeReviewItems(typed, [], [s], { typing: new Set([s.id]) });
    expect(typing!.detached).toBe(false);
    expect(typing!.anchor).toMatchObject({ from: s.anchor.from, to: s.anchor.from });
  });

  it('folds resolved threads away and lists only open suggestions', () => {
    const doc = article();
    const open = thread(doc, 'chú trọng');
    const done = { ...thread(doc, 'thận trọng'), resolvedAt: '2026-11-30T12:00:00+07:00', resolvedBy: AUTHOR };
    const rejected = { ...suggestion(doc, 'Một giờ', 'Buổi'), status: 'rejected' as const };
    const groups = groupReviewItems(placeReviewItems(doc, [open, done], [rejected]));
    expect(groups.open.map((i) => i.id)).toEqual([open.id]);
    expect(groups.resolved.map((i) => i.id)).toEqual([done.id]);
    expect(groups.detached).toEqual([]);
  });

  it('finds the items under the caret or a selection; resolved threads are never highlighted', () => {
    const doc = article();
    const a = thread(doc, 'chú trọng đào tạo');
    const b = thread(doc, 'đào tạo cán bộ.');
    const done = { ...thread(doc, 'Lai Châu'), resolvedAt: '2026-11-30T12:00:00+07:00', resolvedBy: AUTHOR };
    const items = placeReviewItems(doc, [a, b, done], []);
    const overlap = findText(doc, 'đào tạo cán');
    expect(itemsAtSelection(items, overlap.from + 2, overlap.from + 2).sort()).toEqual([a.id, b.id].sort()); // inside both
    expect(itemsAtSelection(items, a.anchor!.from, a.anchor!.from)).toEqual([a.id]); // at the edge
    expect(itemsAtSelection(items, findText(doc, 'Tỉnh').from, findText(doc, 'Tỉnh').to)).toEqual([]);
    expect(itemsAtSelection(items, done.anchor!.from + 1, done.anchor!.from + 1)).toEqual([]);
  });

  it('widens a one-letter suggestion to its word for selecting, describing and placing it', () => {
    const doc = schema.node('doc', null, [
      schema.node('headline', null, [schema.text('Tít')]),
      schema.node('lead', null, [schema.text('Triển khai thưc hiện theo tinh thần Nghị quyết 05-NQ/TU của Ban Chấp hành.')]),
      schema.node('body', null, [schema.node('paragraph', null, [schema.text('Thân.')])]),
      schema.node('byline', null, [schema.node('author', null, [schema.text('A')])]),
    ]);
    const s = suggestion(doc, 'thưc', 'thực');
    const [item] = placeReviewItems(doc, [], [s]);
    const range = itemRange(item!)!;
    expect(doc.textBetween(range.from, range.to)).toBe('thưc');
    expect(itemsAtSelection([item!], range.from, range.from)).toEqual([s.id]);
    expect(changeInWords({ prefix: 'khai th', suffix: 'c hiện' }, 'ư', 'ự')).toEqual({ removed: 'thưc', inserted: 'thực' });
    expect(changeInWords({ prefix: 'khai ', suffix: ' hiện' }, 'thưc', 'thực')).toEqual({ removed: 'thưc', inserted: 'thực' });
    expect(changeInWords({ prefix: 'khai', suffix: ' hiện' }, '', ' nhanh')).toEqual({ removed: '', inserted: 'khai nhanh' });
    expect(suggestionContext(s.anchor)).toBe('Triển khai thưc hiện theo tinh…');
    expect(suggestionContext({ prefix: 'bồi dưỡng được tỉnh quan tâm triển khai th', quote: 'ư', suffix: 'c hiện theo tinh thần Nghị quyết' })).toBe('…tâm triển khai thưc hiện theo tinh…');
    expect(suggestionContext({ prefix: 'Đoạn trước.\nĐầu đoạn ', quote: '', suffix: 'sau' })).toBe('Đầu đoạn sau');
  });

  it('changes its layout signature only when what the pane shows changes, not when text moves', () => {
    const doc = article();
    const a = thread(doc, 'chú trọng');
    const before = placeReviewItems(doc, [a], []);
    const moved = placeReviewItems(new Transform(doc).insert(findText(doc, 'Tỉnh').from, schema.text('Sáng nay, ')).doc, [a], []);
    expect(layoutSignature(moved)).toBe(layoutSignature(before));
    const gone = placeReviewItems(new Transform(doc).delete(a.anchor!.from, a.anchor!.to).doc, [a], []);
    expect(layoutSignature(gone)).not.toBe(layoutSignature(before));
  });
});
