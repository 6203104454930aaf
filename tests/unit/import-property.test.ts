import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readHtml } from '../../src/main/core/import/html';
import { assemble } from '../../src/main/core/import/parsed';

/**
 * Property: whatever furniture a site wraps around a story, the story's own
 * headline, lead and paragraphs arrive, in order, word for word. Paragraphs open
 * with the words real copy shares with widgets ("Chia sẻ", "Theo", "Đọc thêm"…).
 */

const SYLLABLES = ['người', 'dân', 'huyện', 'xã', 'bản', 'cán', 'bộ', 'chè', 'lúa', 'rừng', 'đường', 'trường', 'học', 'sinh', 'năm', 'nay', 'được', 'đã', 'đang', 'với', 'của', 'cho', 'trong', 'tỉnh', 'hội', 'nghị', 'kinh', 'tế', 'phát', 'triển', 'nông', 'thôn', 'mới', 'gia', 'đình', 'thu', 'nhập', 'tăng', 'giảm', 'nghèo', 'vùng', 'cao', 'biên', 'giới', 'mùa', 'vụ', 'giống', 'vốn', 'vay', 'hỗ', 'trợ'];
const OPENERS = ['Chia sẻ với phóng viên,', 'Chia sẻ', 'Theo', 'Theo ông', 'Đọc thêm', 'Xem thêm', 'Bình luận về việc này,', 'Tin liên quan cho biết', 'Shares', 'Read more', 'Trang chủ', 'Tags'];

const word = fc.constantFrom(...SYLLABLES);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = words(6, 22).map((s) => `${capitalise(s)}.`);
const paragraph = fc
  .tuple(fc.option(fc.constantFrom(...OPENERS), { nil: undefined }), fc.array(sentence, { minLength: 1, maxLength: 4 }))
  .map(([opener, sentences]) => {
    const text = sentences.join(' ');
    return opener ? `${opener} ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  });

const link = words(2, 7).map((t) => `<a href="/${encodeURIComponent(t.split(' ')[0]!)}">${capitalise(t)}</a>`);
/** Furniture a page puts between or around the story's paragraphs. */
const furniture = fc.oneof(
  fc.array(link, { minLength: 2, maxLength: 5 }).map((ls) => `<div class="share-bar">${ls.join(' ')}</div>`),
  fc.array(link, { minLength: 1, maxLength: 4 }).map((ls) => `<ul class="xem-them">${ls.map((l) => `<li>Xem thêm: ${l}</li>`).join('')}</ul>`),
  link.map((l) => `<p>${l}</p>`),
  fc.array(link, { minLength: 1, maxLength: 3 }).map((ls) => `<aside><h3>Tin liên quan</h3>${ls.join('')}</aside>`),
  words(2, 8).map((t) => `<div class="ads">Quảng cáo ${t}</div>`),
  fc.array(link, { minLength: 2, maxLength: 6 }).map((ls) => `<nav>${ls.join(' ')}</nav>`),
  words(3, 10).map((t) => `<form><label>Bình luận ${t}</label><textarea></textarea></form>`),
);
const around = fc.array(furniture, { maxLength: 3 }).map((f) => f.join('\n'));

const article = fc.record({
  headline: words(4, 12).map(capitalise),
  sapo: fc.array(sentence, { minLength: 1, maxLength: 2 }).map((s) => s.join(' ')),
  sapoMarked: fc.boolean(),
  paragraphs: fc.array(paragraph, { minLength: 3, maxLength: 15 }),
  between: fc.array(around, { minLength: 16, maxLength: 16 }),
  top: around,
  bottom: around,
  footer: words(0, 12),
  author: fc.option(fc.array(word, { minLength: 2, maxLength: 3 }).map((w) => w.map(capitalise).join(' ')), { nil: undefined }),
  widget: fc.boolean(),
});

/** The story as a saved page: furniture above, between the paragraphs, below and in the footer. */
function page(a: typeof article extends fc.Arbitrary<infer T> ? T : never): string {
  const sapo = a.sapoMarked ? `<div class="sapo">${a.sapo}</div>` : `<p><strong>${a.sapo}</strong></p>`;
  const body = a.paragraphs.map((p, i) => `${a.between[i]}\n<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
${a.top}
<article><h1>${a.headline}</h1>
${sapo}
${body}
${a.between[15]}
${a.author ? `<p class="byline">Bài: <a rel="author" href="/tac-gia/1">${a.author}</a></p>` : ''}
${a.widget ? '<div class="widget">Recommended by Outbrain</div>' : ''}
</article>
${a.bottom}
<footer>© Báo ${a.footer}</footer>
</body></html>`;
}

describe('property: the article’s own paragraphs survive any furniture around them', () => {
  it('keeps headline, lead and every paragraph, in order, word for word', () => {
    fc.assert(
      fc.property(article, (a) => {
        const { document, report } = assemble(readHtml(page(a), 'trang.html', 'utf-8'));
        const body: string[] = [];
        document.child(2).forEach((b) => body.push(b.textContent));
        expect(report.headline).toBe(a.headline);
        expect(report.lead).toBe(a.sapo);
        expect(body).toEqual(a.paragraphs);
        expect(report.byline).toEqual(a.author ? [a.author] : []);
      }),
      { numRuns: 300 },
    );
  });
});
