import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { dropped as drop, warning } from '../../../shared/import-report';
import { countWords } from '../../../shared/text';
import { zonedToIso, DEFAULT_TIME_ZONE } from '../../../shared/dates';
import {
  AGENCY_TAG,
  BYLINE_MAX_WORDS,
  BYLINE_PREFIX,
  BYLINE_ROLE,
  BYLINE_SEPARATOR,
  CAPTION_CREDIT,
  CAPTION_PREFIX,
  CAPTION_TRAILING_CREDIT,
  DATE_RULES,
  MONTH_NAMES,
  STANDALONE_QUOTE,
} from './plain-text-rules';
import { judgeCaption } from './captions';
import { findFurniture } from './furniture';
import { cleanLine, guessLanguage, textNodes, type ParsedArticle, type ParsedFigure } from './parsed';

type Line = { text: string; blankBefore: boolean };

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let blank = true;
  for (const raw of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    const t = cleanLine(raw);
    if (!t) {
      blank = true;
      continue;
    }
    lines.push({ text: t, blankBefore: blank });
    blank = false;
  }
  return lines;
}

/** Recognise a date line; returns its role and the time as ISO 8601 in the newsroom's zone. */
export function matchDate(text: string, timeZone = DEFAULT_TIME_ZONE): { role: 'article' | 'site'; iso: string } | null {
  for (const rule of DATE_RULES) {
    const g = rule.pattern.exec(text)?.groups;
    if (!g) continue;
    const day = Number(g.day);
    const month = g.monthName ? MONTH_NAMES[g.monthName.slice(0, 3).toLowerCase()] : Number(g.month);
    const year = Number(g.year);
    let hour = g.hour === undefined ? 0 : Number(g.hour);
    const minute = g.minute === undefined ? 0 : Number(g.minute);
    if (g.ampm) {
      const pm = /^p/i.test(g.ampm);
      if (hour < 1 || hour > 12) continue;
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (!month || month > 12 || !day || day > 31 || hour > 23 || minute > 59) continue;
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCDate() !== day) continue; // 31/02 and friends
    return { role: rule.role, iso: zonedToIso({ year, month, day, hour, minute }, timeZone) };
  }
  return null;
}

