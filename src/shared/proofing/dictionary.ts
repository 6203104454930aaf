/**
 * The newsroom dictionary: names and words the paper prints that spelling must
 * never flag (people, places, ethnic groups, organisations, other words). It lives
 * in the database (`newsroom_words`), the desk edits it, and handoff packages
 * carry it. The personal dictionary is one reporter's own list (`personal_words`).
 */
import { z } from 'zod';

export const DICTIONARY_KINDS = ['person', 'place', 'ethnic', 'organisation', 'word'] as const;
export const DictionaryKind = z.enum(DICTIONARY_KINDS);
export type DictionaryKind = z.infer<typeof DictionaryKind>;

/** One entry as typed: trimmed, single spaces, NFC; a name of several syllables stays one entry. */
export const DictionaryWord = z
  .string()
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'the word is empty').max(200, 'a dictionary entry is at most 200 characters').regex(/^[^\p{Cc}]+$/u, 'a dictionary entry cannot hold control characters'));

export const NewsroomWord = z.object({
  word: DictionaryWord,
  kind: DictionaryKind,
  /** Who added it (display name), or null for the paper's default list. */
  addedBy: z.string().nullable(),
  addedAt: z.string(),
});
export type NewsroomWord = z.infer<typeof NewsroomWord>;

/** Entries a handoff package carried from a sender this machine does not trust as desk, waiting for the desk. */
export const OfferedWord = z.object({
  word: DictionaryWord,
  kind: DictionaryKind,
  /** The sender's display name and key fingerprint (null for an unsigned package). */
  offeredBy: z.string(),
  fingerprint: z.string().nullable(),
  offeredAt: z.string(),
});
export type OfferedWord = z.infer<typeof OfferedWord>;

/** What a handoff package carries: the sender's newsroom dictionary. */
export const PackageDictionary = z.array(z.object({ word: DictionaryWord, kind: DictionaryKind }).strict()).max(50_000);
export type PackageDictionary = z.infer<typeof PackageDictionary>;

/**
 * The paper's default list (seeded by the migration; the desk may remove any):
 * Lai Châu's city and districts, communes the paper writes about often, the
 * province's ethnic groups, and words the paper prints that Vietnamese word lists lack.
 */
export const DEFAULT_NEWSROOM_WORDS: readonly { word: string; kind: DictionaryKind }[] = [
  ...['Lai Châu', 'Tam Đường', 'Phong Thổ', 'Sìn Hồ', 'Mường Tè', 'Than Uyên', 'Tân Uyên', 'Nậm Nhùn'].map((word) => ({ word, kind: 'place' as const })),
  ...['Pa Vây Sử', 'Mù Cả', 'Ka Lăng', 'Thu Lũm', 'Bum Nưa', 'Bum Tở', 'Pa Ủ', 'Hồ Thầu', 'Bình Lư', 'Mường Than', 'Mường Kim', 'Mường Khoa', 'Sin Suối Hồ'].map((word) => ({ word, kind: 'place' as const })),
  ...['Mông', 'Dao', 'Hà Nhì', 'Thái', 'Giáy', 'Lự', 'Cống', 'Mảng', 'La Hủ', 'Si La', 'Kháng', 'Khơ Mú'].map((word) => ({ word, kind: 'ethnic' as const })),
  { word: 'Giàng A Chớ', kind: 'person' },
  ...['TikTok', 'Zalo', 'Facebook', 'YouTube'].map((word) => ({ word, kind: 'organisation' as const })),
  ...['livestream', 'taluy', 'km', 'kg', 'ha', 'kW', 'kWh', 'MW', 'm2', 'm3'].map((word) => ({ word, kind: 'word' as const })),
];
