import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article } from '../../../shared/article';
import { documentFromStored } from '../../../shared/document';
import { isValidSlug } from '../../../shared/slug';
import { renderArticlePage } from './page';

function writeSynced(path: string, data: string): void {
  writeFileSync(path, data);
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `<outDir>/<slug>/` with `index.html` and `article.json`. The bundle is built
 * in a temporary folder beside the target and renamed into place, so a reader never
 * sees half a bundle.
 */
export function exportBundle(article: Article, outDir: string): string {
  const slug = article.meta.slug;
  if (!isValidSlug(slug)) throw new Error(`unsafe slug "${slug}"`);
  const root = resolve(outDir);
  mkdirSync(root, { recursive: true });
  const target = join(root, slug);
  const temp = join(root, `.${slug}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  const doc = documentFromStored(article.document);
  writeSynced(join(temp, 'index.html'), renderArticlePage(article.meta, doc));
  writeSynced(join(temp, 'article.json'), JSON.stringify({ meta: article.meta, document: article.document }, null, 2) + '\n');
  const old = join(root, `.${slug}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(temp, target);
  rmSync(old, { recursive: true, force: true });
  return target;
}
