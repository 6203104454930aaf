import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { DOMParser as LinkedomParser } from 'linkedom';
import { DOMParser as PMDOMParser, Fragment, Slice } from 'prosemirror-model';
import { EditorState, TextSelection, type Plugin, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/schema';
import { createDocument } from '../../src/shared/document';
// Renderer sources belong to the web TypeScript project; loading them at run time keeps
// them out of this (node) project's type program. Their types are restated here.
import type { ResolvedPos, Schema } from 'prosemirror-model';

const PLUGINS = '../../src/renderer/src/editor/plugins/';
const { pastePlugin } = (await import(`${PLUGINS}paste/paste-plugin`)) as {
  pastePlugin: (texts: () => { imagesDropped: (n: number) => string; unsafeLinksDropped: (n: number) => string; close: string }) => Plugin;
};
const { fitSliceToPart } = (await import(`${PLUGINS}paste/fit`)) as { fitSliceToPart: (slice: Slice, $at: ResolvedPos, schema: Schema) => Slice };
type InsertPoint = { caret: number; boundary?: number };
const { insertBatch } = (await import(`${PLUGINS}paste/large-paste`)) as {
  insertBatch: (state: EditorState, blocks: PMNode[], at: InsertPoint | null) => { tr: Transaction; at: InsertPoint };
};

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'clipboard');

beforeAll(() => {
  // The plugin parses clipboard HTML with the page's DOMParser; linkedom stands in here.
  (globalThis as { DOMParser?: unknown }).DOMParser = LinkedomParser;
});

const plugin = pastePlugin(() => ({ imagesDropped: String, unsafeLinksDropped: String, close: 'x' })) as Plugin;
const transformHtml = (html: string) => plugin.props.transformPastedHTML!.call(plugin, html, null as never);

const state = EditorState.create({ doc: createDocument({ headline: 'Tít', lead: 'Sapo', paragraphs: ['Một'] }) });
const bodyPos = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 2;

describe('paste: HTML', () => {
  it('hands ProseMirror only clean markup', () => {
    const html = transformHtml(readFileSync(join(FIXTURES, 'hostile.html'), 'utf8'));
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|<iframe|style=/i);
    expect(html).toContain('<a href="https://example.org/ok">liên kết tốt</a>');
  });

  it('passes our own editor’s clipboard through unchanged', () => {
    const own = '<p data-pm-slice="1 1 []">Đoạn <strong>đậm</strong></p>';
    expect(transformHtml(own)).toBe(own);
  });

  it('Word paste parses into schema-valid body content', () => {
    const html = transformHtml(readFileSync(join(FIXTURES, 'word.html'), 'utf8'));
    const el = new LinkedomParser().parseFromString(`<div>${html}</div>`, 'text/html').querySelector('div');
    const slice = PMDOMParser.fromSchema(schema).parseSlice(el as never, { context: state.doc.resolve(bodyPos) });
    const tr = state.tr.replaceRange(bodyPos, bodyPos, slice);
    tr.doc.check();
    expect(tr.doc.child(2).textContent).toContain('Đào tạo chuyên môn, nghiệp vụ');
  });
});

describe('paste: plain text', () => {
  const parse = (text: string) => plugin.props.clipboardTextParser!.call(plugin, text, state.doc.resolve(bodyPos), true, null as never) as Slice;

  it('splits paragraphs on blank lines and joins wrapped lines with a space', () => {
    const slice = parse('Dòng một\ntiếp theo\n\nĐoạn hai');
    const texts: string[] = [];
    slice.content.forEach((n) => texts.push(n.textContent));
    expect(texts).toEqual(['Dòng một tiếp theo', 'Đoạn hai']);
  });

  it('NFC-normalises', () => {
    expect(parse('Vie\u0323\u0302t').content.firstChild!.textContent).toBe('Việt');
  });
});

describe('paste into single-line parts', () => {
  const paragraphs = new Slice(
    Fragment.from([
      schema.node('paragraph', null, [schema.text('Một', [schema.marks.strong!.create()]), schema.node('hard_break'), schema.text('hai')]),
      schema.node('paragraph', null, [schema.text('ba')]),
    ]),
    1,
    1,
  );

  it('joins paragraphs into the headline as plain text', () => {
    const fitted = fitSliceToPart(paragraphs, state.doc.resolve(2), schema);
    const tr = state.tr.replace(2, 2, fitted);
    tr.doc.check();
    expect(tr.doc.child(0).textContent).toBe('TMột hai baít');
    expect(tr.doc.child(0).firstChild!.marks).toEqual([]);
    expect(tr.doc.child(1).textContent).toBe('Sapo');
  });

  it('keeps marks in the lead, which allows them', () => {
    const leadPos = state.doc.child(0).nodeSize + 1;
    const tr = state.tr.replace(leadPos, leadPos, fitSliceToPart(paragraphs, state.doc.resolve(leadPos), schema));
    tr.doc.check();
    const lead = tr.doc.child(1);
    expect(lead.textBetween(0, lead.content.size, undefined, '⏎')).toBe('Một⏎hai baSapo'); // the lead keeps line breaks
    expect(tr.doc.child(1).firstChild!.marks.map((m) => m.type.name)).toEqual(['strong']);
    expect(tr.doc.childCount).toBe(4);
  });

  it('leaves body pastes alone', () => {
    expect(fitSliceToPart(paragraphs, state.doc.resolve(bodyPos), schema)).toBe(paragraphs);
  });
});

describe('large paste in slices', () => {
  it('inserts batch after batch in order, splitting the caret’s paragraph once', () => {
    let s = EditorState.create({ doc: createDocument({ paragraphs: ['Một đoạn.', 'Sau.'] }) });
    const start = s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + 2;
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, start + 'Một'.length)));
    const batch = (tag: string) => [0, 1].map((i) => schema.node('paragraph', null, [schema.text(`${tag}${i}`)]));
    let at: InsertPoint | null = null;
    for (const tag of ['a', 'b', 'c']) {
      const r = insertBatch(s, batch(tag), at);
      at = r.at;
      s = s.apply(r.tr);
    }
    const texts: string[] = [];
    s.doc.child(2).forEach((n) => texts.push(n.textContent));
    expect(texts).toEqual(['Mộta0', 'a1', 'b0', 'b1', 'c0', 'c1', ' đoạn.', 'Sau.']);
    s.doc.check();
  });
});
