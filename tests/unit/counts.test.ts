import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
import { countWords } from '../../src/shared/text';
// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
import type { Node as PMNode } from 'prosemirror-model';
import type { LengthTarget } from '../../src/shared/article';

const PLUGINS = '../../src/renderer/src/editor/plugins/';
type Tally = { words: number; characters: number };
type PartCounts = { headline: Tally; lead: Tally; body: Tally; captions: Tally[]; total: Tally };
const { countParts, countSelection } = (await import(`${PLUGINS}counts/count-parts`)) as {
  countParts: (doc: PMNode) => PartCounts;
  countSelection: (doc: PMNode, from: number, to: number) => Tally | null;
};
const { checkTargets, effectiveTarget } = (await import(`${PLUGINS}counts/targets`)) as {
  checkTargets: (counts: PartCounts, limits: object) => object;
  effectiveTarget: (target: LengthTarget | undefined) => object;
};

const figure = (caption: string, credit: string) =>
  schema.node('figure', null, [schema.node('caption', null, caption ? [schema.text(caption)] : []), schema.node('credit', null, credit ? [schema.text(credit)] : [])]);

const doc = schema.node('doc', null, [
  schema.node('headline', null, [schema.text('Đào tạo hơn 27.309 lượt người')]),
  schema.node('lead', null, [schema.text('Tỷ lệ đạt 40,1% – tăng mạnh.')]),
  schema.node('body', null, [
    schema.node('paragraph', null, [schema.text('Một hai ba.')]),
    figure('Quang cảnh hội nghị', 'Ảnh: BLC'),
    schema.node('bullet_list', null, [schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('bốn năm')])])]),
  ]),
  schema.node('byline', null, [schema.node('author', null, [schema.text('Nguyễn Văn A')])]),
]);

describe('countParts', () => {
  it('counts chữ per part: numbers with separators are one word, a lone dash none', () => {
    const c = countParts(doc);
    expect(c.headline.words).toBe(6);
    expect(c.lead.words).toBe(6); // the lone dash does not count
    expect(c.body.words).toBe(5);
    expect(c.captions.map((x) => x.words)).toEqual([4]);
    expect(c.headline.characters).toBe('Đào tạo hơn 27.309 lượt người'.length);
  });

  it('gives the same total as counting the whole text at once', () => {
    expect(countParts(doc).total.words).toBe(countWords(doc.textBetween(0, doc.content.size, ' ', ' ')));
  });

  it('follows edits (cached per paragraph, never stale)', () => {
    let state = EditorState.create({ doc: createDocument({ paragraphs: ['một hai', 'ba'] }) });
    expect(countParts(state.doc).body.words).toBe(3);
    state = state.apply(state.tr.insertText(' bốn năm', state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1 + 'một hai'.length + 1));
    expect(state.doc.child(2).child(0).textContent).toBe('một hai bốn năm');
    expect(countParts(state.doc).body.words).toBe(5);
  });

  it('counts a selection', () => {
    const state = EditorState.create({ doc });
    const from = 1;
    const to = 1 + 'Đào tạo hơn'.length;
    const sel = TextSelection.create(state.doc, from, to);
    expect(countSelection(state.doc, sel.from, sel.to)).toEqual({ words: 3, characters: 11 });
    expect(countSelection(state.doc, 3, 3)).toBeNull();
  });
});

describe('length targets', () => {
  it('uses house defaults unless the article sets its own', () => {
    expect(effectiveTarget(undefined)).toMatchObject({ headlineMax: 20, leadMax: 60, captionMax: 40 });
    expect(effectiveTarget({ headlineMax: 4, min: 600, max: 800 })).toMatchObject({ headlineMax: 4, leadMax: 60, min: 600, max: 800 });
  });

  it('flags parts over their limit and an article outside its range', () => {
    const status = checkTargets(countParts(doc), effectiveTarget({ headlineMax: 4, captionMax: 3, min: 100 }));
    expect(status).toEqual({ headlineOver: true, leadOver: false, captionsOver: [0], totalUnder: true, totalOver: false });
  });

  it('does not call a new, empty article too short', () => {
    const empty = schema.node('doc', null, [schema.node('headline'), schema.node('lead'), schema.node('body', null, [schema.node('paragraph')]), schema.node('byline', null, [schema.node('author')])]);
    expect(checkTargets(countParts(empty), effectiveTarget({ min: 500, max: 800 }))).toMatchObject({ totalUnder: false, totalOver: false });
  });
});
