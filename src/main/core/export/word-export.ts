import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import { documentFromStored } from '../../../shared/document';
import type { Core } from '../core';
import { exportRendition } from '../media/rendition';
import { writeFileAtomically } from './atomic-write';
import { ProfileRepository } from './profiles';
import { articleToDocx, type WordPhotoReader } from './word-document';

/** Long edge of a photo in the Word file: sharp on a printed page, small enough to mail. */
const WORD_PHOTO_EDGE = 1600;

const WordExportRow = z.object({ sha256: z.string() });

const sha256 = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What a Word export wrote. */
export interface WordExportResult {
  path: string;
  bytes: number;
}

/**
 * Writes an article as `<slug>.docx` into a folder. A file already at that path is
 * replaced only when it is exactly the file a Word export of this database wrote
 * (its sha256 is on record); anything else is the user's and is refused with a
 * sentence, untouched.
 */
export class WordExporter {
  constructor(
    private readonly core: Pick<Core, 'db' | 'articles' | 'media'>,
    private readonly now: () => string = () => toIsoWithOffset(new Date()),
  ) {}

  private readonly readPhoto: WordPhotoReader = async (mediaId) => {
    const rendition = await exportRendition(this.core, mediaId, { longEdge: WORD_PHOTO_EDGE, format: 'jpeg' }).catch(() => null);
    if (!rendition) return null;
    const { width, height } = await sharp(rendition.bytes).metadata();
    if (!width || !height) return null;
    return { bytes: rendition.bytes, type: 'jpg', width, height };
  };

  /** The .docx bytes of an article; nothing is written. */
  async render(id: string): Promise<{ slug: string; bytes: Uint8Array; revision: number }> {
    const article = this.core.articles.get(id);
    const profile = new ProfileRepository(this.core.db).get('default').profile;
    const doc = documentFromStored(article.document);
    const bytes = await articleToDocx(article, doc, { agencyTag: profile.agencyTag, timeZone: profile.timeZone, readPhoto: this.readPhoto });
    return { slug: article.meta.slug, bytes, revision: article.revision };
  }

  /** Write `<outDir>/<slug>.docx`, refusing a file there that Newsroom did not write. */
  async export(id: string, outDir: string): Promise<WordExportResult> {
    const { slug, bytes, revision } = await this.render(id);
    const folder = resolve(outDir);
    const target = join(folder, `${slug}.docx`);
    this.assertReplaceable(target);
    const path = writeFileAtomically(folder, `${slug}.docx`, Buffer.from(bytes));
    this.core.db
      .prepare(
        `INSERT INTO word_exports (path, sha256, article_id, revision, exported_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, article_id = excluded.article_id, revision = excluded.revision, exported_at = excluded.exported_at`,
      )
      .run(path, sha256(bytes), id, revision, this.now());
    return { path, bytes: bytes.length };
  }

  /** Throw when `path` holds anything but the unchanged file a Word export wrote. */
  private assertReplaceable(path: string): void {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return; // nothing there
    }
    const row = this.core.db.prepare('SELECT sha256 FROM word_exports WHERE path = ?').get(path);
    const recorded = row === undefined ? null : WordExportRow.parse(row).sha256;
    if (stat.isFile() && recorded !== null && sha256(readFileSync(path)) === recorded) return;
    throw new ApiError(
      'conflict',
      `${path} already exists and is not a Word file Newsroom wrote (or it was changed since), so it was left untouched; move it away or choose another folder.`,
    );
  }
}
