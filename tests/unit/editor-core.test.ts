import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
import type { Plugin } from 'prosemirror-state';
import type { ResolvedPos } from 'prosemirror-model';
import type { DecorationSet } from 'prosemirror-view';

// Renderer modules are loaded by path: they belong to the web TypeScript project, not this one.
const EDITOR = '../../src/renderer/src/editor/';
const { backspaceAtPartStart, commands, deleteAtPartEnd, enterAddsAuthor, enterMovesToNextPart, linkRangeAt, removeLink, setLink } = (await import(
  `${EDITOR}commands`
)) as {
  backspaceAtPartStart: Command;
  deleteAtPartEnd: Command;
  enterAddsAuthor: Command;
  enterMovesToNextPart: Command;
  removeLink: Command;
  setLink: (href: string) => Command;
  linkRangeAt: (pos: ResolvedPos) => { from: number; to: number; href: string } | null;
  commands: Record<'bold' | 'heading2' | 'bulletList' | 'undo', Command>;
};
const { nfcPlugin } = (await import(`${EDITOR}nfc`)) as { nfcPlugin: () => Plugin };
const { placeholderPlugin } = (await import(`${EDITOR}placeholders`)) as { placeholderPlugin: (texts: () => Record<string, string>) => Plugin<DecorationSet> };
const { shortcutLabel } = (await import(`${EDITOR}keymap`)) as { shortcutLabel: (key: string) => string };

const doc = () => createDocument({ headline: 'Tít bài', lead: 'Sapo', paragraphs: ['Một', 'Hai'], authors: ['Nguyễn Văn A'] });

/** Position of the first occurrence of `text` in the document (+ offset inside it). */
function posOf(state: EditorState, text: string, offset = 0): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset;
  });
  if (found < 0) throw new Error(`no ${text}`);
  return found;
}

function stateAt(text: string, offset = 0, plugins = [nfcPlugin()]): EditorState {
  const state = EditorState.create({ doc: doc(), schema, plugins });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state, text, offset))));
}

function run(state: EditorState, command: Command): { applied: boolean; state: EditorState } {
  let next = state;
  const applied = command(state, (tr) => (next = state.apply(tr)));
  return { applied, state: next };
}

const partOf = (state: EditorState) => state.selection.$from.node(1).type.name;

describe('article editor commands', () => {
  it('Enter in the headline moves to the lead without splitting either', () => {
    const { applied, state } = run(stateAt('Tít', 3), enterMovesToNextPart);
    expect(applied).toBe(true);
    expect(partOf(state)).toBe('lead');
    expect(state.doc.child(0).textContent).toBe('Tít bài');
    expect(state.doc.child(1).textContent).toBe('Sapo');
  });

  it('Enter in the lead moves to the body', () => {
    const { state } = run(stateAt('Sapo', 4), enterMovesToNextPart);
    expect(partOf(state)).toBe('body');
    expect(state.selection.$from.parent.textContent).toBe('Một');
  });

  it('Enter in the body is not taken over', () => {
    expect(run(stateAt('Một', 1), enterMovesToNextPart).applied).toBe(false);
  });

  it('Backspace at the start of the lead never merges it into the headline', () => {
    const { applied, state } = run(stateAt('Sapo'), backspaceAtPartStart);
    expect(applied).toBe(true);
    expect(state.doc.eq(doc())).toBe(true);
  });

  it('Backspace at the start of the body and of the first author is swallowed too', () => {
    expect(run(stateAt('Một'), backspaceAtPartStart).state.doc.eq(doc())).toBe(true);
    expect(run(stateAt('Nguyễn'), backspaceAtPartStart).state.doc.eq(doc())).toBe(true);
  });

  it('Backspace elsewhere is left to the normal join', () => {
    expect(run(stateAt('Hai'), backspaceAtPartStart).applied).toBe(false);
    expect(run(stateAt('Sapo', 2), backspaceAtPartStart).applied).toBe(false);
  });

  it('Backspace at the start of a subheading first in the body turns it into a paragraph', () => {
    const withHeading = run(stateAt('Một'), commands.heading2).state;
    expect(withHeading.doc.child(2).child(0).type.name).toBe('heading');
    const { state } = run(withHeading, backspaceAtPartStart);
    expect(state.doc.child(2).child(0).type.name).toBe('paragraph');
  });

  it('Delete at the end of a part never pulls the next part in', () => {
    expect(run(stateAt('Tít bài', 7), deleteAtPartEnd).applied).toBe(true);
    expect(run(stateAt('Một', 3), deleteAtPartEnd).applied).toBe(false); // "Hai" follows in the same part
  });

  it('Enter in a byline name starts another author', () => {
    const { state } = run(stateAt('Nguyễn Văn A', 12), enterAddsAuthor);
    expect(state.doc.child(3).childCount).toBe(2);
    expect(state.selection.$from.parent.type.name).toBe('author');
  });

  it('formatting applies in the body and lead but not in the headline', () => {
    expect(commands.bold(stateAt('Tít', 1))).toBe(false);
    expect(commands.heading2(stateAt('Sapo', 1))).toBe(false);
    expect(commands.bulletList(stateAt('Một', 1))).toBe(true);
    const listed = run(stateAt('Một', 1), commands.bulletList).state;
    expect(listed.doc.child(2).child(0).type.name).toBe('bullet_list');
    // Toggling again lifts it back out.
    expect(run(listed, commands.bulletList).state.doc.child(2).child(0).type.name).toBe('paragraph');
  });

  it('links accept only http, https and mailto, and cover the whole link when removed', () => {
    const base = stateAt('Hai');
    const selected = base.apply(base.tr.setSelection(TextSelection.create(base.doc, posOf(base, 'Hai'), posOf(base, 'Hai', 3))));
    expect(run(selected, setLink('javascript:alert(1)')).applied).toBe(false);
    expect(run(selected, setLink('ftp://example.org/x')).applied).toBe(false);
    const linked = run(selected, setLink('https://baolaichau.vn/')).state;
    const inside = linked.apply(linked.tr.setSelection(TextSelection.create(linked.doc, posOf(linked, 'Hai', 1))));
    expect(linkRangeAt(inside.selection.$from)).toMatchObject({ href: 'https://baolaichau.vn/', to: posOf(linked, 'Hai', 3) });
    const removed = run(inside, removeLink).state;
    expect(removed.doc.rangeHasMark(0, removed.doc.content.size, schema.marks.link!)).toBe(false);
    // Nothing selected: setLink refuses.
    expect(run(base, setLink('https://baolaichau.vn/')).applied).toBe(false);
  });
});

