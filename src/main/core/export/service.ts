import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api';
import type { Article } from '../../../shared/article';
import { toIsoWithOffset } from '../../../shared/dates';
import { documentFromStored } from '../../../shared/document';
import type { BundleResult, ExportKind, ExportRequest, PreflightResult, ProfileRecord } from '../../../shared/export';
import type { ArticleRepository } from '../store/articles';
import { commitStaged, discardStaged, stageFolder, syncFolder, syncStaged, writeFileAtomically, type BundleFile, type StagedFolder } from './atomic-write';
import { buildBundle, jsonBytes, sha256Hex, zipBundle, type MediaReader } from './bundle';
import type { BundleModel } from './model';
import { assertReplaceableFolder, assertReplaceableIndex, assertReplaceableZip, ForeignTargetError } from './ownership';
import { noSuggestionsYet, preflightAndLoad, runPreflight, type MediaSizes, type ProofingCheck, type SuggestionCounter } from './preflight';
import { ProfileRepository } from './profiles';
import { ExportRecords, type ExportRecord } from './records';
import { NO_PUBLISHING, type PublishWorkflow, type StatusBefore } from './publish';
import { SqliteRenditionCache } from './rendition-cache';
import type { RenditionCache } from './renditions';

export interface ExportDeps {
  db: Database;
  articles: ArticleRepository;
  /** Original bytes (and credit) of a photo from the media store. */
  readMedia: MediaReader;
  /** Displayed size of a stored photo, or null when it is not in the store. */
  mediaSize: (mediaId: string) => { width: number; height: number } | null;
  countSuggestions?: SuggestionCounter;
  /** Spelling and house style; their errors block export unless the desk overrides them. */
  proofing?: ProofingCheck;
  /** Publishing goes through the workflow; without one, publishing is refused (previews still work). */
  workflow?: PublishWorkflow;
  /** Logs an export that went out past proofing errors (the article's History shows it). */
  logProofingOverride?: (entry: ProofingOverrideLog) => void;
  /** Whether the local profile may let an export past proofing errors (the desk); allowed when absent (rendering-only set-ups). */
  mayOverrideProofing?: () => boolean;
  now?: () => string;
  /** Counts real sharp encodes (tests, bench). */
  onEncode?: () => void;
}

/** What an export past proofing errors leaves in the log: the revision that went out, the reason and the findings. */
export interface ProofingOverrideLog {
  articleId: string;
  revision: number;
  kind: ExportKind;
  reason: string;
  findings: { part: string; rule: string; text: string }[];
}

export interface ArticleExportOutcome extends BundleResult {
  model?: BundleModel;
}

export interface ExportOptions {
  outDir: string;
  zip: boolean;
  profile: ProfileRecord;
  publish: boolean;
  /** The desk's reason to export despite proofing errors. */
  proofingOverride?: string;
}

/** An export between staging and commit. */
interface PreparedExport {
  id: string;
  kind: ExportKind;
  publishing: boolean;
  before: StatusBefore;
  article: Article;
  built: { model: BundleModel; files: BundleFile[] } | null;
  staged: StagedFolder | null;
  /** Proofing errors the desk's reason let through (logged once the bundle is in place). */
  overridden: ProofingOverrideLog['findings'];
}

/** Bundles staged before one flush in a batch. */
const BATCH_CHUNK = 50;

/** Progress of a batch: called after every article. */
export type ProgressListener = (done: number, total: number, last: BundleResult) => void;

/** Preview and publish exports: the only way articles leave Newsroom as files. */
export class ExportService {
  readonly profiles: ProfileRepository;
  readonly records: ExportRecords;
  readonly cache: RenditionCache;
  private readonly now: () => string;
  private readonly countSuggestions: SuggestionCounter;
  private readonly workflow: PublishWorkflow;

  constructor(private readonly deps: ExportDeps) {
    this.profiles = new ProfileRepository(deps.db);
    this.records = new ExportRecords(deps.db);
    this.cache = new SqliteRenditionCache(deps.db);
    this.now = deps.now ?? (() => toIsoWithOffset(new Date()));
    this.countSuggestions = deps.countSuggestions ?? noSuggestionsYet;
    this.workflow = deps.workflow ?? NO_PUBLISHING;
  }

  private proofing(override?: string) {
    return this.deps.proofing ? { check: this.deps.proofing, override } : undefined;
  }

  private mediaSizes(): MediaSizes {
    return this.deps.mediaSize;
  }

