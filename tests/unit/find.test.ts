import { describe, expect, it } from 'vitest';
import { EditorState, type Transaction } from 'prosemirror-state';
import { history, undo, undoDepth } from 'prosemirror-history';
import { createDocument } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
import type { Node as PMNode } from 'prosemirror-model';
import type { Command, Plugin } from 'prosemirror-state';

const PLUGINS = '../../src/renderer/src/editor/plugins/';
type Match = { from: number; to: number };
const { findMatches } = (await import(`${PLUGINS}find/search`)) as { findMatches: (doc: PMNode, query: string, o: { ignoreMarks: boolean }) => Match[] };
const { findAction, findNext, findStatePlugin, getFindState, replaceAll, replaceCurrent } = (await import(`${PLUGINS}find/find-plugin`)) as {
  findAction: (tr: Transaction, action: { open?: boolean; query?: string; ignoreMarks?: boolean }) => Transaction;
  findNext: Command;
  findStatePlugin: () => Plugin;
  getFindState: (state: EditorState) => { matches: Match[]; current: number };
  replaceAll: (text: string) => Command;
  replaceCurrent: (text: string) => Command;
};
const { historyBoundaryPlugin } = (await import(`${PLUGINS}history-boundary`)) as { historyBoundaryPlugin: () => Plugin };

const doc = createDocument({
  headline: 'Đào tạo cán bộ',
  lead: 'Công tác ĐÀO TẠO được quan tâm.',
  paragraphs: ['Đào tạo, bồi dưỡng; dao tao lại.', 'Không có gì.'],
});

const texts = (d: typeof doc, ms: { from: number; to: number }[]) => ms.map((m) => d.textBetween(m.from, m.to));

describe('findMatches', () => {
  it('matches case-insensitively but respects marks by default', () => {
    expect(texts(doc, findMatches(doc, 'đào tạo', { ignoreMarks: false }))).toEqual(['Đào tạo', 'ĐÀO TẠO', 'Đào tạo']);
  });

  it('ignores Vietnamese marks and đ when asked, mapping matches back to the original text', () => {
    expect(texts(doc, findMatches(doc, 'dao tao', { ignoreMarks: true }))).toEqual(['Đào tạo', 'ĐÀO TẠO', 'Đào tạo', 'dao tao']);
    expect(texts(doc, findMatches(doc, 'đào tạo', { ignoreMarks: true }))).toHaveLength(4);
  });

  it('finds across marks and accepts a decomposed (NFD) query', () => {
    const strong = schema.marks.strong!.create();
    const d = schema.node('doc', null, [
      schema.node('headline'),
      schema.node('lead'),
      schema.node('body', null, [schema.node('paragraph', null, [schema.text('Tiế'), schema.text('ng Việt', [strong])])]),
      schema.node('byline', null, [schema.node('author')]),
    ]);
    expect(texts(d, findMatches(d, 'Tiếng'.normalize('NFD'), { ignoreMarks: false }))).toEqual(['Tiếng']);
  });

  it('never matches through a line break', () => {
    const d = schema.node('doc', null, [
      schema.node('headline'),
      schema.node('lead'),
      schema.node('body', null, [schema.node('paragraph', null, [schema.text('ab'), schema.node('hard_break'), schema.text('cd')])]),
      schema.node('byline', null, [schema.node('author')]),
    ]);
    expect(findMatches(d, 'bc', { ignoreMarks: false })).toEqual([]);
    expect(texts(d, findMatches(d, 'cd', { ignoreMarks: false }))).toEqual(['cd']);
  });
});

describe('find and replace commands', () => {
  function setup() {
    let state = EditorState.create({ doc, plugins: [findStatePlugin(), historyBoundaryPlugin(), history()] });
    const dispatch = (tr: Transaction) => (state = state.apply(tr));
    return { get state() { return state; }, dispatch };
  }

  it('replace-all is one undo step and keeps text NFC', () => {
    const s = setup();
    s.dispatch(findAction(s.state.tr, { open: true, query: 'dao tao', ignoreMarks: true }));
    expect(getFindState(s.state).matches).toHaveLength(4);
    expect(replaceAll('Huấn luyện'.normalize('NFD'))(s.state, s.dispatch)).toBe(true);
    expect(s.state.doc.child(0).textContent).toBe('Huấn luyện cán bộ');
    expect(s.state.doc.child(2).child(0).textContent).toBe('Huấn luyện, bồi dưỡng; Huấn luyện lại.');
    expect(getFindState(s.state).matches).toHaveLength(0);
    expect(undoDepth(s.state)).toBe(1);
    undo(s.state, s.dispatch);
    expect(s.state.doc.eq(doc)).toBe(true);
  });

  it('steps through matches and replaces the current one', () => {
    const s = setup();
    s.dispatch(findAction(s.state.tr, { open: true, query: 'đào tạo' }));
    findNext(s.state, s.dispatch);
    const first = getFindState(s.state).current;
    findNext(s.state, s.dispatch);
    expect(getFindState(s.state).current).toBe(first + 1);
    replaceCurrent('X')(s.state, s.dispatch);
    expect(getFindState(s.state).matches).toHaveLength(2);
    expect(s.state.doc.child(1).textContent).toBe('Công tác X được quan tâm.');
  });
});