describe('NFC guard', () => {
  it('normalises decomposed text typed or pasted anywhere, keeping marks and the caret', () => {
    const state = stateAt('Hai', 3);
    const nfd = ' Tiếng Việt'.normalize('NFD');
    const tr = state.tr.insertText(nfd).addStoredMark(schema.marks.strong!.create());
    const { state: next } = state.applyTransaction(tr);
    expect(next.doc.child(2).child(1).textContent).toBe('Hai Tiếng Việt'.normalize('NFC'));
    expect(next.doc.child(2).child(1).textContent).not.toBe('Hai' + nfd);
    // The caret stays at the end of the inserted text.
    expect(next.selection.from).toBe(posOf(next, 'Việt', 4));
  });

  it('normalises only the differing span, so text before the caret is untouched', () => {
    const state = stateAt('Một', 0);
    const { state: next } = state.applyTransaction(state.tr.insertText('e\u0301 '));
    expect(next.doc.child(2).child(0).textContent).toBe('é Một');
    expect(next.selection.from).toBe(posOf(next, 'Một'));
  });

  it('leaves NFC text alone (no extra transaction)', () => {
    const state = stateAt('Một', 3);
    const { transactions } = state.applyTransaction(state.tr.insertText(' đã'));
    expect(transactions).toHaveLength(1);
  });
});

describe('placeholders', () => {
  it('labels the empty parts only', () => {
    const texts = { headline: 'Tít bài', lead: 'Sapo', body: 'Nội dung', author: 'Tác giả', caption: 'Chú thích ảnh', credit: 'Nguồn ảnh' };
    const plugin = placeholderPlugin(() => texts);
    const state = EditorState.create({ doc: createDocument(), schema, plugins: [plugin] });
    const decos = plugin.getState(state)!.find();
    expect(decos.map((d: unknown) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-placeholder'])).toEqual([
      'Tít bài',
      'Sapo',
      'Nội dung',
      'Tác giả',
    ]);
    const filled = EditorState.create({ doc: doc(), schema, plugins: [plugin] });
    expect(plugin.getState(filled)!.find()).toHaveLength(0);
  });
});

describe('shortcut labels', () => {
  it('spells shortcuts the Windows/Linux way off macOS', () => {
    expect(shortcutLabel('Mod-Alt-2')).toBe('Ctrl+Alt+2');
    expect(shortcutLabel('Shift-Mod-8')).toBe('Shift+Ctrl+8');
  });
});