  /** Check one article against a profile; writes nothing. */
  preflight(id: string, profileName?: string, proofingOverride?: string): PreflightResult & { profile: ProfileRecord } {
    const article = this.deps.articles.get(id);
    const profile = this.profiles.get(profileName ?? 'default');
    return { ...runPreflight(article, profile.profile, this.mediaSizes(), this.countSuggestions, this.proofing(proofingOverride)), profile };
  }

  /** Normalise the stored document to NFC (the preflight fix); returns the new revision. */
  fixNfc(id: string): { revision: number } {
    const article = this.deps.articles.get(id);
    const { revision } = this.deps.articles.save({ id, baseRevision: article.revision, document: article.document, meta: {} });
    return { revision };
  }

  /** How an article would be exported: publishing applies only to approved (or already published) articles. */
  kindFor(article: Article, publish: boolean): ExportKind {
    if (article.meta.status === 'published') return 'publish';
    return publish && article.meta.status === 'approved' ? 'publish' : 'preview';
  }

  /**
   * The bundle's `index.html` for the preview frame, photos inlined as data URLs
   * (the frame cannot reach the bundle's `images/` folder). Nothing is written.
   */
  async previewHtml(id: string, profileName?: string): Promise<{ html: string; kind: ExportKind; preflight: PreflightResult }> {
    const article = this.deps.articles.get(id);
    const profile = this.profiles.get(profileName ?? 'default');
    const preflight = runPreflight(article, profile.profile, this.mediaSizes(), this.countSuggestions, this.proofing());
    const doc = documentFromStored(article.document);
    const kind = this.kindFor(article, true);
    const readable: MediaReader = async (mediaId) => (this.deps.mediaSize(mediaId) ? this.deps.readMedia(mediaId) : null);
    const { model, files } = await buildBundle(article, withoutMissingPhotos(doc, this.deps.mediaSize), {
      profile: profile.profile,
      kind,
      readMedia: readable,
      cache: this.cache,
      onEncode: this.deps.onEncode,
    });
    let html = files.find((f) => f.path === 'index.html')!.bytes.toString('utf8');
    for (const photo of model.photos) {
      for (const r of photo.set.renditions) {
        html = html.split(r.path).join(`data:image/${r.format};base64,${r.bytes.toString('base64')}`);
      }
    }
    return { html, kind, preflight };
  }

  /**
   * First half of an export: preflight, then (for a publish) move the article to
   * published through the workflow, render, and write the bundle to its temporary
   * folder. Nothing is in place yet; {@link finish} puts it there. A publish the
   * workflow refuses (not the desk, no profile, changed meanwhile) fails this article.
   */
  private async prepare(id: string, options: ExportOptions, sync: boolean): Promise<{ done: ArticleExportOutcome } | { prepared: PreparedExport }> {
    let article = this.deps.articles.get(id);
    const base = { id, slug: article.meta.slug, headline: '', blocking: [] as BundleResult['blocking'] };
    const { result: preflight, doc } = preflightAndLoad(article, options.profile.profile, this.mediaSizes(), this.countSuggestions, this.proofing(options.proofingOverride));
    if (!preflight.exportable || !doc) {
      return { done: { ...base, ok: false, blocking: [...preflight.errors, ...preflight.warnings].filter((i) => i.blocking), message: 'preflight failed' } };
    }
    const overridden = preflight.errors.filter((e) => e.code === 'proofing_error' && !e.blocking).map((e) => ({ part: e.where, rule: String(e.params.rule ?? ''), text: String(e.params.text ?? '') }));
    if (overridden.length && this.deps.mayOverrideProofing && !this.deps.mayOverrideProofing()) {
      return { done: { ...base, ok: false, blocking: preflight.errors.filter((e) => e.code === 'proofing_error'), message: 'only a desk profile may export past proofing errors; fix them, or ask the desk' } };
    }
    try {
      // Refused before anything happens (no publish, no staging) when the target is not ours.
      this.assertReplaceable(options, article.meta.slug);
    } catch (err) {
      if (err instanceof ForeignTargetError) return { done: { ...base, ok: false, message: err.message, refusedPath: err.path } };
      throw err;
    }
    const kind = this.kindFor(article, options.publish);
    const publishing = kind === 'publish' && article.meta.status === 'approved';
    const before = { status: article.meta.status, publishedAt: article.meta.publishedAt };
    if (publishing) {
      try {
        this.workflow.publish(article);
      } catch (err) {
        if (err instanceof ApiError) return { done: { ...base, ok: false, message: err.message } };
        throw err;
      }
      article = this.deps.articles.get(id);
    }
    const prepared: PreparedExport = { id, kind, publishing, before, article, built: null, staged: null, overridden };
    try {
      prepared.built = await buildBundle(article, doc, {
        profile: options.profile.profile,
        kind,
        readMedia: this.deps.readMedia,
        cache: this.cache,
        onEncode: this.deps.onEncode,
      });
      prepared.staged = stageFolder(options.outDir, prepared.built.model.slug, prepared.built.files, { sync });
    } catch (err) {
      this.undo(prepared, err);
      throw err;
    }
    return { prepared };
  }

