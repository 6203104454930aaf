import { z } from 'zod';
import { IsoDateTime } from './article';
import { rejectionMessage } from './media';

/**
 * What an import recognised, shown on the review screen and printed by the CLI.
 * Everything the importer did not place in the article is listed in `dropped`:
 * nothing is lost silently.
 */
export const ImportFigure = z.object({
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
  /** File name (story folder) or description (embedded .docx image) of the photo; null while awaited. */
  image: z.string().nullable(),
  /**
   * Placed as a caption by its shape alone (no cue, no photo): the review screen
   * offers to put it back in the body (`ImportFields.bodyText`).
   */
  candidate: z.boolean().optional(),
});
export type ImportFigure = z.infer<typeof ImportFigure>;

/** Why a piece of the source was not placed in the article. */
export const DROP_KINDS = [
  'site_date',
  'second_date',
  'date_line',
  'site_chrome',
  'teaser',
  'byline_role',
  'second_headline',
  'word_comment',
  'tracked_deletion',
  'linked_image',
  'web_image',
  'page_furniture',
  'photo_caption',
  'folder_file',
  'word_header_footer',
  'word_hidden_text',
  'word_placeholder',
  'hidden_text',
] as const;
export type DropKind = (typeof DROP_KINDS)[number];

type Params = Record<string, string | number>;

/** The reasons in English, for the CLI and as the review screen's fallback. */
const DROP_REASONS_EN: Record<DropKind, (p: Params) => string> = {
  site_date: () => 'site date stamp',
  second_date: () => 'second date line',
  date_line: () => 'date line (the page metadata gave the date)',
  site_chrome: () => 'site chrome',
  teaser: () => 'related-article teaser',
  byline_role: () => 'byline role (kept out of the author name)',
  second_headline: () => 'second headline (the page title was used)',
  word_comment: () => 'Word comment',
  tracked_deletion: () => 'tracked deletion (accepted)',
  linked_image: () => 'linked image outside the file (never fetched)',
  web_image: () => 'image on the web or inside the page (never fetched); add the photo by hand',
  page_furniture: () => 'page furniture (navigation, sharing, comments or related links)',
  photo_caption: (p) => `caption inside ${p.photo} differs from the text's caption (the text's was kept)`,
  folder_file: () => 'file in the story folder that is neither the article nor a photo',
  word_header_footer: () => 'Word page header or footer (printed on every page, not part of the story)',
  word_hidden_text: () => 'hidden text in Word (neither shown nor printed there)',
  word_placeholder: () => 'placeholder of a Word template field nobody filled in',
  hidden_text: () => 'hidden passage the page never shows (display:none, hidden, Word hidden text, noscript…)',
};

