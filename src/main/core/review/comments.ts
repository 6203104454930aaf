import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Node as PMNode } from 'prosemirror-model';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import { createAnchor, resolveAnchor, trimToText } from '../../../shared/review/anchors';
import { buildTextIndex } from '../../../shared/review/text-index';
import type { Anchor, Comment, Profile } from '../../../shared/review/model';

interface CommentRow {
  id: string;
  article_id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  anchor: string | null;
  detached: number;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** SQL for what an insert does when the row already exists. */
export const ON_EXISTING = { fail: '', replace: 'OR REPLACE', keep: 'OR IGNORE' } as const;

export const rowToComment = (r: CommentRow): Comment => ({
  id: r.id,
  articleId: r.article_id,
  threadId: r.thread_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  anchor: r.anchor ? (JSON.parse(r.anchor) as Anchor) : null,
  detached: r.detached === 1,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
});

/**
 * Comment threads. The first comment of a thread holds the anchor; replies and the
 * resolved state belong to the thread. Anchors are re-found against the current
 * document whenever threads are listed, so edits made anywhere (another window, an
 * import, a handoff, a restored revision) never lose a comment: one whose text is
 * gone is kept and marked detached.
 */
export class CommentRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  /** All comments of an article: threads in document order (detached ones last), replies in time order. */
  list(articleId: string, doc: PMNode): Comment[] {
    const rows = this.db.prepare('SELECT * FROM review_comments WHERE article_id = ? ORDER BY created_at, id').all(articleId) as CommentRow[];
    const comments = rows.map(rowToComment);
    this.reanchor(comments, doc);
    const roots = new Map(comments.filter((c) => c.id === c.threadId).map((c) => [c.id, c]));
    const order = (c: Comment) => {
      const root = roots.get(c.threadId);
      return root?.anchor && !root.detached ? root.anchor.from : Number.MAX_SAFE_INTEGER;
    };
    return comments.sort((a, b) => order(a) - order(b) || a.threadId.localeCompare(b.threadId) || (a.id === a.threadId ? -1 : b.id === b.threadId ? 1 : 0) || a.createdAt.localeCompare(b.createdAt));
  }

  /** Re-find every root anchor in `doc`; store what moved or became detached. */
  private reanchor(comments: Comment[], doc: PMNode): void {
    const index = buildTextIndex(doc);
    const update = this.db.prepare('UPDATE review_comments SET anchor = @anchor, detached = @detached WHERE id = @id');
    const changed: Comment[] = [];
    for (const c of comments) {
      if (!c.anchor) continue;
      const found = resolveAnchor(doc, c.anchor, index);
      if (found) {
        if (c.detached || found.from !== c.anchor.from || found.to !== c.anchor.to || found.prefix !== c.anchor.prefix || found.suffix !== c.anchor.suffix) {
          c.anchor = found;
          c.detached = false;
          changed.push(c);
        }
      } else if (!c.detached) {
        c.detached = true; // keep the last known anchor and quote, so the panel can show what was commented
        changed.push(c);
      }
    }
    if (changed.length) {
      this.db.transaction(() => {
        for (const c of changed) update.run({ id: c.id, anchor: JSON.stringify(c.anchor), detached: c.detached ? 1 : 0 });
      })();
    }
  }

  get(id: string): Comment {
    const row = this.db.prepare('SELECT * FROM review_comments WHERE id = ?').get(id) as CommentRow | undefined;
    if (!row) throw new ApiError('not_found', `No comment with id ${id}.`);
    return rowToComment(row);
  }