  /** Throw {@link ForeignTargetError} when the bundle folder or zip for `slug` holds anything export did not write. */
  private assertReplaceable(options: ExportOptions, slug: string): void {
    assertReplaceableFolder(join(options.outDir, slug));
    if (options.zip) assertReplaceableZip(join(options.outDir, `${slug}.zip`));
  }

  /** Put a prepared bundle in place (and its zip), returning the result and the record to keep. */
  private finish(p: PreparedExport, options: ExportOptions, syncRoot: boolean): { outcome: ArticleExportOutcome; record: ExportRecord } {
    const built = p.built!;
    let path: string;
    try {
      // Checked again right before replacing (the user may have put files there
      // meanwhile): the zip here, before the folder moves; the folder by commitStaged.
      if (options.zip) assertReplaceableZip(join(options.outDir, `${built.model.slug}.zip`));
      path = commitStaged(p.staged!, { syncRoot });
      if (options.zip) writeFileAtomically(options.outDir, `${built.model.slug}.zip`, zipBundle(built.files));
    } catch (err) {
      this.undo(p, err);
      throw err;
    }
    const index = sha256Hex(built.files.find((f) => f.path === 'index.html')!.bytes);
    const manifest = sha256Hex(built.files.find((f) => f.path === 'manifest-sha256.txt')!.bytes);
    const record: ExportRecord = {
      articleId: p.id,
      articleRevision: p.article.revision,
      kind: p.kind,
      profileName: options.profile.name,
      profileVersion: options.profile.version,
      slug: built.model.slug,
      outPath: path,
      indexSha256: index,
      manifestSha256: manifest,
      exportedAt: this.now(),
    };
    const outcome: ArticleExportOutcome = {
      id: p.id,
      slug: built.model.slug,
      headline: built.model.headline,
      ok: true,
      kind: p.kind,
      path,
      indexSha256: index,
      blocking: [],
      model: built.model,
    };
    return { outcome, record };
  }

  /** Log the proofing errors an export in place went out with, and the desk's reason. */
  private logOverride(p: PreparedExport, options: ExportOptions): void {
    const reason = options.proofingOverride?.trim();
    if (!reason || !p.overridden.length) return;
    this.deps.logProofingOverride?.({ articleId: p.id, revision: p.article.revision, kind: p.kind, reason, findings: p.overridden });
  }

  /** A failed export leaves no temporary folder and takes a publish back (logged, with the reason). */
  private undo(p: PreparedExport, err: unknown): void {
    if (p.staged) discardStaged(p.staged);
    if (p.publishing) this.workflow.withdraw(p.id, p.before, err instanceof ApiError ? err.message : describeWriteError(err));
  }

  /**
   * Export one article: preflight, then (for a publish) move it to published through
   * the workflow, render, write atomically and record what went out. A failed write
   * after publishing takes the publish back, so the store never claims a publish
   * that left no bundle.
   */
  async exportArticle(id: string, options: ExportOptions): Promise<ArticleExportOutcome> {
    const outDir = resolve(options.outDir);
    const step = await this.prepare(id, { ...options, outDir }, false);
    if ('done' in step) return step.done;
    try {
      await syncStaged([step.prepared.staged!]);
    } catch (err) {
      this.undo(step.prepared, err);
      throw err;
    }
    const { outcome, record } = this.finish(step.prepared, { ...options, outDir }, true);
    this.records.add(record);
    this.logOverride(step.prepared, options);
    return outcome;
  }

