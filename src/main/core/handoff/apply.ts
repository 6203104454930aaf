import type { Database } from 'better-sqlite3';
import type { Node as PMNode } from 'prosemirror-model';
import { toIsoWithOffset } from '../../../shared/dates';
import { documentFromStored, documentToStored, type NodeJSON, type StoredDocument } from '../../../shared/document';
import type { ArticleStatus } from '../../../shared/article';
import type { Profile } from '../../../shared/review/model';
import { roleMayReach, TRUSTED_ONLY_STATUSES, type PackageSigner } from '../../../shared/review/trust';
import type { Core } from '../core';
import { importMediaBytes } from '../media/import';
import { probeImage } from '../media/images';
import { findHiddenContent, sniffImage } from '../media/sniff';
import { digestDocument } from '../store/articles';
import { assertDocumentFits } from '../store/document-size';
import { mediaIdsOf } from '../store/media-refs';
import { HandoffError, type ArticleEntry, type HistoryEntry, type PackageContents } from './format';
import { revisionHash, stateHash, storedStateHash } from './fingerprint';
import { fullHistory, snapshotMeta } from './pack';
import { planMedia, repointDocument, type MediaPlan } from './media-plan';
import { MediaOrigins } from './media-origins';
import { identifySigner, rememberSigner } from './signer';

/**
 * How the incoming article relates to the local copy:
 * - created: new on this machine;
 * - unchanged: both copies are the same version (review records are merged);
 * - updated: only they changed it since the common version, so theirs becomes current;
 * - older: only we changed it since, so ours stays current;
 * - conflict: both changed it; theirs is kept as a parallel revision for the user to settle.
 */
export type UnpackOutcome = 'created' | 'unchanged' | 'updated' | 'older' | 'conflict';

export interface UnpackResult {
  articleId: string;
  slug: string;
  headline: string;
  outcome: UnpackOutcome;
  sender: Profile;
  /** Who signed the package and whether this machine trusts the key. */
  signer: PackageSigner;
  /** The article's status here after opening. */
  status: ArticleStatus;
  /** An approval or publication the package claimed that does not count here (untrusted or unsigned), or null. */
  claimedStatus: ArticleStatus | null;
  purpose: 'review' | 'desk';
  /** On conflict: the conflict record and the revision holding their version. */
  conflict: { id: string; revisionId: number } | null;
  added: { revisions: number; comments: number; suggestions: number; transitions: number; media: number };
  /** Photos the document names that neither the package nor this store holds. */
  missingMedia: string[];
  /** The sender's newsroom dictionary entries new here: merged only from a signer trusted as desk, otherwise offered to the desk. */
  dictionary: { merged: number; offered: number };
}

/** Current document as stored here: normalised and at the current layout version. */
function normalised(stored: StoredDocument): StoredDocument {
  return documentToStored(documentFromStored(stored));
}

/**
 * Refuse a package whose article, or a revision of its history, is larger than
 * the store takes (`assertDocumentFits`), with the store's own sentence, before
 * any photo or row is written: this module writes its rows with its own SQL, so
 * the store's check would otherwise be skipped.
 */
function checkDocumentSizes(contents: PackageContents): void {
  const documents = [
    { entry: 'article.json', json: JSON.stringify(normalised(contents.article.document).doc) },
    ...contents.history.map((h, i) => ({ entry: `history.json revision ${i + 1}`, json: JSON.stringify(h.document.doc) })),
  ];
  for (const { entry, json } of documents) {
    try {
      assertDocumentFits(json);
    } catch (err) {
      throw new HandoffError(`${entry}: ${(err as Error).message}`);
    }
  }
}

/** Check every photo that will be stored is one the media store will take, before anything is written. */
async function checkMedia(photos: PackageContents['media']): Promise<void> {
  for (const m of photos) {
    const sniffed = sniffImage(m.bytes);
    const problem = !sniffed.ok ? sniffed.reason : findHiddenContent(m.bytes);
    if (problem) throw new HandoffError(`photo ${m.fileName || m.id.slice(0, 12)} was refused: ${problem}`);
    try {
      await probeImage(m.bytes, sniffed.ok ? sniffed.format : 'jpeg');
    } catch (err) {
      throw new HandoffError(`photo ${m.fileName || m.id.slice(0, 12)} was refused: ${(err as Error).message}`);
    }
  }
}

