/**
 * The newsroom dictionary in the store: everyone reads it, only a desk profile
 * changes it. Handoff packages carry it; what they bring is merged only from a
 * signer trusted as desk, and otherwise held as offered until the desk decides.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import { DictionaryWord, NewsroomWord, OfferedWord, type DictionaryKind, type PackageDictionary } from '../../../shared/proofing/dictionary';
import type { Profile } from '../../../shared/review/model';

const WordRow = z.object({ word: z.string(), kind: z.string(), added_by: z.string().nullable(), added_at: z.string() }).transform((r) => NewsroomWord.parse({ word: r.word, kind: r.kind, addedBy: r.added_by, addedAt: r.added_at }));
const OfferRow = z
  .object({ word: z.string(), kind: z.string(), offered_by: z.string(), fingerprint: z.string().nullable(), offered_at: z.string() })
  .transform((r) => OfferedWord.parse({ word: r.word, kind: r.kind, offeredBy: r.offered_by, fingerprint: r.fingerprint, offeredAt: r.offered_at }));

/** Where a package's entries went: merged into the dictionary, or offered to the desk. */
export interface ReceivedWords {
  merged: number;
  offered: number;
}

export class NewsroomDictionary {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  /** Entries in alphabetical order (Vietnamese collation), those containing `query` (any case) when given. */
  list(query = ''): NewsroomWord[] {
    const rows = this.db.prepare('SELECT word, kind, added_by, added_at FROM newsroom_words').all().map((r) => WordRow.parse(r));
    const needle = query.normalize('NFC').trim().toLocaleLowerCase('vi');
    return rows.filter((r) => !needle || r.word.toLocaleLowerCase('vi').includes(needle)).sort((a, b) => a.word.localeCompare(b.word, 'vi'));
  }

  /** Every entry's text, for the proofer. */
  words(): string[] {
    return (this.db.prepare('SELECT word FROM newsroom_words').pluck().all() as string[]).map((w) => z.string().parse(w));
  }

  offered(): OfferedWord[] {
    return this.db
      .prepare('SELECT word, kind, offered_by, fingerprint, offered_at FROM newsroom_words_offered')
      .all()
      .map((r) => OfferRow.parse(r))
      .sort((a, b) => a.word.localeCompare(b.word, 'vi'));
  }

  /** Add an entry (or change its kind); only the desk may. */
  add(editor: Profile, word: string, kind: DictionaryKind): NewsroomWord {
    requireDesk(editor);
    const entry = NewsroomWord.parse({ word: parseWord(word), kind, addedBy: editor.displayName, addedAt: this.now() });
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO newsroom_words (word, kind, added_by, added_at) VALUES (@word, @kind, @addedBy, @addedAt) ON CONFLICT (word) DO UPDATE SET kind = excluded.kind')
        .run(entry);
      this.db.prepare('DELETE FROM newsroom_words_offered WHERE word = ?').run(entry.word);
    })();
    return this.list().find((e) => e.word === entry.word)!;
  }

  /** Remove an entry; only the desk may. False when it was not there. */
  remove(editor: Profile, word: string): boolean {
    requireDesk(editor);
    return this.db.prepare('DELETE FROM newsroom_words WHERE word = ?').run(parseWord(word)).changes > 0;
  }

  /** The desk's decision on offered entries: accepted ones join the dictionary; either way the offer goes. */
  decide(editor: Profile, words: string[], accept: boolean): { accepted: number; declined: number } {
    requireDesk(editor);
    let accepted = 0;
    let declined = 0;
    this.db.transaction(() => {
      for (const raw of words) {
        const word = parseWord(raw);
        const offer = this.db.prepare('SELECT kind FROM newsroom_words_offered WHERE word = ?').pluck().get(word) as string | undefined;
        if (offer === undefined) continue;
        if (accept) {
          this.db.prepare('INSERT OR IGNORE INTO newsroom_words (word, kind, added_by, added_at) VALUES (?, ?, ?, ?)').run(word, offer, editor.displayName, this.now());
          accepted++;
        } else declined++;
        this.db.prepare('DELETE FROM newsroom_words_offered WHERE word = ?').run(word);
      }
    })();
    return { accepted, declined };
  }

  /** The sender's dictionary for a handoff package. */
  forPackage(): PackageDictionary {
    return this.list().map(({ word, kind }) => ({ word, kind }));
  }

  /**
   * Entries a package carried, inside the caller's transaction: merged when the
   * signer is trusted as desk, otherwise offered (named by sender and key). Words
   * already in the dictionary are neither; nothing is ever removed by a package.
   */
  receive(entries: PackageDictionary, from: { name: string; fingerprint: string | null; trustedAsDesk: boolean }): ReceivedWords {
    const known = new Set(this.words());
    const result: ReceivedWords = { merged: 0, offered: 0 };
    const at = this.now();
    for (const { word, kind } of entries) {
      if (known.has(word)) continue;
      if (from.trustedAsDesk) {
        this.db.prepare('INSERT OR IGNORE INTO newsroom_words (word, kind, added_by, added_at) VALUES (?, ?, ?, ?)').run(word, kind, from.name, at);
        this.db.prepare('DELETE FROM newsroom_words_offered WHERE word = ?').run(word);
        result.merged++;
      } else {
        this.db
          .prepare(
            `INSERT INTO newsroom_words_offered (word, kind, offered_by, fingerprint, offered_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (word) DO UPDATE SET kind = excluded.kind, offered_by = excluded.offered_by, fingerprint = excluded.fingerprint, offered_at = excluded.offered_at`,
          )
          .run(word, kind, from.name, from.fingerprint, at);
        result.offered++;
      }
      known.add(word);
    }
    return result;
  }
}

function requireDesk(editor: Profile): void {
  if (editor.role !== 'desk') throw new ApiError('forbidden', `Only a desk profile may change the newsroom dictionary; ${editor.displayName} is ${editor.role === 'editor' ? 'an editor' : 'a reporter'}.`);
}

function parseWord(word: string): string {
  const parsed = DictionaryWord.safeParse(word);
  if (!parsed.success) throw new ApiError('invalid_input', `"${word.slice(0, 60)}" cannot go in the dictionary: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  return parsed.data;
}
