import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { printableArticleHtml } from '../../src/shared/print-article';
import { schema } from '../../src/shared/schema';

const t = (s: string) => (s ? [schema.text(s)] : []);
const meta = { language: 'vi', section: 'Chính trị', datelinePlace: 'Lai Châu', agencyTag: '', publishedAt: '2016-06-10T16:36:00+07:00', updatedAt: '2016-06-11T08:00:00+07:00' };

function doc(headline: string) {
  return schema.node('doc', null, [
    schema.node('headline', null, t(headline)),
    schema.node('lead', null, t('Sapo <b>không</b> phải HTML.')),
    schema.node('body', null, [
      schema.node('figure', { mediaId: 'a'.repeat(64), alt: '' }, [schema.node('caption', null, t('Lớp học.')), schema.node('credit', null, t('Tiến Thành'))]),
      schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption', null, t('Ảnh chưa có.')), schema.node('credit', null, t(''))]),
    ]),
    schema.node('byline', null, [schema.node('author', null, t('Minh Anh'))]),
  ]);
}

describe('the print layout', () => {
  it('writes the paper’s parts: date line, place and the profile’s agency tag before the sapo, credits, byline', () => {
    const html = printableArticleHtml(doc('Tít bài'), meta, { agencyTag: 'BLC', timeZone: 'Asia/Ho_Chi_Minh', photoSrc: (id) => `/media/preview/${id}` });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelector('.print-section')!.textContent).toBe('Chính trị');
    expect(document.querySelector('.print-dateline')!.textContent).toBe('Thứ sáu, 10/06/2016, 16:36 [GMT+7]');
    expect(document.querySelector('.print-lead')!.textContent).toBe('Lai Châu (BLC) – Sapo <b>không</b> phải HTML.');
    expect(document.querySelectorAll('img')).toHaveLength(1);
    expect(document.querySelector('img')!.getAttribute('src')).toBe(`/media/preview/${'a'.repeat(64)}`);
    expect(Array.from(document.querySelectorAll('figcaption'), (f) => f.textContent)).toEqual(['Lớp học. (Ảnh: Tiến Thành)', 'Ảnh chưa có.']);
    expect(document.querySelector('.print-byline')!.textContent).toBe('Minh Anh');
  });

  it('never lets the article’s text become markup', () => {
    const html = printableArticleHtml(doc('<img src=x onerror=alert(1)> & "tít"'), { ...meta, section: '<script>x</script>' }, { agencyTag: 'BLC', timeZone: 'Asia/Ho_Chi_Minh', photoSrc: () => null });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelector('h1')!.textContent).toBe('<img src=x onerror=alert(1)> & "tít"');
    expect(document.querySelectorAll('img, script, b')).toHaveLength(0);
  });
});