/** The package with its documents naming the photos this machine will use (see media-plan.ts). */
function repointContents(contents: PackageContents, plan: MediaPlan): PackageContents {
  if (!plan.repoint.size) return contents;
  const featured = contents.article.meta.featuredMediaId;
  const history = contents.history.map((h) => ({ ...h, document: repointDocument(h.document, plan.repoint) }));
  return {
    ...contents,
    article: {
      ...contents.article,
      meta: { ...contents.article.meta, featuredMediaId: featured ? (plan.repoint.get(featured) ?? featured) : featured },
      document: repointDocument(contents.article.document, plan.repoint),
    },
    history,
    historyNodes: history.map((h, i) => (h.document === contents.history[i]!.document ? contents.historyNodes[i]! : documentFromStored(h.document))),
  };
}

/**
 * Bring a checked package into this database. Photos are checked first, then
 * stored (each under its own hash), then the article, its history and review
 * records are written in one transaction: either everything arrives or nothing
 * changes. A status only a trusted signer can give is held as a claim otherwise.
 */
export async function applyPackage(core: Core, received: PackageContents): Promise<UnpackResult> {
  checkDocumentSizes(received);
  const signer = identifySigner(core, received);
  const plan = planMedia(received, (id) => core.media.has(id), signer.trusted);
  await checkMedia(plan.store);
  let mediaAdded = 0;
  for (const m of plan.store) {
    try {
      await importMediaBytes(core.media, m.bytes, m.fileName);
    } catch (err) {
      throw new HandoffError(`photo ${m.fileName || m.id.slice(0, 12)} could not be stored: ${(err as Error).message}`);
    }
    mediaAdded++;
  }
  const contents = repointContents(received, plan);
  const result = core.db
    .transaction(() => {
      rememberSigner(core, contents);
      const origins = new MediaOrigins(core.db);
      for (const link of plan.links) origins.record(link.copyId, link.originalId, signer.trusted ? signer.fingerprint : null);
      const written = writeArticle(core, contents, signer);
      // The sender's dictionary joins ours only on a desk signature this machine trusts; otherwise the desk is asked.
      const dictionary = core.proofing.newsroom.receive(contents.dictionary, {
        name: contents.manifest.sender.displayName,
        fingerprint: signer.fingerprint,
        trustedAsDesk: signer.trusted && signer.trustedAs?.role === 'desk',
      });
      return { ...written, dictionary };
    })
    .immediate();
  core.articles.search.scheduleFlush();
  result.added.media = mediaAdded;
  const doc = documentFromStored(core.articles.get(result.articleId).document);
  result.missingMedia = mediaIdsOf(doc).filter((id) => !core.media.has(id));
  return result;
}

/**
 * The status the article takes here, applied as the workflow allows: a trusted
 * signer's status counts if the role they were trusted as could give it; an
 * approval or publication from anyone else is only a claim. The article then keeps
 * this machine's own approval only if the package left its content as it is here
 * (`approvedHere`); otherwise it goes to in edit, awaiting approval on this machine.
 */
function acceptStatus(claimed: ArticleStatus, approvedHere: ArticleStatus | null, signer: PackageSigner): { status: ArticleStatus; claim: boolean } {
  if (!TRUSTED_ONLY_STATUSES.includes(claimed)) return { status: claimed, claim: false };
  if (signer.trusted && signer.trustedAs && roleMayReach(signer.trustedAs.role, claimed)) return { status: claimed, claim: false };
  if (approvedHere) return { status: approvedHere, claim: approvedHere !== claimed };
  return { status: 'in_edit', claim: true };
}

function exists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
}

