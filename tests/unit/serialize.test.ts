import { describe, expect, it } from 'vitest';
import { schema } from '../../src/shared/schema';
import { safeHref } from '../../src/shared/links';
import { createDocument } from '../../src/shared/document';
import { documentToHtml, escapeAttr, escapeHtml } from '../../src/shared/serialize-html';
import { documentToText, textToDocument } from '../../src/shared/serialize-text';

describe('serialisers', () => {
  it('escapes every piece of text in HTML; no raw HTML passes through', () => {
    const evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const doc = createDocument({ headline: evil, lead: evil, paragraphs: [evil], authors: [evil] });
    const html = documentToHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(escapeAttr('" onmouseover="x\'')).toBe('&quot; onmouseover=&quot;x&#39;');
    expect(escapeHtml('a<b>&')).toBe('a&lt;b&gt;&amp;');
  });

  it('writes semantic HTML with nested marks and safe links', () => {
    const strong = schema.marks.strong!.create();
    const em = schema.marks.em!.create();
    const link = schema.marks.link!.create({ href: safeHref('https://example.org/a?b=1&c="2"') });
    const doc = schema.node('doc', null, [
      schema.node('headline', null, [schema.text('Tít')]),
      schema.node('lead', null, [schema.text('Sapo')]),
      schema.node('body', null, [
        schema.node('paragraph', null, [schema.text('a', [strong]), schema.text('b', [strong, em]), schema.text('c', [link])]),
        schema.node('heading', { level: 2 }, [schema.text('Phụ đề')]),
      ]),
      schema.node('byline', null, [schema.node('author', null, [schema.text('Tiến Thành')])]),
    ]);
    expect(documentToHtml(doc)).toBe(
      '<h1>Tít</h1>\n<p class="lead">Sapo</p>\n<p><strong>a<em>b</em></strong><a href="https://example.org/a?b=1&amp;c=%222%22">c</a></p>\n<h2>Phụ đề</h2>\n<p class="byline">Tiến Thành</p>\n',
    );
  });

  it('turns plain text into a document and back, in NFC', () => {
    const text = 'Tít bài\n\nSapo dòng một\ndòng hai\n\nĐoạn một.\n\n\nĐoạn hai.'.normalize('NFD');
    const doc = textToDocument(text);
    expect(doc.child(0).textContent).toBe('Tít bài'.normalize('NFC'));
    expect(doc.child(1).textContent).toBe('Sapo dòng một dòng hai'.normalize('NFC'));
    expect(doc.child(2).childCount).toBe(2);
    expect(documentToText(doc)).toBe('Tít bài\n\nSapo dòng một dòng hai\n\nĐoạn một.\n\nĐoạn hai.\n'.normalize('NFC'));
  });
});
