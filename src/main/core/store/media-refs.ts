import type { Node as PMNode } from 'prosemirror-model';

/** The media ids a document's figures reference, sorted and unique. */
export function mediaIdsOf(doc: PMNode): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'figure' && typeof node.attrs.mediaId === 'string') ids.add(node.attrs.mediaId);
    return node.isBlock;
  });
  return [...ids].sort();
}

/**
 * Every media id referenced by the current document or any revision of any article,
 * for media garbage collection: a file may go only when it is not in this set.
 */
export function referencedMediaIds(db: import('better-sqlite3').Database): Set<string> {
  const ids = new Set<string>();
  const rows = db
    .prepare(`SELECT media_ids FROM articles WHERE media_ids <> '[]' UNION SELECT media_ids FROM revisions WHERE media_ids <> '[]'`)
    .all() as { media_ids: string }[];
  for (const row of rows) for (const id of JSON.parse(row.media_ids) as string[]) ids.add(id);
  return ids;
}