function writeArticle(core: Core, contents: PackageContents, signer: PackageSigner): Omit<UnpackResult, 'dictionary'> {
  const { db, review } = core;
  const { manifest, article } = contents;
  const id = article.meta.id;
  const now = toIsoWithOffset(new Date());
  const incoming = normalised(article.document);
  const here = exists(db, id) ? core.articles.get(id) : null;
  // This machine's approval or publication survives only a package that changed nothing but the status.
  const sameContent = here !== null && stateHash({ ...snapshotMeta(article.meta), status: here.meta.status }, incoming.doc) === stateHash(snapshotMeta(here.meta), normalised(here.document).doc);
  const approvedHere = sameContent && TRUSTED_ONLY_STATUSES.includes(here.meta.status) ? here.meta.status : null;
  const accepted = acceptStatus(article.meta.status, approvedHere, signer);
  const applied: ArticleEntry = { ...article, meta: { ...article.meta, status: accepted.status } };
  // Fingerprinted with the status it takes here, so opening the same package twice is "unchanged".
  const incomingState = stateHash(snapshotMeta(applied.meta), incoming.doc);
  const incomingHistory = contents.history.map((h, i) => ({
    ...h,
    node: contents.historyNodes[i]!,
    state: storedStateHash(h.meta, h.document),
    hash: revisionHash({ ...h, doc: h.document.doc }),
  }));

  for (const p of contents.profiles) review.people.remember(p);

  let outcome: UnpackOutcome;
  const localHashes = new Set<string>();
  if (!exists(db, id)) {
    outcome = 'created';
    insertArticleRow(db, applied, incoming, now);
    core.articles.changedElsewhere(id);
  } else {
    const local = core.articles.get(id);
    const localState = stateHash(snapshotMeta(local.meta), normalised(local.document).doc);
    const localHistory = fullHistory(core, id);
    const localStates = new Set(localHistory.map((h) => storedStateHash(h.meta, h.document)));
    for (const h of localHistory) localHashes.add(revisionHash({ ...h, doc: h.document.doc }));
    const theirStates = new Set(incomingHistory.map((h) => h.state));
    if (incomingState === localState) outcome = 'unchanged';
    else if (theirStates.has(localState)) outcome = 'updated';
    else if (localStates.has(incomingState)) outcome = 'older';
    else outcome = 'conflict';
    if (outcome === 'updated') {
      updateArticleRow(db, applied, incoming, now);
      core.articles.changedElsewhere(id);
    }
  }

  // History: every revision they have that we do not, oldest first.
  let revisionsAdded = 0;
  for (const h of incomingHistory) {
    if (localHashes.has(h.hash)) continue;
    localHashes.add(h.hash);
    recordRevision(core, id, h, h.document, h.node);
    revisionsAdded++;
  }
  // Their current version, as a revision: the received copy ("import"), or the parallel one on conflict.
  let conflict: UnpackResult['conflict'] = null;
  if (outcome === 'created' || outcome === 'updated' || outcome === 'conflict') {
    const revisionId = recordRevision(
      core,
      id,
      { createdAt: now, author: manifest.sender.displayName, reason: 'import', articleRevision: article.revision, meta: snapshotMeta(applied.meta), document: incoming },
      incoming,
      documentFromStored(incoming),
    );
    revisionsAdded++;
    if (outcome === 'conflict') {
      const c = review.conflicts.record({ articleId: id, revisionId, senderId: manifest.sender.id, receivedAt: now });
      conflict = { id: c.id, revisionId };
    }
  }

  // Review records: when theirs is the newer (or the same) version their copies win, so a thread resolved or a
  // suggestion rejected over there arrives resolved or rejected; when ours is newer or both changed, ours are kept
  // and theirs only added.
  const theirsWin = outcome === 'created' || outcome === 'updated' || outcome === 'unchanged';
  const before = {
    comments: count(db, 'review_comments', id),
    suggestions: count(db, 'review_suggestions', id),
    transitions: count(db, 'review_transitions', id),
  };
  for (const c of contents.comments) review.comments.insert(c, theirsWin ? 'replace' : 'keep');
  for (const s of contents.suggestions) review.suggestions.insert(s, theirsWin ? 'replace' : 'keep');
  for (const t of contents.transitions) review.transitions.insert(t, 'keep');
  core.articles.search.markDirty(id);

  // Their status counts only where their version became current.
  let claimedStatus: ArticleStatus | null = null;
  if (outcome === 'created' || outcome === 'updated') {
    if (accepted.claim) {
      claimedStatus = article.meta.status;
      review.claims.record({ articleId: id, status: claimedStatus, profileId: manifest.sender.id, fingerprint: signer.fingerprint, receivedAt: now });
    } else review.claims.settle(id);
  } else claimedStatus = review.claims.get(id)?.status ?? null;

  const current = core.articles.get(id);
  return {
    articleId: id,
    slug: current.meta.slug,
    headline: digestDocument(documentFromStored(current.document)).headline,
    outcome,
    sender: manifest.sender,
    signer,
    status: current.meta.status,
    claimedStatus,
    purpose: manifest.purpose,
    conflict,
    added: {
      revisions: revisionsAdded,
      comments: count(db, 'review_comments', id) - before.comments,
      suggestions: count(db, 'review_suggestions', id) - before.suggestions,
      transitions: count(db, 'review_transitions', id) - before.transitions,
      media: 0,
    },
    missingMedia: [],
  };
}

