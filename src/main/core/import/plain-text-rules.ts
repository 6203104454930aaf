/**
 * The data behind the plain-text importer's heuristics. Tune recognition here,
 * not in the code: each rule is a pattern with the reason it exists.
 */

const WEEKDAY_VI = 'Thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|Chủ\\s+nhật|CN';
const WEEKDAY_EN = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const WEEKDAY = `(?:${WEEKDAY_VI}|${WEEKDAY_EN})`;
const DMY = '(?<day>\\d{1,2})\\/(?<month>\\d{1,2})\\/(?<year>\\d{4})';
const HM = '(?<hour>\\d{1,2})[:h](?<minute>\\d{2})(?:\\s*(?<ampm>[AaPp]\\.?[Mm]\\.?))?';
const MONTH_NAME = '(?<monthName>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';

/** English month names (and abbreviations) to month numbers. */
export const MONTH_NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

export interface DateRule {
  name: string;
  /** Named groups: day, month or monthName, year, and optionally hour, minute, ampm. */
  pattern: RegExp;
  /** `article` dates become the published time; `site` stamps are the page's capture time and are dropped. */
  role: 'article' | 'site';
}

export const DATE_RULES: DateRule[] = [
  // `Thứ ba, 30/04/2024, 14:43 [GMT+7]`: the site's clock at the time the page was saved.
  { name: 'site stamp', role: 'site', pattern: new RegExp(`^${WEEKDAY},\\s*${DMY},\\s*${HM}\\s*\\[GMT[+-]\\d{1,2}\\]$`, 'iu') },
  // `Thứ sáu, 10/06/2016 - 16:36'` or `10/06/2016 16:36 (GMT+7)`: the article's own date line.
  { name: 'article date', role: 'article', pattern: new RegExp(`^(?:${WEEKDAY},?\\s*)?${DMY}\\s*[-–|,]?\\s*${HM}'?(?:\\s*\\(?GMT[+-]\\d{1,2}\\)?)?$`, 'iu') },
  // `Cập nhật: 10/06/2016 16:36` or `Ngày đăng: 10/06/2016`.
  { name: 'labelled date', role: 'article', pattern: new RegExp(`^(?:Cập nhật|Ngày đăng|Đăng lúc|Published|Updated)\\s*:?\\s*${DMY}(?:\\s*[-–|,]?\\s*${HM})?$`, 'iu') },
  // `Friday, June 10, 2016 - 4:36 PM` (English copy).
  { name: 'english date', role: 'article', pattern: new RegExp(`^(?:${WEEKDAY_EN},?\\s*)?${MONTH_NAME}\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})(?:\\s*[-–|,]?\\s*${HM})?$`, 'iu') },
  // `10 June 2016, 16:36` (English copy, day first).
  { name: 'english date, day first', role: 'article', pattern: new RegExp(`^(?:${WEEKDAY_EN},?\\s*)?(?<day>\\d{1,2})\\s+${MONTH_NAME},?\\s+(?<year>\\d{4})(?:\\s*[-–|,]?\\s*${HM})?$`, 'iu') },
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
  /^(Tin|Bài) (liên quan|cùng chuyên mục|khác|đã đưa|mới)/iu,
  /^Các tin (khác|đã đưa)/iu,
  /^(Chia sẻ|Share|In bài|Print|Tags?:|Từ khóa:)/iu,
  /^(Comments?|Leave a comment|Related( articles| stories)?|Read more|More stories)$/iu,
];

/** Chrome lines that name themselves: reported as site chrome; anything else after them is a teaser. */
export const CHROME_LINES: RegExp[] = [...CHROME_STARTERS, /^(Đọc tiếp|Xem thêm|Quay lại|Về đầu trang|Trang chủ)\b/iu];

/** Byline decorations removed from the names: `Bài và ảnh:`, `Theo`, `By`. */
export const BYLINE_PREFIX = /^(?:(?:Bài(?:\s*(?:và|,|&)\s*ảnh)?|Ảnh|Tin(?:\s*(?:và|,|&)\s*ảnh)?|Nhóm PV|Theo|By|Written by|Story and photos by)\s*:?\s+)/iu;

/**
 * A role after the name, `Tiến Thành (CTV)` or `Jane Doe, staff reporter`: kept out of
 * the author name and listed in the report.
 */
export const BYLINE_ROLE = /\s*(?:\(([^()]{1,60})\)|[,–—-]\s*((?:PV|CTV|TTXVN|phóng viên|cộng tác viên|biên tập viên|thông tấn xã|reporter|correspondent|staff writer|staff reporter|photographer|editor)\b[^,]{0,50}))$/iu;

/** Separators between several authors in one byline. */
export const BYLINE_SEPARATOR = /\s*[,;]\s*|\s+(?:và|and|&)\s+|\s+-\s+/u;

/** A byline is a short line: at most this many words, and no sentence punctuation at its end. */
export const BYLINE_MAX_WORDS = 8;

/** Explicit photo-caption cues: `(Ảnh: …)` at the end, `Ảnh:` at the start, `Photo:`. */
export const CAPTION_CUES: RegExp[] = [/\((Ảnh|Photo|Ảnh minh họa|Ảnh minh hoạ)\s*:?[^)]*\)\s*\.?$/iu, /^(Ảnh|Photo|Hình)\s*\d*\s*:/iu];

/** `Ảnh:` or `Photo 2:` in front of a caption: a cue, not part of the caption text. */
export const CAPTION_PREFIX = /^(?:Ảnh|Photo|Hình)\s*\d*\s*:\s*/iu;

/** Credit inside a cued caption, `(Ảnh: Tiến Thành)`: moved to the figure's credit. */
export const CAPTION_CREDIT = /\s*\((?:Ảnh|Photo)\s*:\s*([^)]+)\)\s*\.?$/iu;

/**
 * Without a cue, a body paragraph is taken for a caption when it is one sentence,
 * short, holds no quotation, and stands between longer paragraphs.
 */
export const CAPTION_SHAPE = { maxWords: 50, neighbourMinWords: 60 };

/** A paragraph that is a quotation and nothing else becomes a block quote. */
export const STANDALONE_QUOTE = /^[“"«].*[”"»][.!?…]?$/u;
