import type { Core } from '../core';
import type { Handlers } from '../api/handlers';
import type { ImportUpload } from '../../../shared/import-api';
import type { ImportSource } from './read';
import { checkSize } from './read';
import { ImportError } from './errors';
import { cleanLine } from './parsed';
import { PROGRESS_FROM_BYTES, sourceBytes, sourceForPath } from './read-paths';

/** A file or folder name from outside: NFC, no control or bidi characters, no path. */
const cleanName = (name: string) => cleanLine(name.replace(/\\/g, '/').split('/').pop() ?? name).slice(0, 255) || 'file';

/** Top folder of an upload's path (`story/photo.jpg` → `story`), or null for a single file. */
const topFolder = (u: ImportUpload) => {
  const parts = (u.path ?? '').replace(/\\/g, '/').split('/').filter(Boolean);
  return parts.length > 1 ? cleanName(parts[0]!) : null;
};

/** Group uploads into sources: every story folder is one, each loose file is one. */
export function groupUploads(uploads: ImportUpload[]): ImportSource[] {
  const sources: ImportSource[] = [];
  const folders = new Map<string, Extract<ImportSource, { kind: 'folder' }>>();
  for (const u of uploads) {
    const bytes = new Uint8Array(Buffer.from(u.data, 'base64'));
    const folder = topFolder(u);
    if (!folder) {
      sources.push({ kind: 'file', name: cleanName(u.name), bytes });
      continue;
    }
    let source = folders.get(folder);
    if (!source) {
      source = { kind: 'folder', name: folder, files: [] };
      folders.set(folder, source);
      sources.push(source);
    }
    const inner = (u.path ?? u.name).replace(/\\/g, '/').split('/').filter(Boolean).slice(1).map(cleanName);
    source.files.push({ path: inner.join('/'), bytes });
  }
  return sources;
}

export function createImportHandlers(core: Core): Pick<Handlers, 'previewImport' | 'previewImportPaths' | 'reviseImport' | 'commitImport' | 'discardImport'> {
  return {
    previewImport: async ({ files }) => {
      const sources = groupUploads(files);
      // A file refused by size is reported like any other refusal, without decoding it.
      const refused = sources.flatMap((s) => {
        if (s.kind !== 'file') return [];
        try {
          checkSize(s.name, s.bytes.length);
          return [];
        } catch (err) {
          return err instanceof ImportError ? [{ source: s, message: err.message }] : [];
        }
      });
      const items = await core.imports.preview(sources.filter((s) => !refused.some((r) => r.source === s)));
      return { items: [...refused.map((r) => ({ importId: null, name: r.source.name, report: null, error: r.message })), ...items] };
    },
    previewImportPaths: async ({ paths }, { progress }) => {
      const items = [];
      // One path at a time: a path that cannot be read is reported and the others go on.
      for (const path of paths) {
        let source;
        try {
          source = sourceForPath(path);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          items.push({ importId: null, name: cleanName(path), report: null, error: err.message });
          continue;
        }
        const report = progress && sourceBytes(source) >= PROGRESS_FROM_BYTES ? progress : undefined;
        items.push(...(await core.imports.preview([source], report && ((name, stage, fraction) => report({ name, stage, fraction })))));
      }
      return { items };
    },
    reviseImport: ({ importId, fields }) => core.imports.revise(importId, fields),
    commitImport: async ({ importId, fields }) => {
      const { articleId, revisionName, report } = await core.imports.commit(importId, fields);
      return { articleId, revisionName, report };
    },
    discardImport: ({ importId }) => {
      core.imports.discard(importId);
      return { importId };
    },
  };
}
