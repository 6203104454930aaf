import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Database } from 'better-sqlite3';
import type { Node as PMNode } from 'prosemirror-model';
import { openDatabase } from '../../src/main/core/db/open';
import { ArticleRepository } from '../../src/main/core/store/articles';
import { ExportService } from '../../src/main/core/export/service';
import { reviewPublisher } from '../../src/main/core/export/publish';
import { ReviewService } from '../../src/main/core/review/service';
import { toIsoWithOffset } from '../../src/shared/dates';
import type { ProfileInput } from '../../src/shared/review/model';
import { DESK } from '../support/workflow';
import type { ArticleMetaPatch } from '../../src/shared/article';
import { documentToStored } from '../../src/shared/document';
import { schema } from '../../src/shared/schema';
import { tempDir } from '../support/temp';

/** Shared set-up for the export tests: a temporary store, an in-memory media library, a service. */

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * A photo with a credit, camera make and GPS position written by exiftool, so the
 * tests can show that renditions drop all of it. Noise keeps it realistic in size.
 */
export async function makePhoto(dir: string, options: { width?: number; height?: number; credit?: string; seed?: number } = {}): Promise<Buffer> {
  const { width = 1800, height = 1200, credit = 'Ảnh: Tiến Thành', seed = 1 } = options;
  const base = await sharp({ create: { width, height, channels: 3, background: { r: (seed * 53) % 255, g: 120, b: 90 } } })
    .composite([{ input: await sharp({ create: { width: Math.max(1, width >> 2), height: Math.max(1, height >> 2), channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).png().toBuffer(), top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer();
  const file = join(dir, `photo-${seed}-${width}.jpg`);
  writeFileSync(file, base);
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-charset',
    'iptc=UTF8',
    '-codedcharacterset=utf8',
    `-IPTC:Credit=${credit}`,
    `-IPTC:By-line=${credit}`,
    `-XMP-photoshop:Credit=${credit}`,
    '-EXIF:Make=NewsCam',
    '-EXIF:SerialNumber=SN-12345',
    '-GPSLatitude=22.3964',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=103.4703',
    '-GPSLongitudeRef=E',
    file,
  ]);
  return readFileSync(file);
}

export interface ExportHarness {
  dir: string;
  db: Database;
  articles: ArticleRepository;
  /** The workflow publishing goes through; its local profile is the desk unless the harness was made without one. */
  review: ReviewService;
  service: ExportService;
  media: Map<string, Buffer>;
  encodes: { count: number };
  addPhoto(bytes: Buffer): Promise<string>;
  cleanup(): void;
}

export function createHarness(options: { profile?: ProfileInput | null } = {}): ExportHarness {
  const { dir, cleanup } = tempDir('newsroom-export-');
  const db = openDatabase(join(dir, 'n.db'));
  const articles = new ArticleRepository(db);
  const review = new ReviewService(db, () => articles);
  const profile = options.profile === undefined ? DESK : options.profile;
  if (profile) review.people.setLocal(profile);
  const media = new Map<string, Buffer>();
  const sizes = new Map<string, { width: number; height: number }>();
  const encodes = { count: 0 };
  const service = new ExportService({
    db,
    articles,
    readMedia: async (id) => (media.has(id) ? { bytes: media.get(id)! } : null),
    mediaSize: (id) => sizes.get(id) ?? null,
    onEncode: () => encodes.count++,
    workflow: reviewPublisher(db, review, articles, () => toIsoWithOffset(new Date())),
  });
  return {
    dir,
    db,
    articles,
    review,
    service,
    media,
    encodes,
    async addPhoto(bytes) {
      const id = sha256(bytes);
      const meta = await sharp(bytes).metadata();
      media.set(id, bytes);
      sizes.set(id, { width: meta.width!, height: meta.height! });
      return id;
    },
    cleanup() {
      db.close();
      cleanup();
    },
  };
}

const t = (s: string) => (s ? [schema.text(s)] : []);

export interface ArticleSpec {
  headline: string;
  lead: string;
  blocks: (string | { quote: string } | { figure: { mediaId: string | null; caption: string; credit: string; alt?: string } } | { heading: string } | { link: { text: string; href: string } })[];
  authors: string[];
}

export function buildDoc(spec: ArticleSpec): PMNode {
  const blocks = spec.blocks.map((b) => {
    if (typeof b === 'string') return schema.node('paragraph', null, t(b));
    if ('quote' in b) return schema.node('blockquote', null, [schema.node('paragraph', null, t(b.quote))]);
    if ('heading' in b) return schema.node('heading', { level: 2 }, t(b.heading));
    if ('link' in b) return schema.node('paragraph', null, [schema.text('Xem ', []), schema.text(b.link.text, [schema.marks.link!.create({ href: b.link.href })])]);
    const f = b.figure;
    return schema.node('figure', { mediaId: f.mediaId, alt: f.alt ?? '' }, [schema.node('caption', null, t(f.caption)), schema.node('credit', null, t(f.credit))]);
  });
  return schema.node('doc', null, [
    schema.node('headline', null, t(spec.headline)),
    schema.node('lead', null, t(spec.lead)),
    schema.node('body', null, blocks.length ? blocks : [schema.node('paragraph')]),
    schema.node('byline', null, (spec.authors.length ? spec.authors : ['']).map((a) => schema.node('author', null, t(a)))),
  ]);
}

export function createArticle(h: ExportHarness, spec: ArticleSpec, meta: ArticleMetaPatch = {}) {
  return h.articles.create({ meta: { publishedAt: '2016-06-10T16:36:00+07:00', section: 'Chính trị', tags: ['Lai Châu', 'cán bộ'], ...meta }, document: documentToStored(buildDoc(spec)) });
}

/** A plain, valid article with a photo. */
export async function photoArticle(h: ExportHarness, meta: ArticleMetaPatch = {}) {
  const mediaId = await h.addPhoto(await makePhoto(h.dir));
  return createArticle(
    h,
    {
      headline: 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại',
      lead: 'Để từng bước xây dựng nền hành chính hiện đại, tỉnh Lai Châu tập trung xây dựng đội ngũ cán bộ.',
      blocks: [
        'Theo đó, công tác đào tạo bồi dưỡng được tỉnh quan tâm triển khai.',
        { figure: { mediaId, caption: 'Một giờ học tiếng Mông của cán bộ, công chức.', credit: 'Ảnh: Tiến Thành', alt: 'Lớp học tiếng Mông' } },
        { quote: '“Năm 2015, tôi được điều động về xã Khổng Lào.”' },
      ],
      authors: ['Tiến Thành'],
    },
    { lengthTarget: {}, ...meta },
  );
}
