import type { Node as PMNode } from 'prosemirror-model';
import type { Article } from '../../../shared/article';
import { bylineNames, documentFromStored, documentParts, type NodeJSON } from '../../../shared/document';
import type { PreflightCode, PreflightIssue, PreflightResult, PublicationProfile } from '../../../shared/export';
import { PREFLIGHT_ERROR_CODES } from '../../../shared/export';
import { safeHref } from '../../../shared/links';
import { countCharacters, countWords, isNfc } from '../../../shared/text';
import type { ArticleFinding } from '../../../shared/proofing/rules/engine';

/** Headlines longer than this are cut off in search results and social cards. */
export const HEADLINE_MAX_CHARACTERS = 110;
/** Narrower photos look soft on large screens and in the 1600 px rendition. */
export const MIN_IMAGE_WIDTH = 1200;

/** What preflight knows about a photo the article uses: its size, or null when it is missing. */
export type MediaSizes = ReadonlyMap<string, { width: number; height: number } | null> | ((mediaId: string) => { width: number; height: number } | null);

/**
 * Unresolved review suggestions block export. Suggestions do not exist yet (the
 * review issue adds them); until then this hook reports none. Replace it with a
 * count from the review store.
 */
export type SuggestionCounter = (article: Article) => number;
export const noSuggestionsYet: SuggestionCounter = () => 0;

/** Proofing findings of a loaded article (the core's proofing service); absent in tests that do not need it. */
export type ProofingCheck = (doc: PMNode, article: Article, profile: PublicationProfile) => ArticleFinding[];

export interface ProofingPreflight {
  check: ProofingCheck;
  /** The desk's reason to export despite proofing errors: they stay listed but stop blocking. */
  override?: string;
}

const ERROR_SET = new Set<string>(PREFLIGHT_ERROR_CODES);

class Findings {
  readonly list: PreflightIssue[] = [];
  constructor(private readonly profile: PublicationProfile) {}
  add(code: PreflightCode, where: string, message: string, params: PreflightIssue['params'] = {}, fix?: 'nfc', overridden = false): void {
    const severity = ERROR_SET.has(code) ? 'error' : 'warning';
    const blocking = !overridden && (severity === 'error' || (this.profile.blockingWarnings as string[]).includes(code));
    this.list.push({ code, severity, blocking, where, message, params, ...(fix ? { fix } : {}) });
  }
}

/** Walk the stored JSON as it is, before loading normalises it: NFC and links are judged on the raw text. */
function checkRaw(doc: NodeJSON, f: Findings): void {
  let notNfc = 0;
  const visit = (node: NodeJSON) => {
    if (node.text !== undefined && !isNfc(node.text)) notNfc++;
    for (const v of Object.values(node.attrs ?? {})) if (typeof v === 'string' && !isNfc(v)) notNfc++;
    for (const mark of node.marks ?? []) {
      if (mark.type !== 'link') continue;
      const href = mark.attrs?.href;
      if (typeof href !== 'string' || safeHref(href) !== href) {
        const shown = typeof href === 'string' ? href.slice(0, 80) : String(href);
        f.add('unsafe_link', 'link', `Link "${shown}" is not a valid http, https or mailto address.`, { href: shown });
      }
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  if (notNfc) f.add('not_nfc', 'document', `${notNfc} piece(s) of text are not in Unicode NFC; apply the fix to normalise them.`, { count: notNfc }, 'nfc');
}

const hasDoubleSpace = (text: string) => /[ \u00a0]{2,}/.test(text);

function checkDocument(doc: PMNode, article: Article, media: MediaSizes, f: Findings): void {
  const { headline, lead, body } = documentParts(doc);
  const target = article.meta.lengthTarget;
  const headlineText = headline.textContent.trim();
  if (!headlineText) f.add('no_headline', 'headline', 'The article has no headline.');
  const bodyHasText = body.textContent.trim().length > 0;
  let figures = 0;
  let paragraphs = 0;
  body.descendants((node) => {
    if (node.type.name === 'figure') {
      figures++;
      const where = `figure ${figures}`;
      const mediaId = node.attrs.mediaId as string | null;
      const caption = node.child(0).textContent.trim();
      if (!mediaId) f.add('figure_without_image', where, `Figure ${figures} has no photo yet${caption ? ` (caption "${caption.slice(0, 60)}")` : ''}.`, { figure: figures });
      else {
        const size = typeof media === 'function' ? media(mediaId) : (media.get(mediaId) ?? null);
        if (!size) f.add('figure_image_missing', where, `The photo of figure ${figures} is not in the media library.`, { figure: figures });
        else if (size.width < MIN_IMAGE_WIDTH) f.add('image_too_small', where, `The photo of figure ${figures} is ${size.width} px wide; ${MIN_IMAGE_WIDTH} px or more looks sharp.`, { figure: figures, width: size.width, min: MIN_IMAGE_WIDTH });
      }
      if (!caption) f.add('figure_without_caption', where, `Figure ${figures} has no caption.`, { figure: figures });
      if (!node.child(1).textContent.trim()) f.add('figure_without_credit', where, `Figure ${figures} has no credit.`, { figure: figures });
      if (target.captionMax && countWords(caption) > target.captionMax) {
        f.add('caption_over_target', where, `The caption of figure ${figures} has ${countWords(caption)} words; the target is ${target.captionMax}.`, { figure: figures, words: countWords(caption), max: target.captionMax });
      }
      if (hasDoubleSpace(node.textContent)) f.add('double_space', where, `Figure ${figures} contains double spaces.`, { figure: figures });
      return false;
    }
    if (node.type.name === 'paragraph') {
      paragraphs++;
      const where = `paragraph ${paragraphs}`;
      if (!node.textContent.trim()) f.add('empty_paragraph', where, `Paragraph ${paragraphs} is empty.`, { paragraph: paragraphs });
      else if (hasDoubleSpace(node.textContent)) f.add('double_space', where, `Paragraph ${paragraphs} contains double spaces.`, { paragraph: paragraphs });
      return false;
    }
    return true;
  });
  if (!bodyHasText && figures === 0) f.add('empty_body', 'body', 'The article body is empty.');
  else if (!bodyHasText) f.add('empty_body', 'body', 'The article body has no text.');
  if (!bylineNames(doc).length) f.add('missing_byline', 'byline', 'The article has no byline.');

  if (hasDoubleSpace(headline.textContent)) f.add('double_space', 'headline', 'The headline contains double spaces.');
  if (hasDoubleSpace(lead.textContent)) f.add('double_space', 'lead', 'The lead contains double spaces.');
  const headlineChars = countCharacters(headlineText);
  if (headlineChars > HEADLINE_MAX_CHARACTERS) {
    f.add('headline_too_long', 'headline', `The headline has ${headlineChars} characters; keep it within ${HEADLINE_MAX_CHARACTERS}.`, { characters: headlineChars, max: HEADLINE_MAX_CHARACTERS });
  }
  const headlineWords = countWords(headlineText);
  if (target.headlineMax && headlineWords > target.headlineMax) {
    f.add('headline_over_target', 'headline', `The headline has ${headlineWords} words; the target is ${target.headlineMax}.`, { words: headlineWords, max: target.headlineMax });
  }
  const leadWords = countWords(lead.textContent);
  if (target.leadMax && leadWords > target.leadMax) f.add('lead_over_target', 'lead', `The lead has ${leadWords} words; the target is ${target.leadMax}.`, { words: leadWords, max: target.leadMax });
  const words = countWords(doc.textBetween(0, doc.content.size, ' ', ' '));
  if (target.max && words > target.max) f.add('length_over_target', 'article', `The article has ${words} words; the target is at most ${target.max}.`, { words, max: target.max });
  if (target.min && words < target.min) f.add('length_under_target', 'article', `The article has ${words} words; the target is at least ${target.min}.`, { words, min: target.min });
}

/** Every photo id the stored document refers to (for looking up sizes before preflight). */
export function mediaIdsOf(doc: PMNode): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'figure' && node.attrs.mediaId) ids.add(node.attrs.mediaId as string);
    return node.type.name !== 'figure';
  });
  return [...ids];
}

