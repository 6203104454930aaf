import type { StoredDocument } from '../../../../../shared/document';

/**
 * The recovery journal: the latest document of each open article, kept in the
 * renderer's localStorage (it survives a crash, a dead host or a refused save,
 * and needs no working core). Written shortly after every change and always
 * before autosave sends it, so the journal is never older than the database.
 */
export interface JournalEntry {
  v: 1;
  articleId: string;
  /** When the entry was written (ISO, renderer clock). */
  writtenAt: string;
  document: StoredDocument;
  /**
   * Fingerprints of documents this editor produced or started from (the version
   * opened, and each journalled version since). If the database holds one of them,
   * the journal is simply newer; if it holds none, someone else saved meanwhile.
   */
  known: string[];
}

/** Most fingerprints kept per entry. */
const MAX_KNOWN = 40;

/** FNV-1a over the document JSON: a cheap fingerprint, not a security measure. */
export function fingerprint(json: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${json.length}`;
}

const PREFIX = 'newsroom.recovery.';

export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class RecoveryJournal {
  constructor(private readonly storage: JournalStorage) {}

  /** Store the document; false when storage is full or unavailable (the caller may warn). */
  write(articleId: string, document: StoredDocument, known: string[], now = new Date()): boolean {
    const entry: JournalEntry = { v: 1, articleId, writtenAt: now.toISOString(), document, known: known.slice(-MAX_KNOWN) };
    try {
      this.storage.setItem(PREFIX + articleId, JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  read(articleId: string): JournalEntry | null {
    let raw: string | null;
    try {
      raw = this.storage.getItem(PREFIX + articleId);
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const entry = JSON.parse(raw) as JournalEntry;
      if (entry.v !== 1 || entry.articleId !== articleId || typeof entry.document !== 'object' || !Array.isArray(entry.known)) return null;
      return entry;
    } catch {
      return null;
    }
  }

  clear(articleId: string): void {
    try {
      this.storage.removeItem(PREFIX + articleId);
    } catch {
      // Nothing to do: an entry that cannot be removed is compared again next time.
    }
  }
}