  /** The article ids a request names, in a stable order. */
  resolveIds(request: ExportRequest): string[] {
    if (request.ids) return [...new Set(request.ids)];
    const ids: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = this.deps.articles.list({ status: request.status, limit: 500, offset });
      ids.push(...page.items.map((a) => a.id));
      if (page.items.length < 500) break;
    }
    return ids;
  }

  /**
   * Export many articles, one bundle each; one failing article never stops the
   * others. A batch (status, all, or several ids) also writes `index.json`.
   */
  async exportMany(request: ExportRequest, onProgress?: ProgressListener): Promise<{ results: BundleResult[]; indexPath: string | null }> {
    const outDir = resolve(request.outDir);
    const profile = this.profiles.get(request.profile);
    const ids = this.resolveIds(request);
    const writesIndex = request.ids === undefined || ids.length > 1;
    // A batch whose index.json would replace a file of the user's is refused before any bundle is written.
    if (writesIndex) assertReplaceableIndex(join(outDir, 'index.json'));
    const results: BundleResult[] = [];
    const slugs = new Map<string, string>();
    const index: { slug: string; headline: string; publishedAt: string | null; kind: ExportKind; path: string; sha256: string }[] = [];
    const report = (result: BundleResult) => {
      results.push(result);
      onProgress?.(results.length, ids.length, result);
    };
    const failure = (id: string, err: unknown): BundleResult => ({
      id,
      slug: '',
      headline: '',
      ok: false,
      blocking: [],
      message: err instanceof ApiError ? err.message : describeWriteError(err),
      ...(err instanceof ForeignTargetError ? { refusedPath: err.path } : {}),
    });
    const options: ExportOptions = { outDir, zip: request.zip, profile, publish: request.publish, proofingOverride: request.proofingOverride };
    // Bundles are staged a chunk at a time and flushed together: one pass of fsyncs
    // per chunk instead of one per file as it is written.
    for (let start = 0; start < ids.length; start += BATCH_CHUNK) {
      const chunk: PreparedExport[] = [];
      for (const id of ids.slice(start, start + BATCH_CHUNK)) {
        try {
          const article = this.deps.articles.get(id);
          const owner = slugs.get(article.meta.slug);
          if (owner) {
            report({ id, slug: article.meta.slug, headline: '', ok: false, blocking: [], message: `slug "${article.meta.slug}" is already used by article ${owner} in this export` });
            continue;
          }
          const step = await this.prepare(id, options, false);
          if ('done' in step) report(step.done);
          else {
            slugs.set(article.meta.slug, id);
            chunk.push(step.prepared);
          }
        } catch (err) {
          report(failure(id, err));
        }
      }
      try {
        await syncStaged(chunk.map((p) => p.staged!));
      } catch (err) {
        for (const p of chunk) {
          this.undo(p, err);
          report(failure(p.id, err));
        }
        continue;
      }
      const records: ExportRecord[] = [];
      const wentOut: PreparedExport[] = [];
      for (const p of chunk) {
        try {
          const { outcome, record } = this.finish(p, options, false);
          records.push(record);
          wentOut.push(p);
          const { model, ...rest } = outcome;
          index.push({ slug: outcome.slug, headline: outcome.headline, publishedAt: model!.publishedAt, kind: outcome.kind!, path: `${outcome.slug}/index.html`, sha256: outcome.indexSha256! });
          report(rest);
        } catch (err) {
          report(failure(p.id, err));
        }
      }
      if (chunk.length) syncFolder(outDir);
      this.deps.db.transaction(() => {
        records.forEach((r) => this.records.add(r));
        wentOut.forEach((p) => this.logOverride(p, options));
      })();
    }
    // Report order follows completion; the returned list follows the request.
    const position = new Map(ids.map((id, i) => [id, i]));
    results.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    let indexPath: string | null = null;
    if (writesIndex) {
      index.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
      indexPath = writeFileAtomically(outDir, 'index.json', jsonBytes({ profile: profile.name, profileVersion: profile.version, articles: index }));
    }
    return { results, indexPath };
  }
}

/** One readable sentence for a file-system failure. */
export function describeWriteError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOSPC') return 'the disk is full; the previous bundle was kept';
  if (code === 'EACCES' || code === 'EPERM') return 'no permission to write in the output folder';
  if (code === 'EROFS') return 'the output folder is read-only';
  return (err as Error).message ?? String(err);
}

/** The preview shows figures whose photo is missing without an image rather than failing. */
function withoutMissingPhotos(doc: ReturnType<typeof documentFromStored>, size: ExportDeps['mediaSize']) {
  let changed = false;
  const json = doc.toJSON() as { content: unknown[] };
  const visit = (node: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }) => {
    if (node.type === 'figure' && typeof node.attrs?.mediaId === 'string' && !size(node.attrs.mediaId)) {
      node.attrs.mediaId = null;
      changed = true;
    }
    node.content?.forEach((c) => visit(c as typeof node));
  };
  visit(json as never);
  return changed ? doc.type.schema.nodeFromJSON(json) : doc;
}
