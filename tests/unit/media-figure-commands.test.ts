import { describe, expect, it } from 'vitest';
import { EditorState, NodeSelection, TextSelection, type Command } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { createDocument } from '../../src/shared/document';

// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
const FIGURE = '../../src/renderer/src/editor/figure/';
type Prefill = { caption: string; credit: string; alt: string };
const commands = (await import(`${FIGURE}commands`)) as {
  createFigure: (mediaId: string, prefill: Prefill) => PMNode;
  figureInsertPos: (doc: PMNode, pos: number, mode?: 'caret' | 'drop') => number;
  insertFigures: (tr: EditorState['tr'], pos: number, figures: PMNode[]) => EditorState['tr'];
  moveFigure: (pos: number, direction: -1 | 1) => Command;
  moveSelectedFigure: (direction: -1 | 1) => Command;
  removeFigure: (pos: number) => Command;
  replaceFigureImage: (pos: number, mediaId: string, prefill: Prefill) => Command;
  copyCaptionToAlt: (pos: number) => Command;
  figureMediaIds: (doc: PMNode) => string[];
};

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

function bodyTypes(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.child(2).forEach((n) => out.push(n.type.name === 'figure' ? `figure:${(n.attrs.mediaId as string).slice(0, 1)}` : n.textContent));
  return out;
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

function posOfFigure(state: EditorState, index: number): number {
  let found = -1;
  let seen = 0;
  state.doc.descendants((node, pos) => {
    if (node.type.name === 'figure') {
      if (seen === index) found = pos;
      seen++;
    }
    return node.type.name !== 'figure';
  });
  return found;
}

function withFigures(): EditorState {
  let state = EditorState.create({ doc: createDocument({ headline: 'Tít', lead: 'Sapo', paragraphs: ['Một', 'Hai'] }) });
  const after = commands.figureInsertPos(state.doc, state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 2);
  const tr = commands.insertFigures(state.tr, after, [
    commands.createFigure(A, { caption: 'Chú thích A', credit: 'Ảnh: X', alt: '' }),
    commands.createFigure(B, { caption: 'Chú thích\nB', credit: '', alt: '' }),
  ]);
  state = state.apply(tr);
  return state;
}

describe('figure commands', () => {
  it('inserts figures after the block holding the caret, in order, with NFC single-line captions', () => {
    const state = withFigures();
    expect(bodyTypes(state)).toEqual(['Một', 'figure:a', 'figure:b', 'Hai']);
    expect(state.doc.child(2).child(2).child(0).textContent).toBe('Chú thích B');
    expect(state.selection).toBeInstanceOf(NodeSelection);
    state.doc.check();
  });

  it('puts a figure for a caret in the headline or lead at the start of the body', () => {
    const doc = createDocument({ headline: 'Tít', lead: 'Sapo', paragraphs: ['Một'] });
    const bodyStart = doc.child(0).nodeSize + doc.child(1).nodeSize + 1;
    expect(commands.figureInsertPos(doc, 2)).toBe(bodyStart);
    expect(commands.figureInsertPos(doc, doc.content.size - 1)).toBe(bodyStart + doc.child(2).content.size);
  });

  it('replaces an empty paragraph that held the caret instead of leaving a blank line', () => {
    let state = EditorState.create({ doc: createDocument({ headline: 'Tít', paragraphs: ['Một', ''] }) });
    const emptyPara = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1 + state.doc.child(2).child(0).nodeSize + 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, emptyPara)));
    const at = commands.figureInsertPos(state.doc, state.selection.from);
    state = state.apply(commands.insertFigures(state.tr, at, [commands.createFigure(C, { caption: 'c', credit: '', alt: '' })]));
    expect(bodyTypes(state)).toEqual(['Một', 'figure:c']);
  });

  it('moves a figure up and down through the body and stops at the ends', () => {
    let state = withFigures();
    state = run(state, commands.moveFigure(posOfFigure(state, 0), -1));
    expect(bodyTypes(state)).toEqual(['figure:a', 'Một', 'figure:b', 'Hai']);
    expect(commands.moveFigure(posOfFigure(state, 0), -1)(state)).toBe(false);
    state = run(state, commands.moveFigure(posOfFigure(state, 1), 1));
    expect(bodyTypes(state)).toEqual(['figure:a', 'Một', 'Hai', 'figure:b']);
    expect(commands.moveFigure(posOfFigure(state, 1), 1)(state)).toBe(false);
    // From the keyboard, with the caret in a caption.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOfFigure(state, 1) + 3)));
    state = run(state, commands.moveSelectedFigure(-1));
    expect(bodyTypes(state)).toEqual(['figure:a', 'Một', 'figure:b', 'Hai']);
    expect((state.selection as NodeSelection).node.attrs.mediaId).toBe(B);
  });

  it('removes a figure and never leaves the body empty', () => {
    let state = EditorState.create({ doc: createDocument({ headline: 'Tít', paragraphs: [''] }) });
    const inEmptyParagraph = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 2;
    const at = commands.figureInsertPos(state.doc, inEmptyParagraph);
    state = state.apply(commands.insertFigures(state.tr, at, [commands.createFigure(A, { caption: 'x', credit: '', alt: '' })]));
    expect(bodyTypes(state)).toEqual(['figure:a']);
    state = run(state, commands.removeFigure(posOfFigure(state, 0)));
    expect(bodyTypes(state)).toEqual(['']);
    state.doc.check();
  });

  it('replaces the photo keeping caption, credit and alt; fills only what was empty', () => {
    let state = withFigures();
    state = run(state, commands.replaceFigureImage(posOfFigure(state, 1), C, { caption: 'mới', credit: 'Ảnh: Mới', alt: '' }));
    const figure = state.doc.nodeAt(posOfFigure(state, 1))!;
    expect(figure.attrs.mediaId).toBe(C);
    expect(figure.child(0).textContent).toBe('Chú thích B');
    expect(figure.child(1).textContent).toBe('Ảnh: Mới');
  });

  it('copies the caption to the alt text in one step', () => {
    let state = withFigures();
    state = run(state, commands.copyCaptionToAlt(posOfFigure(state, 0)));
    expect(state.doc.nodeAt(posOfFigure(state, 0))!.attrs.alt).toBe('Chú thích A');
    expect(commands.figureMediaIds(state.doc)).toEqual([A, B]);
  });
});