/** Things the user should check after an import. */
export const WARNING_CODES = [
  'text_left_out',
  'no_headline',
  'no_lead',
  'no_byline',
  'no_date',
  'unfinished_paragraph',
  'tables_flattened',
  'footnotes_appended',
  'comments',
  'tracked_changes',
  'unsafe_links',
  'word_message',
  'scripts_removed',
  'embeds_dropped',
  'images_dropped',
  'form_fields_dropped',
  'tracked_deletions_dropped',
  'comments_dropped',
  'struck_kept',
  'underlined_kept',
  'photo_after_end',
  'photo_moved',
  'caption_from_photo',
  'photo_unusable',
  'struck_text',
  'underlined_text',
  'text_boxes',
  'inline_pictures',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

const plural = (n: string | number | undefined, one: string, many: string) => (Number(n) === 1 ? one : many);

const WARNINGS_EN: Record<WarningCode, (p: Params) => string> = {
  text_left_out: (p) =>
    `${p.paragraphs} ${plural(p.paragraphs, 'paragraph', 'paragraphs')} (${Number(p.words).toLocaleString('en-US')} ${plural(p.words, 'word', 'words')}) ${plural(p.paragraphs, 'was', 'were')} left out as ${lossReasonsEn(p.reason)} — review`,
  no_headline: () => 'No headline found.',
  no_lead: () => 'No lead found.',
  no_byline: () => 'No byline found at the end of the article.',
  no_date: () => 'No article date found; set it before publishing.',
  unfinished_paragraph: (p) => `Paragraph ${p.n} does not end a sentence: "${p.text}"`,
  tables_flattened: (p) =>
    `${p.count} ${plural(p.count, 'table', 'tables')}${p.rows === undefined ? '' : ` (${p.rows} ${plural(p.rows, 'row', 'rows')})`} flattened into paragraphs; check the figures in them.`,
  footnotes_appended: (p) => `${p.count} ${plural(p.count, 'footnote was', 'footnotes were')} appended at the end of the article.`,
  comments: (p) => `${p.count} Word ${plural(p.count, 'comment was', 'comments were')} not imported (listed under dropped).`,
  tracked_changes: (p) => `The document has tracked changes (${p.insertions} insertions, ${p.deletions} deletions); they were imported as if all were accepted.`,
  unsafe_links: (p) => `${p.count} unsafe ${plural(p.count, 'link was', 'links were')} removed (their text was kept).`,
  word_message: (p) => `Word: ${p.message}`,
  scripts_removed: (p) => `${p.count} ${plural(p.count, 'script was', 'scripts were')} removed.`,
  // The sanitiser's kinds, worded as the paste notice words them.
  embeds_dropped: (p) => `${p.count} embedded ${plural(p.count, 'object', 'objects')} left out (video, audio, ${plural(p.count, 'frame or drawing', 'frames or drawings')}).`,
  images_dropped: (p) => `${p.count} ${plural(p.count, 'image', 'images')} left out (add photos with the article’s photo tools).`,
  form_fields_dropped: (p) => `${p.count} form ${plural(p.count, 'field', 'fields')} left out.`,
  tracked_deletions_dropped: (p) => `${p.count} tracked ${plural(p.count, 'deletion', 'deletions')} left out, as in the author’s final text.`,
  comments_dropped: (p) => `${p.count} Word ${plural(p.count, 'comment', 'comments')} left out.`,
  struck_kept: (p) => `${p.count} struck-through ${plural(p.count, 'passage', 'passages')} kept as ordinary text: check ${plural(p.count, 'it was', 'they were')} not meant as ${plural(p.count, 'a deletion', 'deletions')}.`,
  underlined_kept: (p) => `${p.count} underlined ${plural(p.count, 'passage', 'passages')} kept as plain text.`,
  photo_after_end: (p) => `A photo after the article's end (${p.photo}) was left out.`,
  photo_moved: (p) => `The photo ${p.photo} sat inside a list or table; it was moved to the end of the article.`,
  caption_from_photo: (p) => `The caption of ${p.photo} was taken from the photo itself (the text gave it none): “${p.caption}”.`,
  photo_unusable: (p) => rejectionMessage(String(p.photo), String(p.reason)),
  struck_text: (p) => `Struck-through text kept (${p.count} ${plural(p.count, 'passage', 'passages')}: ${p.text}): check it was not meant as a deletion.`,
  underlined_text: (p) => `Underlined text kept as plain text (${p.count} ${plural(p.count, 'passage', 'passages')}: ${p.text}).`,
  text_boxes: (p) => `${p.count} text ${plural(p.count, 'box was', 'boxes were')} placed as paragraphs after the paragraph ${plural(p.count, 'it was', 'they were')} anchored to.`,
  inline_pictures: (p) => `${p.count} ${plural(p.count, 'picture', 'pictures')} inside a sentence ${plural(p.count, 'was', 'were')} placed after ${plural(p.count, 'its', 'their')} paragraph; the sentence was kept whole.`,
};

/** Why running text was left out, as the headline warning says it; its `reason` param lists them, comma-separated, in this order. */
export const LOSS_REASONS = ['furniture', 'hidden', 'header_footer'] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

const LOSS_REASONS_EN: Record<LossReason, string> = {
  furniture: 'site furniture',
  hidden: 'hidden text',
  header_footer: 'page headers and footers',
};

/** "site furniture", "hidden text or page headers and footers"… from a `reason` param (site furniture when absent). */
function lossReasonsEn(reason: string | number | undefined): string {
  const names = String(reason ?? 'furniture')
    .split(',')
    .map((r) => LOSS_REASONS_EN[r as LossReason] ?? LOSS_REASONS_EN.furniture);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]!;
}