  /** Start a thread on `[from, to)` of the current document. */
  add(input: { articleId: string; from: number; to: number; body: string }, doc: PMNode, author: Profile): Comment {
    if (input.from >= input.to) throw new ApiError('invalid_input', 'Select the text you want to comment on.');
    if (input.to > doc.content.size) throw new ApiError('invalid_input', 'The selection is outside the article; reload it and try again.');
    const index = buildTextIndex(doc);
    const range = trimToText(doc, input.from, input.to, index);
    const anchor = createAnchor(doc, range.from, range.to, index);
    if (!anchor.quote.trim()) throw new ApiError('invalid_input', 'Select some text (not only spaces) to comment on.');
    const id = randomUUID();
    const comment: Comment = {
      id,
      articleId: input.articleId,
      threadId: id,
      authorId: author.id,
      body: input.body,
      createdAt: this.now(),
      editedAt: null,
      anchor,
      detached: false,
      resolvedAt: null,
      resolvedBy: null,
    };
    this.insert(comment);
    return comment;
  }

  reply(threadId: string, body: string, author: Profile): Comment {
    const root = this.get(threadId);
    if (root.threadId !== root.id) throw new ApiError('invalid_input', 'Reply to the first comment of a thread.');
    const comment: Comment = {
      id: randomUUID(),
      articleId: root.articleId,
      threadId,
      authorId: author.id,
      body,
      createdAt: this.now(),
      editedAt: null,
      anchor: null,
      detached: false,
      resolvedAt: null,
      resolvedBy: null,
    };
    this.db.transaction(() => {
      this.insert(comment);
      // A reply to a resolved thread reopens it: the conversation is not over.
      this.db.prepare('UPDATE review_comments SET resolved_at = NULL, resolved_by = NULL WHERE id = ?').run(threadId);
    })();
    return comment;
  }

  /** Resolve or reopen a whole thread. */
  setResolved(threadId: string, resolved: boolean, by: Profile): Comment {
    const root = this.get(threadId);
    if (root.threadId !== root.id) throw new ApiError('invalid_input', 'Resolve the thread through its first comment.');
    this.db
      .prepare('UPDATE review_comments SET resolved_at = @at, resolved_by = @by WHERE id = @id')
      .run({ id: threadId, at: resolved ? this.now() : null, by: resolved ? by.id : null });
    return this.get(threadId);
  }

  /** Change one's own comment text. */
  edit(id: string, body: string, by: Profile): Comment {
    const c = this.get(id);
    if (c.authorId !== by.id) throw new ApiError('forbidden', 'Only the author of a comment can change it.');
    this.db.prepare('UPDATE review_comments SET body = ?, edited_at = ? WHERE id = ?').run(body, this.now(), id);
    return this.get(id);
  }

  /** Store anchors the editor mapped through its transactions (positions between saves). */
  updateAnchors(articleId: string, updates: { threadId: string; anchor: Anchor | null }[]): void {
    const stmt = this.db.prepare(
      'UPDATE review_comments SET anchor = coalesce(@anchor, anchor), detached = @detached WHERE id = @id AND article_id = @articleId AND thread_id = id',
    );
    this.db.transaction(() => {
      for (const u of updates) stmt.run({ id: u.threadId, articleId, anchor: u.anchor ? JSON.stringify(u.anchor) : null, detached: u.anchor ? 0 : 1 });
    })();
  }

  /**
   * Insert a comment as it is (new ones and those arriving in a package). `replace`
   * overwrites a stored copy, `keep` leaves a stored copy alone.
   */
  insert(c: Comment, onExisting: 'fail' | 'replace' | 'keep' = 'fail'): void {
    this.db
      .prepare(
        `INSERT ${ON_EXISTING[onExisting]} INTO review_comments (id, article_id, thread_id, author_id, body, created_at, edited_at, anchor, detached, resolved_at, resolved_by)
         VALUES (@id, @articleId, @threadId, @authorId, @body, @createdAt, @editedAt, @anchor, @detached, @resolvedAt, @resolvedBy)`,
      )
      .run({ ...c, anchor: c.anchor ? JSON.stringify(c.anchor) : null, detached: c.detached ? 1 : 0 });
  }

  /** Every stored comment of an article, untouched (for packages). */
  raw(articleId: string): Comment[] {
    return (this.db.prepare('SELECT * FROM review_comments WHERE article_id = ? ORDER BY created_at, id').all(articleId) as CommentRow[]).map(rowToComment);
  }
}
