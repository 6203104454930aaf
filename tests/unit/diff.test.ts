import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
import { diffDocuments, inlineDiff } from '../../src/shared/review/diff';

const a = createDocument({
  headline: 'Từng bước đáp ứng yêu cầu',
  lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
  paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.', 'Đoạn thứ hai.'],
  authors: ['Tiến Thành'],
});

describe('diff', () => {
  it('finds nothing between equal documents', () => {
    expect(diffDocuments(a, a)).toEqual([]);
  });

  it('reports insertions and deletions per part, inline', () => {
    const b = createDocument({
      headline: 'Từng bước đáp ứng tốt yêu cầu',
      lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
      paragraphs: ['Cải cách hành chính là nhiệm vụ.', 'Đoạn thứ hai.'],
      authors: ['Tiến Thành', 'Minh An'],
    });
    const changes = diffDocuments(a, b);
    expect(changes.map((c) => c.part)).toEqual(['headline', 'body', 'byline']);
    expect(changes[0]).toMatchObject({ deleted: '', inserted: 'tốt ' });
    expect(changes[1]!.deleted).toContain('trọng tâm');
    const parts = inlineDiff(a, b);
    expect(parts.find((p) => p.part === 'headline')!.segments).toEqual([
      { kind: 'same', text: 'Từng bước đáp ứng ' },
      { kind: 'inserted', text: 'tốt ' },
      { kind: 'same', text: 'yêu cầu' },
    ]);
    expect(parts.find((p) => p.part === 'lead')!.segments).toEqual([{ kind: 'same', text: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.' }]);
    const body = parts.find((p) => p.part === 'body')!.segments;
    expect(body.filter((s) => s.kind === 'deleted').map((s) => s.text).join('')).toContain('trọng tâm');
    expect(body.filter((s) => s.kind === 'inserted').map((s) => s.text).join('')).not.toContain('trọng tâm');
  });

  it('sees formatting and caption changes', () => {
    const tr = EditorState.create({ doc: a }).tr.addMark(40, 45, schema.marks.strong!.create());
    const changes = diffDocuments(a, tr.doc);
    expect(changes.length).toBeGreaterThan(0);
    const fig = (caption: string) =>
      schema.node('doc', null, [
        a.child(0),
        a.child(1),
        schema.node('body', null, [schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption', null, [schema.text(caption)]), schema.node('credit')])]),
        a.child(3),
      ]);
    const c = diffDocuments(fig('Ảnh hội nghị'), fig('Ảnh hội nghị tỉnh'));
    expect(c).toEqual([expect.objectContaining({ part: 'caption', inserted: ' tỉnh', deleted: '' })]);
  });
});
