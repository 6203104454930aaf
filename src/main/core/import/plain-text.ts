import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { cleanText, countWords, squashSpaces } from '../../../shared/text';
import { zonedToIso, DEFAULT_TIME_ZONE } from '../../../shared/dates';
import type { ArticleMetaPatch } from '../../../shared/article';
import { slugify } from '../../../shared/slug';
import {
  AGENCY_TAG,
  BYLINE_MAX_WORDS,
  BYLINE_PREFIX,
  CAPTION_CUES,
  CAPTION_SHAPE,
  CHROME_STARTERS,
  DATE_RULES,
} from './plain-text-rules';

/** What the importer recognised and what it left out, for the import report. */
export interface ImportReport {
  headline: string;
  publishedAt: string | null;
  agencyTag: string;
  lead: string;
  paragraphs: number;
  captions: string[];
  byline: string[];
  /** Text not placed in the article, with the reason: nothing is dropped silently. */
  dropped: { text: string; reason: string }[];
  warnings: string[];
}

export interface ImportedArticle {
  document: PMNode;
  meta: ArticleMetaPatch;
  report: ImportReport;
}

type Line = { text: string; blankBefore: boolean };

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = squashSpaces(cleanText(raw));
    if (!t) {
      blank = true;
      continue;
    }
    lines.push({ text: t, blankBefore: blank });
    blank = false;
  }
  return lines;
}

function matchDate(text: string): { role: 'article' | 'site'; iso: string } | null {
  for (const rule of DATE_RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const [, d, mo, y, h, mi] = m.map(Number) as number[];
    if (!d || !mo || !y || mo > 12 || d > 31 || (h ?? 0) > 23 || (mi ?? 0) > 59) continue;
    return { role: rule.role, iso: zonedToIso({ year: y, month: mo, day: d, hour: h, minute: mi }, DEFAULT_TIME_ZONE) };
  }
  return null;
}

const isSentenceEnd = (t: string) => /[.!?…:;”"»)]$/.test(t);
const sentenceCount = (t: string) => t.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"])/u).length;

function looksLikeByline(text: string): boolean {
  const name = text.replace(BYLINE_PREFIX, '');
  return countWords(name) > 0 && countWords(name) <= BYLINE_MAX_WORDS && !/[.!?:;]$/.test(name) && /^\p{Lu}/u.test(name);
}

/**
 * Import plain text laid out like a saved article page: optional site stamp,
 * headline, article date, lead (with agency tag), body, byline, then site chrome.
 */
export function importPlainText(source: string): ImportedArticle {
  const lines = toLines(source);
  const dropped: ImportReport['dropped'] = [];
  const warnings: string[] = [];
  let publishedAt: string | null = null;
  let i = 0;

  // Head: dates and the headline, in whatever order the page had them.
  let headline = '';
  while (i < lines.length) {
    const line = lines[i]!;
    const date = matchDate(line.text);
    if (date) {
      if (date.role === 'article' && !publishedAt) publishedAt = date.iso;
      else dropped.push({ text: line.text, reason: 'site date stamp' });
      i++;
      continue;
    }
    if (!headline) {
      headline = line.text;
      i++;
      continue;
    }
    break;
  }

  // Tail: chrome starts at the first furniture line; the byline is the short line before it.
  let end = lines.length;
  for (let k = i; k < lines.length; k++) {
    if (CHROME_STARTERS.some((re) => re.test(lines[k]!.text))) {
      end = k;
      break;
    }
  }
  for (let k = end; k < lines.length; k++) {
    dropped.push({ text: lines[k]!.text, reason: k === end || CHROME_STARTERS.some((re) => re.test(lines[k]!.text)) ? 'site chrome' : 'related-article teaser' });
  }
  let byline: string[] = [];
  if (end - 1 >= i && looksLikeByline(lines[end - 1]!.text)) {
    const raw = lines[end - 1]!.text.replace(BYLINE_PREFIX, '');
    byline = raw.split(/\s*[,;]\s*|\s+(?:và|and|&)\s+/u).filter(Boolean);
    end--;
  } else {
    warnings.push('No byline found at the end of the article.');
  }

  const bodyLines = lines.slice(i, end).map((l) => l.text);
  let lead = bodyLines.shift() ?? '';
  let agencyTag = '';
  const tag = AGENCY_TAG.exec(lead);
  if (tag) {
    agencyTag = tag[1]!;
    lead = lead.slice(tag[0].length);
  }
  if (!headline) warnings.push('No headline found.');
  if (!lead) warnings.push('No lead found.');

  const words = bodyLines.map(countWords);
  const captions: string[] = [];
  const blocks: PMNode[] = [];
  bodyLines.forEach((text, k) => {
    const cue = CAPTION_CUES.some((re) => re.test(text));
    const shaped =
      words[k]! <= CAPTION_SHAPE.maxWords &&
      sentenceCount(text) === 1 &&
      !/[“”"«»]/.test(text) &&
      k > 0 &&
      k < bodyLines.length - 1 &&
      (words[k - 1] ?? 0) >= CAPTION_SHAPE.neighbourMinWords &&
      (words[k + 1] ?? 0) >= CAPTION_SHAPE.neighbourMinWords;
    if (cue || shaped) {
      captions.push(text);
      blocks.push(schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption', null, [schema.text(text)]), schema.node('credit')]));
    } else if (/^[“"«].*[”"»]\.?$/u.test(text)) {
      blocks.push(schema.node('blockquote', null, [schema.node('paragraph', null, [schema.text(text)])]));
    } else {
      blocks.push(schema.node('paragraph', null, [schema.text(text)]));
    }
    if (!isSentenceEnd(text) && !cue && !shaped) warnings.push(`Paragraph ${k + 1} does not end a sentence: "${text.slice(0, 60)}"`);
  });
  if (!blocks.length) blocks.push(schema.node('paragraph'));

  const t = (s: string) => (s ? [schema.text(s)] : []);
  const document = schema.node('doc', null, [
    schema.node('headline', null, t(headline)),
    schema.node('lead', null, t(lead)),
    schema.node('body', null, blocks),
    schema.node('byline', null, (byline.length ? byline : ['']).map((n) => schema.node('author', null, t(n)))),
  ]);
  document.check();

  const language = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(source) ? 'vi' : 'en';
  return {
    document,
    meta: { slug: slugify(headline), agencyTag, publishedAt, language },
    report: {
      headline,
      publishedAt,
      agencyTag,
      lead,
      paragraphs: blocks.filter((b) => b.type.name === 'paragraph' || b.type.name === 'blockquote').length,
      captions,
      byline,
      dropped,
      warnings,
    },
  };
}
