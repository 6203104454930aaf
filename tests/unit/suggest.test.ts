import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { toggleMark, splitBlock } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
import { applyChange, describeChange, proposeFromTransform, SuggestionError, type ProposedChange } from '../../src/shared/review/suggest';
import { buildTextIndex, rangeOf } from '../../src/shared/review/text-index';

const doc = createDocument({
  headline: 'Từng bước đáp ứng yêu cầu',
  lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.',
  paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.'],
  authors: ['Tiến Thành'],
});

function find(d: PMNode, text: string): { from: number; to: number } {
  const index = buildTextIndex(d);
  const at = index.text.indexOf(text);
  if (at < 0) throw new Error(`"${text}" not found`);
  return rangeOf(index, at, at + text.length);
}

/** Run an edit as the editor would, then turn it into suggestions instead of applying it. */
function suggest(d: PMNode, edit: (state: EditorState) => EditorState['tr']): ProposedChange[] {
  const state = EditorState.create({ doc: d });
  const tr = edit(state);
  const proposals = proposeFromTransform(d, tr.steps);
  if (!proposals) throw new Error('not suggestible');
  return proposals;
}

function acceptAll(d: PMNode, proposals: ProposedChange[]): PMNode {
  let current = d;
  for (const p of [...proposals].sort((a, b) => b.anchor.from - a.anchor.from)) current = applyChange(current, p).transform.doc;
  return current;
}

describe('suggestions', () => {
  it('records an insertion in the headline (a part without marks) and accepting it applies it', () => {
    const at = find(doc, 'yêu cầu').to;
    const proposals = suggest(doc, (s) => s.tr.insertText(' mới', at));
    expect(proposals).toHaveLength(1);
    expect(describeChange(proposals[0]!)).toEqual({ kind: 'insert', removed: '', inserted: ' mới' });
    expect(proposals[0]!.anchor.part).toBe('headline');
    expect(acceptAll(doc, proposals).child(0).textContent).toBe('Từng bước đáp ứng yêu cầu mới');
  });

  it('records replacing two words as one suggestion, not a scatter of letters', () => {
    const r = find(doc, 'trọng tâm');
    const proposals = suggest(doc, (s) => s.tr.insertText('then chốt', r.from, r.to));
    expect(proposals).toHaveLength(1);
    expect(describeChange(proposals[0]!)).toEqual({ kind: 'replace', removed: 'trọng tâm', inserted: 'then chốt' });
  });

  it('records a replacement in the lead and a deletion in the body', () => {
    const r = find(doc, 'Sở Nội vụ');
    const d = find(doc, ' trọng tâm');
    const proposals = suggest(doc, (s) => s.tr.insertText('UBND tỉnh', r.from, r.to).delete(d.from + ('UBND tỉnh'.length - 'Sở Nội vụ'.length), d.to + ('UBND tỉnh'.length - 'Sở Nội vụ'.length)));
    const kinds = proposals.map((p) => describeChange(p).kind);
    expect(kinds).toContain('delete');
    const after = acceptAll(doc, proposals);
    expect(after.child(1).textContent).toBe('Sáng 10/6, UBND tỉnh tổ chức hội nghị.');
    expect(after.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ.');
  });

  it('records formatting as a mark suggestion and undoes an acceptance with its inverse', () => {
    const r = find(doc, 'nhiệm vụ');
    const proposals = suggest(doc, (s) => {
      const sel = s.apply(s.tr.setSelection(TextSelection.create(s.doc, r.from, r.to)));
      let out: EditorState['tr'] | null = null;
      toggleMark(schema.marks.strong!)(sel, (tr) => (out = tr));
      return out!;
    });
    expect(proposals).toEqual([expect.objectContaining({ change: { type: 'mark', action: 'add', mark: { type: 'strong' } } })]);
    const applied = applyChange(doc, proposals[0]!);
    const bold = applied.transform.doc;
    expect(bold.rangeHasMark(r.from, r.to, schema.marks.strong!)).toBe(true);
    const undone = applyChange(bold, applied.inverse).transform.doc;
    expect(undone.eq(doc)).toBe(true);
  });

  it('undoes an accepted replacement exactly', () => {
    const r = find(doc, 'hành chính');
    const [p] = suggest(doc, (s) => s.tr.insertText('công vụ', r.from, r.to));
    const applied = applyChange(doc, p!);
    expect(applied.transform.doc.child(2).textContent).toBe('Cải cách công vụ là nhiệm vụ trọng tâm.');
    expect(applyChange(applied.transform.doc, applied.inverse).transform.doc.eq(doc)).toBe(true);
  });

  it('records splitting a paragraph (Enter) and applies it', () => {
    const at = find(doc, 'là nhiệm').from;
    const proposals = suggest(doc, (s) => {
      const sel = s.apply(s.tr.setSelection(TextSelection.create(s.doc, at)));
      let out: EditorState['tr'] | null = null;
      splitBlock(sel, (tr) => (out = tr));
      return out!;
    });
    const after = acceptAll(doc, proposals);
    expect(after.child(2).childCount).toBe(2);
    expect(after.child(2).child(1).textContent).toBe('là nhiệm vụ trọng tâm.');
  });

  it('still lands on its text after unrelated edits elsewhere', () => {
    const r = find(doc, 'trọng tâm');
    const [p] = suggest(doc, (s) => s.tr.insertText('then chốt', r.from, r.to));
    const edited = EditorState.create({ doc }).tr.insertText('Tin nóng: ', 1).doc;
    expect(applyChange(edited, p!).transform.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
  });

  it('refuses to apply a suggestion whose text is gone, and one that breaks the schema', () => {
    const r = find(doc, 'trọng tâm');
    const [p] = suggest(doc, (s) => s.tr.insertText('then chốt', r.from, r.to));
    const other = createDocument({ paragraphs: ['Không còn câu đó.'] });
    expect(() => applyChange(other, p!)).toThrow(SuggestionError);
    const bad: ProposedChange = { anchor: p!.anchor, change: { type: 'replace', insert: { content: [{ type: 'nonsense' }] } } };
    expect(() => applyChange(doc, bad)).toThrow(SuggestionError);
    const boldHeadline: ProposedChange = { anchor: { ...p!.anchor }, change: { type: 'mark', action: 'add', mark: { type: 'no-such-mark' } } };
    expect(() => applyChange(doc, boldHeadline)).toThrow(SuggestionError);
  });

  it('declines transactions it cannot express (a figure attribute change)', () => {
    const body = schema.node('body', null, [schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption'), schema.node('credit')])]);
    const d = schema.node('doc', null, [doc.child(0), doc.child(1), body, doc.child(3)]);
    let figurePos = -1;
    d.descendants((n, pos) => {
      if (n.type.name === 'figure') figurePos = pos;
    });
    const tr = EditorState.create({ doc: d }).tr.setNodeAttribute(figurePos, 'alt', 'Mô tả');
    expect(proposeFromTransform(d, tr.steps)).toBeNull();
  });
});
