import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Plugin, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { createDocument } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
const PLUGINS = '../../src/renderer/src/editor/plugins/';
const { historyBoundaryPlugin } = (await import(`${PLUGINS}history-boundary`)) as { historyBoundaryPlugin: () => Plugin };
const { isCodeLike, smartPunctuationPlugin } = (await import(`${PLUGINS}smart-punctuation`)) as {
  isCodeLike: (token: string) => boolean;
  smartPunctuationPlugin: () => Plugin;
};

/** A stand-in for EditorView with what the input-rules plugin reads: state, dispatch, composing. */
function fakeView(state: EditorState) {
  const view = {
    state,
    composing: false,
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
    },
  };
  return view;
}

function setup(paragraph = '') {
  const rules = smartPunctuationPlugin();
  let state = EditorState.create({ doc: createDocument({ paragraphs: [paragraph] }), plugins: [rules, historyBoundaryPlugin(), history({ newGroupDelay: 700 })] });
  // Caret at the end of the first body paragraph.
  const body = state.doc.child(2);
  const bodyStart = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, bodyStart + 1 + body.child(0).nodeSize - 1)));
  const view = fakeView(state);
  const handle = (rules as Plugin).props.handleTextInput!;
  /** Type like a keyboard: each character through the input rules, else inserted. */
  const type = (text: string) => {
    for (const ch of text) {
      const { from, to } = view.state.selection;
      const handled = handle.call(rules, view as never, from, to, ch, () => view.state.tr.insertText(ch, from, to));
      if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to));
    }
  };
  const text = () => view.state.doc.child(2).child(0).textContent;
  return { view, type, text };
}

describe('smart punctuation', () => {
  it('curls double and single quotes the way the paper prints them', () => {
    const { type, text } = setup();
    type(`Ông nói: "Tỉnh sẽ làm" và 'cố gắng' (cả "năm").`);
    expect(text()).toBe('Ông nói: “Tỉnh sẽ làm” và ‘cố gắng’ (cả “năm”).');
  });

  it('turns an apostrophe inside a word into ’', () => {
    const { type, text } = setup();
    type("Lai Chau's");
    expect(text()).toBe('Lai Chau’s');
  });

  it('turns -- into an en dash and ... into an ellipsis', () => {
    const { type, text } = setup();
    type('giai đoạn 2011 -- 2015 và còn nữa...');
    expect(text()).toBe('giai đoạn 2011 – 2015 và còn nữa…');
  });

  it('leaves URLs, e-mail addresses and code-like text alone', () => {
    const { type, text } = setup();
    type('https://baolaichau.vn/a--b... toasoan@bao--lc.vn x="1" ');
    expect(text()).toBe('https://baolaichau.vn/a--b... toasoan@bao--lc.vn x="1" ');
  });

  it('recognises code-like tokens', () => {
    for (const t of ['http://x', 'www.baolaichau.vn', 'a=b', 'snake_case', '<b>', 'ten@bao', 'baolaichau.vn/tin']) expect(isCodeLike(t)).toBe(true);
    for (const t of ['', 'Tiếng', '(BLC)', '27.309', '05-NQ/TU', '2011']) expect(isCodeLike(t)).toBe(false);
  });

  it('makes the rule its own undo step: undo takes back the ellipsis, not the typing', () => {
    const { view, type, text } = setup();
    type('Chờ..');
    type('.');
    expect(text()).toBe('Chờ…');
    undo(view.state, view.dispatch);
    expect(text()).toBe('Chờ..');
  });

  it('does not rewrite while an IME composition is running', () => {
    const { view, type, text } = setup();
    view.composing = true;
    type('a--');
    expect(text()).toBe('a--');
  });
});
