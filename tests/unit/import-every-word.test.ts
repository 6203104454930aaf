import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readHtml } from '../../src/main/core/import/html';
import { assemble } from '../../src/main/core/import/parsed';
import { parseDocument, textNodesOf, type DomElement } from '../../src/main/core/import/dom';
import type { WarningCode } from '../../src/shared/import-report';

/**
 * Property: in a saved page made of every kind of wrapper the sanitiser meets (Word,
 * Google Docs and web markup; hidden, header/footer, embed and form wrappers), every
 * word of every text node arrives in the article or is quoted in the report's
 * dropped list. Only the text of embedded objects, form controls and tracked
 * deletions is left out without quotation (the sanitiser counts them, not their
 * text): such a word must sit inside one, and the report must carry its warning.
 */

const WRAPPERS: [string, string][] = [
  ['<b>', '</b>'],
  ['<i>', '</i>'],
  ['<s>', '</s>'],
  ['<strike>', '</strike>'],
  ['<u>', '</u>'],
  ['<span style="text-decoration:line-through">', '</span>'],
  ['<span class=MsoNormal>', '</span>'],
  ['<o:p>', '</o:p>'],
  ['<st1:place w:st="on">', '</st1:place>'],
  ['<w:Sdt DocPart="x" ShowingPlcHdr="f">', '</w:Sdt>'],
  ['<span style="mso-bidi-font-weight:normal">', '</span>'],
  ['<b style="font-weight:normal" id="docs-internal-guid-1">', '</b>'],
  ['<a href="https://baolaichau.vn/">', '</a>'],
  ['<a href="javascript:alert(1)">', '</a>'],
  ['<div style="border:solid windowtext 1.0pt;padding:1.0pt">', '</div>'],
  ['<blockquote>', '</blockquote>'],
  ['<ul><li>', '</li></ul>'],
  ['<table><tr><td>', '</td><td>ô</td></tr></table>'],
  ['<details>', '</details>'],
  ['<summary>', '</summary>'],
  ['<dialog open>', '</dialog>'],
  ['<object data="phim.swf">', '</object>'],
  ['<ruby>', '<rp>(</rp><rt>ki</rt><rp>)</rp></ruby>'],
  ['<div hidden=until-found>', '</div>'],
  ['<template>', '</template>'],
  ['<noscript>', '</noscript>'],
  ['<dialog>', '</dialog>'],
  ['<span style="display:none">', '</span>'],
  ['<span style="visibility: hidden">', '</span>'],
  ["<span style='mso-hide:all'>", '</span>'],
  ['<div hidden>', '</div>'],
  ["<div style='mso-element:header' id=h1>", '</div>'],
  ["<div style='mso-element:footer' id=f1>", '</div>'],
  ['<iframe>', '</iframe>'],
  ['<video controls>', '</video>'],
  ['<svg><text x="0">', '</text></svg>'],
  ['<select><option>', '</option></select>'],
  ['<button>', '</button>'],
  ['<textarea>', '</textarea>'],
  ['<del cite="mailto:bientap" datetime="2026-12-05T08:00">', '</del>'],
];

/** Elements whose text the sanitiser leaves out by count only, and the warning that says so. */
const COUNTED_ONLY: [string, WarningCode][] = [
  ['iframe, video, audio, canvas, svg, math', 'embeds_dropped'],
  ['select, button, textarea, datalist', 'form_fields_dropped'],
  ['del[datetime], del[cite]', 'tracked_deletions_dropped'],
];

const SYLLABLES = ['Lai', 'Châu', 'tỉnh', 'ủy', 'đoàn', 'Nguyễn', 'công', 'tác', 'người', 'dân', 'huyện', 'bản'];
const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Runs of one unique word each ("Châu7"), wrapped in up to three wrappers, grouped into paragraphs. */
const page = fc
  .array(
    fc.tuple(fc.array(fc.integer({ min: 0, max: WRAPPERS.length - 1 }), { maxLength: 3 }), fc.constantFrom(...SYLLABLES), fc.boolean()),
    { minLength: 1, maxLength: 30 },
  )
  .map((runs) => {
    const body = runs
      .map(([wrappers, syllable, newParagraph], r) => {
        const run = wrappers.reduceRight((inner, i) => WRAPPERS[i]![0] + inner + WRAPPERS[i]![1], ` ${syllable}${r} `);
        return newParagraph ? `</p><p class=MsoNormal>${run}` : run;
      })
      .join('');
    return `<html><head><meta charset="utf-8"><title>Trang</title></head><body><article><h1>Tít bài viết</h1><p class=MsoNormal>${body}</p></article></body></html>`;
  });

describe('HTML import: every word of a page arrives or is reported', () => {
  it('for any page of nested wrappers, each word of each text node is in the article or quoted in the dropped list', () => {
    fc.assert(
      fc.property(page, (html) => {
        const { document, report } = assemble(readHtml(html, 'trang.html', 'utf-8'));
        const arrived = new Set(tokens(document.textBetween(0, document.content.size, '\n', '\n')));
        const quoted = new Set(report.dropped.flatMap((d) => tokens(d.text)));
        const warned = new Set(report.warnings.map((w) => w.code));
        const source = parseDocument(html);
        for (const node of textNodesOf(source.body!)) {
          for (const word of tokens(node.nodeValue ?? '')) {
            if (arrived.has(word) || quoted.has(word)) continue;
            const element = node.parentNode as DomElement;
            // The outermost of nested ones is the one left out (and counted) whole.
            const counted = COUNTED_ONLY.filter(([selector]) => element.closest(selector)).map(([, code]) => code);
            expect(counted, `“${word}” vanished from ${html}`).not.toEqual([]);
            expect(counted.some((code) => warned.has(code)), `“${word}” left out with no warning in ${html}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
