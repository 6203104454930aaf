import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
import { createAnchor, mapAnchor, resolveAnchor } from '../../src/shared/review/anchors';
import { buildTextIndex, indexAt, rangeOf } from '../../src/shared/review/text-index';
import type { Node as PMNode } from 'prosemirror-model';

const doc = createDocument({
  headline: 'Từng bước đáp ứng yêu cầu',
  lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
  paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.', 'Cải cách hành chính cần kiên trì.'],
  authors: ['Tiến Thành'],
});

function find(d: PMNode, text: string, nth = 0): { from: number; to: number } {
  const index = buildTextIndex(d);
  let at = -1;
  for (let k = 0; k <= nth; k++) at = index.text.indexOf(text, at + 1);
  if (at < 0) throw new Error(`"${text}" not found`);
  return rangeOf(index, at, at + text.length);
}

function withFigure(): PMNode {
  const body = schema.node('body', null, [
    schema.node('paragraph', null, [schema.text('Đoạn một.')]),
    schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption', null, [schema.text('Ảnh hội nghị')]), schema.node('credit', null, [schema.text('Ảnh: T.T')])]),
  ]);
  return schema.node('doc', null, [doc.child(0), doc.child(1), body, doc.child(3)]);
}

describe('text index', () => {
  it('maps every character back to its document position', () => {
    const index = buildTextIndex(doc);
    const { from, to } = find(doc, 'Sở Nội vụ');
    expect(doc.textBetween(from, to)).toBe('Sở Nội vụ');
    expect(index.text.slice(indexAt(index, from), indexAt(index, to))).toBe('Sở Nội vụ');
  });
});

describe('anchors', () => {
  it('quotes the selection with context and names the part, headline to caption', () => {
    const h = find(doc, 'đáp ứng');
    expect(createAnchor(doc, h.from, h.to)).toMatchObject({ quote: 'đáp ứng', part: 'headline', prefix: 'Từng bước ' });
    const l = find(doc, 'Sở Nội vụ');
    expect(createAnchor(doc, l.from, l.to).part).toBe('lead');
    const d = withFigure();
    const c = find(d, 'Ảnh hội');
    expect(createAnchor(d, c.from, c.to).part).toBe('caption');
    const cr = find(d, 'T.T');
    expect(createAnchor(d, cr.from, cr.to).part).toBe('credit');
  });

  it('quotes a range ending where a paragraph ends without the line break; across paragraphs keeps it', () => {
    const whole = find(doc, 'Cải cách hành chính là nhiệm vụ trọng tâm.');
    const a = createAnchor(doc, whole.from, whole.to);
    expect(a.quote).toBe('Cải cách hành chính là nhiệm vụ trọng tâm.');
    expect(a.suffix.startsWith('\nCải cách hành chính cần')).toBe(true);
    expect(resolveAnchor(doc, a)).toMatchObject(whole);
    const across = find(doc, 'trọng tâm.\nCải cách');
    expect(createAnchor(doc, across.from, across.to).quote).toBe('trọng tâm.\nCải cách');
  });

  it('maps through typing before, inside and at the edges of the anchored text', () => {
    const r = find(doc, 'nhiệm vụ');
    const anchor = createAnchor(doc, r.from, r.to);
    let state = EditorState.create({ doc });
    // typing before the anchor moves it; typing at its start stays outside
    const tr = state.tr.insertText('XX', 2).insertText('«', r.from + 2);
    state = state.apply(tr);
    const mapped = mapAnchor(anchor, tr.mapping, state.doc)!;
    expect(mapped.quote).toBe('nhiệm vụ');
    expect(state.doc.textBetween(mapped.from, mapped.to)).toBe('nhiệm vụ');
    // typing inside grows it
    const tr2 = state.tr.insertText('ABC', mapped.from + 3);
    state = state.apply(tr2);
    expect(mapAnchor(mapped, tr2.mapping, state.doc)!.quote).toBe('nhiABCệm vụ');
  });

  it('returns null (detached) when the anchored text is deleted, and keeps partial deletions', () => {
    const r = find(doc, 'nhiệm vụ');
    const anchor = createAnchor(doc, r.from, r.to);
    const state = EditorState.create({ doc });
    const partial = state.tr.delete(r.from, r.from + 4);
    expect(mapAnchor(anchor, partial.mapping, partial.doc)!.quote).toBe('m vụ');
    const whole = state.tr.delete(r.from - 3, r.to + 2);
    expect(mapAnchor(anchor, whole.mapping, whole.doc)).toBeNull();
  });

  it('re-anchors by quote and context after the document was replaced (reload, import)', () => {
    const second = find(doc, 'Cải cách hành chính', 1);
    const anchor = createAnchor(doc, second.from, second.to);
    // a new paragraph at the top shifts every position; the repeated phrase must resolve to the second one
    const edited = createDocument({
      headline: 'Từng bước đáp ứng yêu cầu',
      lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
      paragraphs: ['Đoạn mới chèn vào.', 'Cải cách hành chính là nhiệm vụ trọng tâm.', 'Cải cách hành chính cần kiên trì.'],
      authors: ['Tiến Thành'],
    });
    const found = resolveAnchor(edited, anchor)!;
    expect(found.quote).toBe('Cải cách hành chính');
    expect(found.from).toBe(find(edited, 'Cải cách hành chính', 1).from);
  });

  it('re-anchors a quote whose diacritics were corrected, and detaches one whose text is gone', () => {
    const r = find(doc, 'kiên trì');
    const anchor = createAnchor(doc, r.from, r.to);
    const corrected = createDocument({ paragraphs: ['Cải cách hành chính cần kiên tri.'] });
    expect(resolveAnchor(corrected, anchor)!.quote).toBe('kiên tri');
    const gone = createDocument({ paragraphs: ['Một bài khác hẳn.'] });
    expect(resolveAnchor(gone, anchor)).toBeNull();
  });

  it('survives a selection across two paragraphs', () => {
    const a = find(doc, 'trọng tâm.');
    const b = find(doc, 'Cải cách', 1);
    const anchor = createAnchor(doc, a.from, b.to);
    expect(anchor.quote).toBe('trọng tâm.\nCải cách');
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 1) });
    const tr = state.tr.insertText('Mới: ', 1);
    const moved = resolveAnchor(tr.doc, anchor)!;
    expect(tr.doc.textBetween(moved.from, moved.to, '\n')).toBe('trọng tâm.\nCải cách');
  });
});