const endsSentence = (t: string) => /[.!?…:;”"»)]$/.test(t);

/** A person's name: every word capitalised but for name particles ("Recommended by Outbrain" is not one). */
const looksLikeName = (name: string) => /^\p{Lu}/u.test(name) && name.split(/\s+/u).every((w) => /^[\p{Lu}\p{N}(]/u.test(w) || /^(de|da|di|van|von|der|den|la|le|bin|al|y|del|du)$/iu.test(w));

/** Split a byline into author names and the roles written after them. */
export function parseByline(line: string): { names: string[]; roles: string[] } | null {
  let rest = line.replace(BYLINE_PREFIX, '');
  const roles: string[] = [];
  for (let m = BYLINE_ROLE.exec(rest); m; m = BYLINE_ROLE.exec(rest)) {
    roles.unshift((m[1] ?? m[2] ?? '').trim());
    rest = rest.slice(0, m.index);
  }
  rest = rest.trim();
  const words = countWords(rest);
  if (!words || words > BYLINE_MAX_WORDS || /[.!?:;“”"]$/.test(rest) || !/^\p{Lu}/u.test(rest)) return null;
  const names = rest.split(BYLINE_SEPARATOR).map((n) => n.trim()).filter(Boolean);
  if (!names.every(looksLikeName)) return null;
  return { names, roles };
}

/** Turn a caption paragraph into a figure placeholder; `(Ảnh: X)` or `– Ảnh: X` becomes the credit. */
function captionFigure(text: string): ParsedFigure {
  const credit = CAPTION_CREDIT.exec(text) ?? CAPTION_TRAILING_CREDIT.exec(text);
  const caption = (credit ? text.slice(0, credit.index).trim() : text).replace(CAPTION_PREFIX, '');
  return { caption: textNodes(caption), credit: credit?.[1]?.trim() ?? '', alt: '', image: null };
}

/**
 * Read plain text laid out like a saved article page: optional site stamp,
 * headline, article date, lead (with agency tag), body with caption paragraphs and
 * quotes, byline, then site chrome. Every line ends up in the article or in the
 * report's `dropped` list. Captions are judged by their shape (`captions.ts`);
 * with `photosPresent` (a story folder) a caption-shaped line is taken for one.
 */
export function readPlainText(source: string, fileName: string, encoding: string | null = 'utf-8', options: { photosPresent?: boolean } = {}): ParsedArticle {
  const lines = toLines(source);
  const dropped: ParsedArticle['dropped'] = [];
  const warnings: ParsedArticle['warnings'] = [];
  let publishedAt: string | null = null;
  let i = 0;

  // Head: dates and the headline, in whatever order the page had them.
  let headline = '';
  while (i < lines.length) {
    const line = lines[i]!;
    const date = matchDate(line.text);
    if (date) {
      if (date.role === 'article' && !publishedAt) publishedAt = date.iso;
      else dropped.push(drop(date.role === 'site' ? 'site_date' : 'second_date', line.text));
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

  // Tail and furniture blocks, by shape: a furniture heading after the byline ends the article.
  const furniture = findFurniture(lines.slice(i).map((l) => l.text));
  const kept: string[] = [];
  lines.slice(i).forEach((line, k) => {
    const kind = furniture[k];
    if (kind) dropped.push(drop(kind, line.text));
    else kept.push(line.text);
  });
  let byline: string[] = [];
  const bylineLine = kept.length > 1 ? parseByline(kept[kept.length - 1]!) : null;
  if (bylineLine) {
    byline = bylineLine.names;
    for (const role of bylineLine.roles) dropped.push(drop('byline_role', role));
    kept.pop();
  } else {
    warnings.push(warning('no_byline'));
  }

  const bodyLines = kept;
  // The lead is the first paragraph, unless that is a date line that followed the headline.
  let leadText = bodyLines.shift() ?? '';
  let agencyTag = '';
  const tag = AGENCY_TAG.exec(leadText);
  if (tag) {
    agencyTag = tag[1]!;
    leadText = leadText.slice(tag[0].length);
  }
  if (!headline) warnings.push(warning('no_headline'));
  if (!leadText) warnings.push(warning('no_lead'));
  if (!publishedAt) warnings.push(warning('no_date'));

  const words = bodyLines.map(countWords);
  const figures: ParsedFigure[] = [];
  const blocks: PMNode[] = [];
  bodyLines.forEach((text, k) => {
    const verdict = judgeCaption(text, { previousWords: words[k - 1], nextWords: words[k + 1], photosPresent: options.photosPresent ?? false });
    if (verdict !== 'body') {
      const figure = captionFigure(text);
      if (verdict === 'candidate') figure.candidateOf = schema.node('paragraph', null, textNodes(text));
      figures.push(figure);
      blocks.push(schema.node('figure', { mediaId: null, alt: '' }, [schema.node('caption', null, figure.caption), schema.node('credit')]));
      return;
    }
    if (STANDALONE_QUOTE.test(text)) {
      blocks.push(schema.node('blockquote', null, [schema.node('paragraph', null, textNodes(text))]));
    } else {
      blocks.push(schema.node('paragraph', null, textNodes(text)));
    }
    if (!endsSentence(text)) warnings.push(warning('unfinished_paragraph', { n: k + 1, text: text.slice(0, 60) }));
  });

  return {
    fileName,
    format: 'text',
    encoding,
    headline,
    lead: textNodes(leadText),
    agencyTag,
    publishedAt,
    byline,
    language: guessLanguage(source),
    blocks,
    figures,
    dropped,
    warnings,
  };
}
