import { cleanLine } from './parsed';
import { parseXml, xmlAll, xmlOwnText } from './word-xml';

// The parts of a Word file that are not the story's running text but hold text the
// report must list: comments, tracked deletions, linked images, page headers and
// footers, notes no reference points to.

/** The entries of a Word file (a zip), by path. */
export type WordFiles = Map<string, Uint8Array>;

const decoder = new TextDecoder();
export const wordPart = (files: WordFiles, path: string): string => (files.has(path) ? decoder.decode(files.get(path)) : '');

/** Decode the XML entities of text read from a part with a regular expression. */
export function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Text of each Word comment (`word/comments.xml`); comments are reported, never imported. */
export function wordComments(files: WordFiles): { author: string; text: string }[] {
  const out: { author: string; text: string }[] = [];
  for (const m of wordPart(files, 'word/comments.xml').matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const author = /w:author="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const text = [...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    out.push({ author: decodeEntities(author), text: cleanLine(decodeEntities(text)) });
  }
  return out;
}

/** Tracked insertions and deletions still pending in the document body. */
export function trackedChanges(files: WordFiles): { insertions: number; deletions: number; deletedText: string[] } {
  const doc = wordPart(files, 'word/document.xml');
  const deletedText = [...doc.matchAll(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g)]
    .map((m) => cleanLine(decodeEntities([...m[1]!.matchAll(/<w:delText(?:\s[^>]*)?>([^<]*)<\/w:delText>/g)].map((t) => t[1]).join(''))))
    .filter(Boolean);
  return { insertions: doc.match(/<w:ins\b/g)?.length ?? 0, deletions: doc.match(/<w:del\b/g)?.length ?? 0, deletedText };
}

const relationships = (files: WordFiles) => [...wordPart(files, 'word/_rels/document.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]);
const attribute = (tag: string, name: string) => decodeEntities(new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '');

/** Images the document links to outside the file (never fetched). */
export function externalImageLinks(files: WordFiles): string[] {
  return relationships(files)
    .filter((r) => /TargetMode="External"/.test(r) && /relationships\/image"/.test(r))
    .map((r) => attribute(r, 'Target'));
}

/**
 * Lines of the page headers and footers (each distinct line once: the first-page,
 * even and odd variants often repeat). Word prints them on every page; they are
 * not part of the story, so they are listed in the report, never imported.
 */
export function headerFooterLines(files: WordFiles): string[] {
  const lines = new Set<string>();
  for (const rel of relationships(files)) {
    if (!/relationships\/(header|footer)"/.test(rel) || /TargetMode="External"/.test(rel)) continue;
    const target = attribute(rel, 'Target').replace(/^\/?(word\/)?/, '');
    const part = parseXml(wordPart(files, `word/${target}`));
    if (!part) continue;
    for (const paragraph of xmlAll(part, 'w:p')) {
      const line = cleanLine(xmlOwnText(paragraph));
      if (line) lines.add(line);
    }
  }
  return [...lines];
}

/**
 * Footnotes and endnotes that no reference in the body points to (left behind when
 * their reference was deleted). The converter reads notes only through their
 * references; these are returned as their paragraphs' text so they are not lost.
 */
export function unreferencedNotes(files: WordFiles): string[][] {
  const body = wordPart(files, 'word/document.xml');
  const out: string[][] = [];
  for (const kind of ['footnote', 'endnote'] as const) {
    const part = parseXml(wordPart(files, `word/${kind}s.xml`));
    if (!part) continue;
    const referenced = new Set([...body.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*w:id="(-?\\d+)"`, 'g'))].map((m) => m[1]));
    for (const note of xmlAll(part, `w:${kind}`)) {
      if (note.getAttribute('w:type') || referenced.has(note.getAttribute('w:id') ?? '')) continue; // separators, or read by the converter
      const paragraphs = xmlAll(note, 'w:p').map((p) => cleanLine(xmlOwnText(p))).filter(Boolean);
      if (paragraphs.length) out.push(paragraphs);
    }
  }
  return out;
}
