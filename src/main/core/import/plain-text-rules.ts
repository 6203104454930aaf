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

/** A line of tags, `Từ khóa: chè, Tam Đường`: furniture up to {@link TAG_LINE_MAX_WORDS} words. */
export const TAG_LINE = /^(Tags?|Từ khóa|Từ khoá|Chủ đề)\s*:/iu;

/**
 * Headings that open a block of site furniture (comments, sharing, related stories).
 * A line counts only when it is the whole heading: short ({@link FURNITURE_HEADING_MAX_WORDS}
 * words at most) and not a sentence. A paragraph of running prose that merely begins
 * with these words ("Chia sẻ với phóng viên, ông…", "Read more about…") is body text.
 */
export const FURNITURE_HEADINGS: RegExp[] = [
  /^Bình luận(\s*\(\d+\))?$/iu,
  /^Hiện tại chưa có bình luận/iu,
  /^(Viết|Gửi) bình luận/iu,
  /^Ý kiến bạn đọc/iu,
  /^(Tin|Bài) (liên quan|cùng chuyên mục|khác|đã đưa|mới|nổi bật|xem nhiều)/iu,
  /^Các tin (khác|đã đưa)/iu,
  /^(Chia sẻ|Share|In bài|Print|Gửi bài|Lưu bài)( (bài viết|bài|this|article|story|on|qua|lên))*( (Facebook|Zalo|Twitter|X|Email|LinkedIn))*$/iu,
  TAG_LINE,
  /^(Comments?|Leave a comment|Related( articles| stories| content)?|Read more|More stories|Recommended|Most read)$/iu,
  /^(Đọc tiếp|Xem thêm|Đọc thêm|Quay lại|Về đầu trang|Trang chủ)\s*:?$/iu,
];

/** The longest line still taken for a furniture heading; tag lines (`Từ khóa: …`) may run to the longer limit. */
export const FURNITURE_HEADING_MAX_WORDS = 6;
export const TAG_LINE_MAX_WORDS = 25;

/** A related-story teaser cut short by the site: it ends in an ellipsis. */
export const TRUNCATED_TEASER = /(\.\.\.|…)$/u;

/**
 * Running prose: at least this many words, or a sentence of at least
 * {@link PROSE.minSentenceWords} words. Furniture is never running prose.
 */
export const PROSE = { minWords: 20, minSentenceWords: 8 };

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
 * Without a cue, a paragraph is judged by its shape: one sentence, no quotation,
 * at most `maxWords` words, and shorter than each neighbouring paragraph. With
 * neither photo wording nor photos, it is a caption candidate only when it has at
 * most half the words of each neighbour.
 */
export const CAPTION_SHAPE = { maxWords: 50 };

/**
 * Wording that photo captions use and running prose rarely does: a scene opener
 * ("Toàn cảnh…", "Các đại biểu…"), a position in the frame ("(thứ hai từ trái)"),
 * a leading or trailing credit ("Ảnh: X", "– Ảnh: X", "Photo: X"). A line of caption
 * shape with such wording is a caption; without it, a caption candidate.
 */
export const CAPTION_WORDING: RegExp[] = [
  /^(Toàn cảnh|Quang cảnh|Cảnh|Các đại biểu|Đại biểu|Các đồng chí|Đồng chí .{1,40} (phát biểu|trao|tặng|thăm|kiểm tra)|Lãnh đạo .{1,60} (trao|tặng|thăm|chụp ảnh)|Du khách|Bà con|Người dân|Học sinh|Các em|Các vận động viên|Lực lượng)\b/iu,
  /\((?:thứ\s+\S+|giữa|ngoài cùng)\s*(?:từ\s+(?:trái|phải)(?:\s+sang)?)?\)/iu,
  /\b(từ trái sang|từ phải sang|in the photo|pictured|from left|from right)\b/iu,
  /^(Ảnh|Photo|Hình|Pictured)\s*\d*\s*:/iu,
  /[–—-]\s*(Ảnh|Photo)\s*:\s*[^.]{1,60}$/iu,
  /\((Ảnh|Photo)\b[^)]*\)\s*\.?$/iu,
];

/** A credit at the end of a caption without parentheses, `… – Ảnh: Tiến Thành`: moved to the figure's credit. */
export const CAPTION_TRAILING_CREDIT = /\s*[–—-]\s*(?:Ảnh|Photo)\s*:\s*([^.]{1,60})\s*$/iu;

/** A paragraph that is a quotation and nothing else becomes a block quote. */
export const STANDALONE_QUOTE = /^[“"«].*[”"»][.!?…]?$/u;