/** Proofing errors one by one (they block unless overridden); warnings as one count, the Proofing panel lists them. */
function checkProofing(doc: PMNode, article: Article, proofing: ProofingPreflight, profile: PublicationProfile, f: Findings): void {
  const findings = proofing.check(doc, article, profile);
  const overridden = Boolean(proofing.override);
  for (const p of findings.filter((x) => x.severity === 'error')) {
    const suggestion = p.suggestions[0];
    const fix = suggestion === undefined ? '' : suggestion === '' ? ' (fix: remove it)' : ` (fix: "${suggestion}")`;
    const note = overridden ? ` Overridden by the desk: ${proofing.override}` : '';
    f.add('proofing_error', p.part, `"${p.text}": ${p.message.en}${fix}${note}`, { text: p.text, rule: p.rule, message: p.message.vi, messageEn: p.message.en, suggestion: suggestion ?? '' }, undefined, overridden);
  }
  const warnings = findings.filter((x) => x.severity === 'warning').length;
  if (warnings) f.add('proofing_warning', 'document', `${warnings} proofing warning(s); see the Proofing panel or newsroom proof.`, { count: warnings });
}

/**
 * Check an article before export: errors always block, warnings block only when
 * the publication profile says so. Nothing is written.
 */
export function runPreflight(
  article: Article,
  profile: PublicationProfile,
  media: MediaSizes,
  countSuggestions: SuggestionCounter = noSuggestionsYet,
  proofing?: ProofingPreflight,
): PreflightResult {
  return preflightAndLoad(article, profile, media, countSuggestions, proofing).result;
}

/** {@link runPreflight}, also handing back the loaded document (null when it cannot load) so callers parse once. */
export function preflightAndLoad(
  article: Article,
  profile: PublicationProfile,
  media: MediaSizes,
  countSuggestions: SuggestionCounter = noSuggestionsYet,
  proofing?: ProofingPreflight,
): { result: PreflightResult; doc: PMNode | null } {
  const f = new Findings(profile);
  checkRaw(article.document.doc, f);
  let doc: PMNode | null = null;
  try {
    doc = documentFromStored(article.document);
  } catch (err) {
    if (!f.list.some((i) => i.code === 'unsafe_link')) f.add('invalid_document', 'document', (err as Error).message);
  }
  if (doc) checkDocument(doc, article, media, f);
  if (doc && proofing) checkProofing(doc, article, proofing, profile, f);
  const suggestions = countSuggestions(article);
  if (suggestions > 0) f.add('unresolved_suggestions', 'document', `${suggestions} suggestion(s) are still waiting for a decision.`, { count: suggestions });
  const errors = f.list.filter((i) => i.severity === 'error');
  const warnings = f.list.filter((i) => i.severity === 'warning');
  return { result: { errors, warnings, exportable: !f.list.some((i) => i.blocking) }, doc };
}
