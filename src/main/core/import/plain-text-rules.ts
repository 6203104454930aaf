/**
 * The data behind the plain-text importer's heuristics. Tune recognition here,
 * not in the code: each rule is a pattern with the reason it exists.
 */

const WEEKDAY = '(?:Thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|Chủ\\s+nhật|CN|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DMY = '(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})';
const HM = '(\\d{1,2})[:h](\\d{2})';

export interface DateRule {
  name: string;
  pattern: RegExp;
  /** `article` dates become the published time; `site` stamps are the page's capture time and are dropped. */
  role: 'article' | 'site';
}

/** Capture groups in every date rule: day, month, year, hour, minute. */
export const DATE_RULES: DateRule[] = [
  // `Thứ ba, 30/04/2024, 14:43 [GMT+7]`: the site's clock at the time the page was saved.
  { name: 'site stamp', role: 'site', pattern: new RegExp(`^${WEEKDAY},\\s*${DMY},\\s*${HM}\\s*\\[GMT[+-]\\d{1,2}\\]$`, 'iu') },
  // `Thứ sáu, 10/06/2016 - 16:36'`: the article's own date line.
  { name: 'article date', role: 'article', pattern: new RegExp(`^(?:${WEEKDAY},?\\s*)?${DMY}\\s*[-–|,]?\\s*${HM}'?(?:\\s*\\(GMT[+-]\\d{1,2}\\))?$`, 'iu') },
];

/** `(BLC) –` at the start of the lead: the agency tag, followed by an en dash, em dash or hyphen. */
export const AGENCY_TAG = /^\(([A-ZĐ][A-ZĐ0-9&.]{0,11})\)\s*[–—-]\s*/u;

/** Lines that start the site furniture after the article; they and all that follows are dropped. */
export const CHROME_STARTERS: RegExp[] = [
  /^Bình luận(\s*\(\d+\))?$/iu,
  /^Hiện tại chưa có bình luận/iu,
  /^Viết bình luận/iu,
  /^Gửi bình luận/iu,
  /^Ý kiến bạn đọc/iu,
  /^(Tin|Bài) (liên quan|cùng chuyên mục|khác|đã đưa)/iu,
  /^Các tin (khác|đã đưa)/iu,
  /^(Chia sẻ|Share|In bài|Print|Tags?:|Từ khóa:)/iu,
  /^(Comments?|Leave a comment|Related( articles| stories)?)$/iu,
];

/** Byline decorations removed from the names: `Bài và ảnh:`, `Theo`, `By`. */
export const BYLINE_PREFIX = /^(?:(?:Bài(?:\s*(?:và|,|&)\s*ảnh)?|Ảnh|Tin(?:\s*(?:và|,|&)\s*ảnh)?|Theo|By|Written by)\s*:?\s+)/iu;

/** A byline is a short line: at most this many words, and no sentence punctuation at its end. */
export const BYLINE_MAX_WORDS = 8;

/** Explicit photo-caption cues: `(Ảnh: …)` at the end, `Ảnh:` at the start, `Photo:`. */
export const CAPTION_CUES: RegExp[] = [/\((Ảnh|Photo)\s*:[^)]*\)\s*\.?$/iu, /^(Ảnh|Photo)\s*:/iu];

/**
 * Without a cue, a body paragraph is taken for a caption when it is one sentence,
 * short, holds no quotation, and stands between longer paragraphs.
 */
export const CAPTION_SHAPE = { maxWords: 50, neighbourMinWords: 60 };