/** Kinds of dropped text that are running text a reader could miss (not dates, roles or images), by why they were left out. */
const RUNNING_TEXT_DROPS: Partial<Record<DropKind, LossReason>> = {
  page_furniture: 'furniture',
  site_chrome: 'furniture',
  teaser: 'furniture',
  hidden_text: 'hidden',
  word_hidden_text: 'hidden',
  word_header_footer: 'header_footer',
};

/** Left-out running text above this many words is announced at the top of the report, not only listed. */
export const LOSS_WARNING_MIN_WORDS = 8;

const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * The headline warning for running text an import left out (site furniture, hidden
 * passages, page headers and footers): paragraphs, words and why, or null when only
 * a few words (a menu link, a share button, a page number) were left out.
 */
export function lossWarning(dropped: readonly { kind: DropKind; text: string }[]): ImportWarning | null {
  const lost = dropped.filter((d) => RUNNING_TEXT_DROPS[d.kind]);
  const words = lost.reduce((n, d) => n + wordCount(d.text), 0);
  if (words <= LOSS_WARNING_MIN_WORDS) return null;
  const reason = LOSS_REASONS.filter((r) => lost.some((d) => RUNNING_TEXT_DROPS[d.kind] === r)).join(',');
  return warning('text_left_out', { paragraphs: lost.length, words, reason });
}

export const ImportDropped = z.object({
  text: z.string(),
  kind: z.enum(DROP_KINDS),
  /** The reason in English (CLI); the review screen translates `kind`. */
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportDropped = z.infer<typeof ImportDropped>;

export const ImportWarning = z.object({
  code: z.enum(WARNING_CODES),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

/** A dropped piece of the source, with its reason. */
export const dropped = (kind: DropKind, text: string, params: Params = {}): ImportDropped => ({ text, kind, reason: DROP_REASONS_EN[kind](params), params });

/** A warning for the report. */
export const warning = (code: WarningCode, params: Params = {}): ImportWarning => ({ code, message: WARNINGS_EN[code](params), params });

export const ImportReport = z.object({
  fileName: z.string(),
  format: z.enum(['text', 'docx', 'html']),
  /** Character encoding the text was read in (text and HTML files). */
  encoding: z.string().nullable(),
  headline: z.string(),
  publishedAt: z.string().nullable(),
  agencyTag: z.string(),
  lead: z.string(),
  paragraphs: z.number().int(),
  captions: z.array(z.string()),
  figures: z.array(ImportFigure),
  byline: z.array(z.string()),
  language: z.string(),
  dropped: z.array(ImportDropped),
  warnings: z.array(ImportWarning),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The fields a user may correct on the review screen before the article is created. */
export const ImportFields = z
  .object({
    headline: z.string().max(1000),
    lead: z.string().max(20_000),
    agencyTag: z.string().max(20),
    publishedAt: IsoDateTime.nullable(),
    byline: z.array(z.string().max(200)).max(20),
    /** One caption per figure, in body order. */
    captions: z.array(z.string().max(5000)).max(500),
    /** Indexes of caption candidates (figures, in body order) the user put back in the body as paragraphs. */
    bodyText: z.array(z.number().int().min(0)).max(500),
  })
  .partial()
  .strict();
export type ImportFields = z.infer<typeof ImportFields>;

/** One file (or story folder) read for review: its report, or why it was refused. */
export const ImportPreviewItem = z.object({
  /** Handle for {@link ImportFields} corrections and the commit; null when the file was refused. */
  importId: z.string().nullable(),
  name: z.string(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
});
export type ImportPreviewItem = z.infer<typeof ImportPreviewItem>;
