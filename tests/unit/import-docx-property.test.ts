import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDocx } from '../../src/main/core/import/docx';
import { assemble } from '../../src/main/core/import/parsed';
import { listItem, makeWordFile, p, r, table, textBox } from '../fixtures/import/word-parts';

const WORDS = ['tỉnh', 'Lai', 'Châu', 'năm', 'học', 'sinh', 'bản', 'vùng', 'cao', 'người', 'Mông', 'lớp', 'giáo', 'viên', 'đường', 'mới', 'mùa', 'lúa', 'chợ', 'phiên', 'xã', 'huyện', 'Sìn', 'Hồ', 'điện', 'nước', 'sạch', 'trường', 'bà', 'con', '2024', '12,5%'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 18 }).map((w) => `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`);

/** How one paragraph of copy is written in the Word file. */
const SHAPES = ['plain', 'runs', 'drop cap', 'content control', 'smart tag', 'bullet glyph', 'table cell', 'text box', 'quote'] as const;
type Shape = (typeof SHAPES)[number];
const FORMATS = ['', '<w:b/>', '<w:i/>', '<w:strike/>', '<w:u w:val="single"/>', '<w:dstrike/>'];

/** The paragraph's XML in the given shape. Runs are cut at random word boundaries and formatted at random. */
function write(text: string, shape: Shape, cuts: number[]): string {
  switch (shape) {
    case 'runs': {
      const words = text.split(' ');
      const pieces: string[] = [];
      let from = 0;
      for (const cut of [...cuts.map((c) => c % words.length), words.length].sort((a, b) => a - b)) {
        if (cut > from) pieces.push(words.slice(from, cut).join(' ') + (cut < words.length ? ' ' : ''));
        from = Math.max(from, cut);
      }
      return p(pieces.map((piece, i) => r(piece, FORMATS[(cuts[i] ?? 0) % FORMATS.length])));
    }
    case 'drop cap':
      return p([r(text[0]!)], '<w:framePr w:dropCap="drop" w:lines="3"/>') + p(text.slice(1));
    case 'content control':
      return `<w:sdt><w:sdtPr/><w:sdtContent>${p(text)}</w:sdtContent></w:sdt>`;
    case 'smart tag':
      return p([`<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">${r(text)}</w:smartTag>`]);
    case 'bullet glyph':
      return listItem(1, `·\t${text}`);
    case 'table cell':
      return table([['Cột', text]]);
    case 'text box':
      return p([r('Đoạn neo hộp chữ.'), textBox([text], cuts.length % 2 === 0)]);
    case 'quote':
      return p(text, '<w:pStyle w:val="Quote"/>');
    default:
      return p(text);
  }
}

describe('.docx import, property', () => {
  it('every paragraph of the copy arrives, whatever Word shape it was written in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text: sentence, shape: fc.constantFrom(...SHAPES), cuts: fc.array(fc.nat(40), { maxLength: 4 }) }), { minLength: 1, maxLength: 12 }),
        async (paragraphs) => {
          const body = paragraphs.map(({ text, shape, cuts }) => write(text, shape, cuts)).join('');
          const parsed = await readDocx(makeWordFile({ body, styles: { Quote: 'Quote' }, numbering: { 1: 'bullet' } }), 'ngau-nhien.docx');
          const { document, report } = assemble(parsed);
          // Blocks apart: two paragraphs never read as one sentence.
          const article = document.textBetween(0, document.content.size, '\n', '\n');
          const haystack = [article, report.headline, report.lead, ...report.byline, ...report.dropped.map((d) => d.text)].join('\n').replace(/\s+/g, ' ');
          for (const { text } of paragraphs) expect(haystack).toContain(text);
        },
      ),
      { numRuns: 40 },
    );
  });
});
