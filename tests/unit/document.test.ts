import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/schema';
import {
  createDocument,
  documentFromStored,
  documentToStored,
  DOCUMENT_VERSION,
  DocumentError,
  migrateDocument,
  bylineNames,
} from '../../src/shared/document';

const seedLike = () =>
  schema.node('doc', null, [
    schema.node('headline', null, [schema.text('Từng bước đáp ứng yêu cầu')]),
    schema.node('lead', null, [schema.text('Để từng bước xây dựng '), schema.text('nền hành chính', [schema.marks.strong!.create()])]),
    schema.node('body', null, [
      schema.node('paragraph', null, [
        schema.text('Xem '),
        schema.text('trang tỉnh', [schema.marks.link!.create({ href: 'https://laichau.gov.vn/' })]),
        schema.text(' H'),
        schema.text('2', [schema.marks.sub!.create()]),
        schema.text('O'),
      ]),
      schema.node('heading', { level: 3 }, [schema.text('Luân chuyển cán bộ')]),
      schema.node('blockquote', null, [schema.node('paragraph', null, [schema.text('“Năm 2015, tôi được điều động…”')])]),
      schema.node('bullet_list', null, [schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('một')])])]),
      schema.node('ordered_list', { order: 3 }, [schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('ba')])])]),
      schema.node('horizontal_rule'),
      schema.node('figure', { mediaId: 'a'.repeat(64), alt: 'Lớp học' }, [
        schema.node('caption', null, [schema.text('Một giờ học tiếng Mông')]),
        schema.node('credit', null, [schema.text('Ảnh: Tiến Thành')]),
      ]),
    ]),
    schema.node('byline', null, [schema.node('author', null, [schema.text('Tiến Thành')]), schema.node('author', null, [schema.text('Minh Anh')])]),
  ]);

describe('article document', () => {
  it('round-trips every node and mark through toJSON/fromJSON losslessly', () => {
    const doc = seedLike();
    doc.check();
    const stored = documentToStored(doc);
    expect(stored.version).toBe(DOCUMENT_VERSION);
    const back = documentFromStored(JSON.parse(JSON.stringify(stored)));
    expect(back.eq(doc)).toBe(true);
    expect(documentToStored(back)).toEqual(stored);
    expect(bylineNames(back)).toEqual(['Tiến Thành', 'Minh Anh']);
  });

  it('normalises NFD text and attributes to NFC when loading', () => {
    const nfd = 'Tiếng Việt có dấu'.normalize('NFD');
    const stored = documentToStored(createDocument({ headline: 'x' }));
    const json = JSON.parse(JSON.stringify(stored));
    json.doc.content[0].content = [{ type: 'text', text: nfd }];
    const doc = documentFromStored(json);
    expect(doc.child(0).textContent).toBe('Tiếng Việt có dấu'.normalize('NFC'));
    expect(doc.child(0).textContent).not.toBe(nfd);
  });

  it('refuses links other than http, https and mailto', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', 'vbscript:x', '/relative']) {
      expect(() => schema.marks.link!.create({ href })).toThrow();
    }
    expect(schema.marks.link!.create({ href: 'mailto:toasoan@baolaichau.vn' }).attrs.href).toBe('mailto:toasoan@baolaichau.vn');
  });

  it('refuses documents that break the schema with a DocumentError', () => {
    const bad = [
      { version: 1, doc: { type: 'doc', content: [{ type: 'headline' }] } },
      { version: 1, doc: { type: 'doc', content: [{ type: 'script' }] } },
      { version: 1, doc: { type: 'paragraph' } },
      { version: 99, doc: { type: 'doc' } },
    ];
    for (const stored of bad) expect(() => documentFromStored(stored as never)).toThrow(DocumentError);
    const withBadLink = JSON.parse(JSON.stringify(documentToStored(seedLike())));
    withBadLink.doc.content[2].content[0].content[1].marks[0].attrs.href = 'javascript:alert(1)';
    expect(() => documentFromStored(withBadLink)).toThrow(DocumentError);
  });

  it('migrates a hand-made version 0 document to the current version', () => {
    const v0 = {
      version: 0,
      doc: {
        type: 'doc',
        content: [
          { type: 'title', content: [{ type: 'text', text: 'Tít cũ' }] },
          { type: 'standfirst', content: [{ type: 'text', text: 'Sapo cũ' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn một' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn hai' }] },
          { type: 'byline', attrs: { names: 'Tiến Thành, Minh Anh' } },
        ],
      },
    };
    expect(migrateDocument(v0).version).toBe(DOCUMENT_VERSION);
    const doc = documentFromStored(v0);
    expect(doc.child(0).textContent).toBe('Tít cũ');
    expect(doc.child(1).textContent).toBe('Sapo cũ');
    expect(doc.child(2).childCount).toBe(2);
    expect(bylineNames(doc)).toEqual(['Tiến Thành', 'Minh Anh']);
  });

  it('round-trips arbitrary Unicode text through storage (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), (h, p) => {
        const doc = createDocument({ headline: h, paragraphs: [p] });
        const back = documentFromStored(JSON.parse(JSON.stringify(documentToStored(doc))));
        expect(back.eq(doc)).toBe(true);
        expect(back.textContent).toBe(back.textContent.normalize('NFC'));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps parts isolated: the body cannot hold a headline', () => {
    expect(() => PMNode.fromJSON(schema, { type: 'body', content: [{ type: 'headline' }] }).check()).toThrow();
  });
});
