/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { blocksToHtml, countsOf, noChanges, sanitizeHtml, wordConditionalsAsComments, type HtmlNodeLike } from '../../src/shared/html';
import { CLIPBOARD_CASES } from '../support/clipboard-cases';

/**
 * The sanitiser on the DOM Chromium builds from each real clipboard shape. Browsers
 * parse Word's `<![if !supportLists]>` sections and smart-tag declarations into
 * comments, and place tables in quirks mode, unlike linkedom; the tree parsed by the
 * page is copied node for node and sanitised here, against the same expectations
 * as the Node tests. Each clipboard is parsed as it comes and after
 * `wordConditionalsAsComments` (the pass importers run before linkedom): both
 * must give the same result.
 */

interface ParsedNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  attributes: Record<string, string>;
  children: ParsedNode[];
  /** A `<template>`'s content fragment (its `childNodes` are empty in a browser). */
  content?: ParsedNode;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'clipboard');

function asHtmlNode(parsed: ParsedNode): HtmlNodeLike {
  return {
    nodeType: parsed.nodeType,
    nodeName: parsed.nodeName,
    nodeValue: parsed.nodeValue,
    childNodes: parsed.children.map(asHtmlNode),
    content: parsed.content ? asHtmlNode(parsed.content) : null,
    getAttribute: (name: string) => parsed.attributes[name.toLowerCase()] ?? null,
  };
}

async function parseInBrowser(page: import('@playwright/test').Page, html: string): Promise<ParsedNode> {
  return page.evaluate((source) => {
    // Read members from the prototypes: the fixtures include a clobbering form.
    const childNodes = Object.getOwnPropertyDescriptor(Node.prototype, 'childNodes')!.get!;
    const attributes = Object.getOwnPropertyDescriptor(Element.prototype, 'attributes')!.get!;
    const nodeType = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeType')!.get!;
    const nodeName = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName')!.get!;
    const nodeValue = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue')!.get!;
    const copy = (node: Node): ParsedNode => {
      const type = nodeType.call(node) as number;
      const attrs: Record<string, string> = {};
      if (type === 1) for (const a of Array.from(attributes.call(node) as NamedNodeMap)) attrs[a.name] = a.value;
      return {
        nodeType: type,
        nodeName: nodeName.call(node) as string,
        nodeValue: nodeValue.call(node) as string | null,
        attributes: attrs,
        children: Array.from(childNodes.call(node) as NodeListOf<Node>).map(copy),
        ...(node instanceof HTMLTemplateElement ? { content: copy(node.content) } : {}),
      };
    };
    return copy(new DOMParser().parseFromString(source, 'text/html'));
  }, html);
}

test.describe('sanitizeHtml on Chromium’s parse of real clipboards', () => {
  for (const c of CLIPBOARD_CASES) {
    test(c.name, async ({ page }) => {
      const html = readFileSync(join(FIXTURES, c.fixture), 'utf8');
      for (const source of [html, wordConditionalsAsComments(html)]) {
        const out = sanitizeHtml(asHtmlNode(await parseInBrowser(page, source)));
        expect(blocksToHtml(out.blocks)).toBe(c.html);
        expect(countsOf(out)).toEqual({ ...noChanges(), ...c.counts });
        expect(out.leftOut).toEqual(c.leftOut ?? []);
      }
    });
  }

  test('a <template>’s text, kept by Chromium in its content fragment, is reported as in linkedom', async ({ page }) => {
    const out = sanitizeHtml(asHtmlNode(await parseInBrowser(page, '<p>Tin.</p><template><p>Mẫu ẩn</p></template>')));
    expect(blocksToHtml(out.blocks)).toBe('<p>Tin.</p>');
    expect(out.leftOut).toEqual([{ reason: 'hidden', text: 'Mẫu ẩn' }]);
  });

  test('Word’s list markers arrive as "[if !supportLists]" comments in the browser', async ({ page }) => {
    const parsed = await parseInBrowser(page, readFileSync(join(FIXTURES, 'word-numbered-headings.html'), 'utf8'));
    const comments: string[] = [];
    const visit = (n: ParsedNode) => {
      if (n.nodeType === 8) comments.push(n.nodeValue ?? '');
      n.children.forEach(visit);
    };
    visit(parsed);
    expect(comments).toContain('[if !supportLists]');
  });

  test('a list number without a mso-list:Ignore span is read from the [if !supportLists] section, never kept as text', async ({ page }) => {
    const html =
      "<p class=MsoListParagraphCxSpFirst style='mso-list:l3 level1 lfo4'><![if !supportLists]><span lang=VI>a)<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;</span></span><![endif]>Mục thứ nhất</p>" +
      "<p class=MsoListParagraphCxSpLast style='mso-list:l3 level1 lfo4'><![if !supportLists]><span lang=VI>b)<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;</span></span><![endif]>Mục thứ hai</p>" +
      "<p class=MsoNormal>Dòng<br style='mso-special-character:line-break'><![if !supportLineBreakNewLine]><br style='mso-special-character:line-break'><![endif]>mới</p>";
    const out = sanitizeHtml(asHtmlNode(await parseInBrowser(page, html)));
    expect(blocksToHtml(out.blocks)).toBe('<ol><li><p>Mục thứ nhất</p></li><li><p>Mục thứ hai</p></li></ol><p>Dòng<br>mới</p>');
  });
});