function count(db: Database, table: string, articleId: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE article_id = ?`).get(articleId) as { n: number }).n;
}

function recordRevision(core: Core, articleId: string, h: HistoryEntry, stored: StoredDocument, doc: PMNode): number {
  const digest = digestDocument(doc);
  return core.articles.revisions.record({
    articleId,
    articleRevision: h.articleRevision,
    createdAt: h.createdAt,
    author: h.author,
    reason: h.reason,
    restoredFrom: null,
    meta: h.meta,
    headline: digest.headline,
    wordCount: digest.wordCount,
    docVersion: stored.version,
    // History is kept exactly as it was written, older layout versions included.
    documentJson: JSON.stringify(stored.doc),
    mediaIds: mediaIdsOf(doc),
  });
}

function rowParams(article: ArticleEntry, stored: StoredDocument, now: string): Record<string, unknown> {
  const doc = documentFromStored(stored);
  const digest = digestDocument(doc);
  const m = article.meta;
  return {
    id: m.id,
    slug: m.slug,
    section: m.section,
    tags: JSON.stringify(m.tags),
    status: m.status,
    datelinePlace: m.datelinePlace,
    agencyTag: m.agencyTag,
    language: m.language,
    createdAt: m.createdAt,
    updatedAt: now,
    publishedAt: m.publishedAt,
    lengthTarget: JSON.stringify(m.lengthTarget),
    docVersion: stored.version,
    document: JSON.stringify(stored.doc as NodeJSON),
    headline: digest.headline,
    authors: JSON.stringify(digest.authors),
    wordCount: digest.wordCount,
    mediaIds: JSON.stringify(mediaIdsOf(doc)),
    featuredMediaId: m.featuredMediaId ?? null,
  };
}

/** A new article keeps its id from the package, so later packages find it again. */
function insertArticleRow(db: Database, article: ArticleEntry, stored: StoredDocument, now: string): void {
  db.prepare(
    `INSERT INTO articles (id, slug, section, tags, status, dateline_place, agency_tag, language, created_at, updated_at, published_at, length_target,
                           doc_version, document, revision, headline, authors, word_count, media_ids, featured_media_id)
     VALUES (@id, @slug, @section, @tags, @status, @datelinePlace, @agencyTag, @language, @createdAt, @updatedAt, @publishedAt, @lengthTarget,
             @docVersion, @document, 1, @headline, @authors, @wordCount, @mediaIds, @featuredMediaId)`,
  ).run(rowParams(article, stored, now));
}

/** Their version becomes current; the revision counter moves on so open editors notice. */
function updateArticleRow(db: Database, article: ArticleEntry, stored: StoredDocument, now: string): void {
  db.prepare(
    `UPDATE articles SET slug = @slug, section = @section, tags = @tags, status = @status, dateline_place = @datelinePlace, agency_tag = @agencyTag,
       language = @language, updated_at = @updatedAt, published_at = @publishedAt, length_target = @lengthTarget, doc_version = @docVersion,
       document = @document, revision = revision + 1, headline = @headline, authors = @authors, word_count = @wordCount, media_ids = @mediaIds,
       featured_media_id = @featuredMediaId
     WHERE id = @id`,
  ).run(rowParams(article, stored, now));
}
