import type { Node as PMNode } from 'prosemirror-model';
import type { ArticleMeta } from '../../../shared/article';
import { documentParts } from '../../../shared/document';
import { escapeAttr, escapeHtml, inlineToHtml, bodyToHtml } from '../../../shared/serialize-html';
import { formatHouseDate } from '../../../shared/dates';

/** A complete, self-contained HTML page for one article: no script, no outside requests. */
export function renderArticlePage(meta: ArticleMeta, doc: PMNode): string {
  const { headline, lead, body, byline } = documentParts(doc);
  const names: string[] = [];
  byline.forEach((a) => {
    if (a.textContent.trim()) names.push(a.textContent.trim());
  });
  const title = headline.textContent.trim() || meta.slug;
  const when = meta.publishedAt ?? meta.updatedAt;
  const tag = meta.agencyTag ? `(${escapeHtml(meta.agencyTag)}) – ` : '';
  return `<!DOCTYPE html>
<html lang="${escapeAttr(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeAttr(lead.textContent.trim().slice(0, 300))}">
<style>
body{margin:0;font:1.125rem/1.6 Georgia,"Noto Serif",serif;color:#1a1a1a;background:#fff}
article{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 .5rem}
.dateline{color:#555;font-size:.9rem;margin:0 0 1rem}
.lead{font-weight:bold}
.byline{text-align:right;font-weight:bold}
figure{margin:1.5rem 0}figcaption{font-size:.9rem;color:#444}
@media print{body{font-size:11pt}article{max-width:none}}
</style>
</head>
<body>
<article>
<h1>${escapeHtml(headline.textContent)}</h1>
<p class="dateline"><time datetime="${escapeAttr(when)}">${escapeHtml(formatHouseDate(when))}</time></p>
<p class="lead">${tag}${inlineToHtml(lead)}</p>
${bodyToHtml(body)}${names.length ? `<p class="byline">${names.map((n) => escapeHtml(n)).join(', ')}</p>\n` : ''}</article>
</body>
</html>
`;
}
