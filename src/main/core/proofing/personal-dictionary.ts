/**
 * Each profile's personal dictionary (*add to dictionary* in the editor), kept in
 * the store so it is the same in the desktop app and in any browser on the host.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import { DictionaryWord } from '../../../shared/proofing/dictionary';

export class PersonalDictionary {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  words(profileId: string): string[] {
    const rows = this.db.prepare('SELECT word FROM personal_words WHERE profile_id = ?').pluck().all(profileId);
    return z.array(z.string()).parse(rows).sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /** Add words (already known ones are kept as they are); returns the whole list. */
  add(profileId: string, words: string[]): string[] {
    const parsed = words.map((w) => {
      const p = DictionaryWord.safeParse(w);
      if (!p.success) throw new ApiError('invalid_input', `"${w.slice(0, 60)}" cannot go in the dictionary: ${p.error.issues[0]?.message ?? 'invalid'}.`);
      return p.data;
    });
    const insert = this.db.prepare('INSERT OR IGNORE INTO personal_words (profile_id, word, added_at) VALUES (?, ?, ?)');
    this.db.transaction(() => parsed.forEach((w) => insert.run(profileId, w, this.now())))();
    return this.words(profileId);
  }
}
