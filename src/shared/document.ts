import { Node as PMNode } from 'prosemirror-model';
import { schema } from './schema';
import { nfc } from './text';

/** Version of the document JSON layout. Bump it and add a step to {@link DOCUMENT_MIGRATIONS} together. */
export const DOCUMENT_VERSION = 1;

/** ProseMirror node JSON, as `Node.toJSON()` produces it. */
export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** What the store keeps and the API carries: the document and the layout version it was written in. */
export interface StoredDocument {
  version: number;
  doc: NodeJSON;
}

export class DocumentError extends Error {
  override name = 'DocumentError';
}

/**
 * Upgrade steps: entry `n` turns a version-`n` document into version `n + 1`.
 * Version 0 (the prototype) had `title`, `standfirst`, the body blocks directly in
 * the doc and a byline attribute with comma-separated names.
 */
export const DOCUMENT_MIGRATIONS: ((doc: NodeJSON) => NodeJSON)[] = [
  function v0ToV1(doc) {
    const children = doc.content ?? [];
    const pick = (type: string) => children.find((c) => c.type === type);
    const title = pick('title');
    const standfirst = pick('standfirst');
    const oldByline = pick('byline');
    const blocks = children.filter((c) => !['title', 'standfirst', 'byline'].includes(c.type));
    const names = String(oldByline?.attrs?.names ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    return {
      type: 'doc',
      content: [
        { type: 'headline', content: title?.content },
        { type: 'lead', content: standfirst?.content },
        { type: 'body', content: blocks.length ? blocks : [{ type: 'paragraph' }] },
        { type: 'byline', content: (names.length ? names : ['']).map((n) => ({ type: 'author', content: n ? [{ type: 'text', text: n }] : undefined })) },
      ],
    };
  },
];

/** Bring a stored document of any known version up to {@link DOCUMENT_VERSION}. */
export function migrateDocument(stored: StoredDocument): StoredDocument {
  if (!Number.isInteger(stored.version) || stored.version < 0) {
    throw new DocumentError(`unknown document version ${String(stored.version)}`);
  }
  if (stored.version > DOCUMENT_VERSION) {
    throw new DocumentError(
      `document version ${stored.version} is newer than this app understands (${DOCUMENT_VERSION}); update Newsroom`,
    );
  }
  let doc = stored.doc;
  for (let v = stored.version; v < DOCUMENT_VERSION; v++) doc = DOCUMENT_MIGRATIONS[v]!(doc);
  return { version: DOCUMENT_VERSION, doc };
}

/** Return a copy of `json` with every text and string attribute in NFC. */
export function normalizeNodeJSON(json: NodeJSON): NodeJSON {
  const out: NodeJSON = { type: json.type };
  if (json.attrs) out.attrs = normalizeAttrs(json.attrs);
  if (json.text !== undefined) out.text = nfc(json.text);
  if (json.marks) out.marks = json.marks.map((m) => (m.attrs ? { type: m.type, attrs: normalizeAttrs(m.attrs) } : { type: m.type }));
  if (json.content) out.content = json.content.map(normalizeNodeJSON);
  return out;
}

function normalizeAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = typeof v === 'string' ? nfc(v) : v;
  return out;
}

/**
 * Documents the API contract has already parsed and validated, by the fresh
 * wrapper it hands to the call's handler (see {@link validatedDocument}), so the
 * store does not parse the same document a second time on every autosave.
 */
const validated = new WeakMap<StoredDocument, PMNode>();

/**
 * Validate a stored document and return a new wrapper of it that
 * {@link documentFromStored} recognises. Only that wrapper is remembered, and it
 * is created here, so nobody can change it between the check and its use.
 */
export function validatedDocument(stored: StoredDocument): StoredDocument {
  const node = documentFromStored(stored);
  const wrapper: StoredDocument = { version: DOCUMENT_VERSION, doc: node.toJSON() as NodeJSON };
  validated.set(wrapper, node);
  return wrapper;
}

/**
 * Parse, migrate, NFC-normalise and validate a stored document.
 * Throws {@link DocumentError} with a readable reason for anything the schema refuses.
 */
export function documentFromStored(stored: StoredDocument): PMNode {
  const known = validated.get(stored);
  if (known) return known;
  const { doc } = migrateDocument(stored);
  let node: PMNode;
  try {
    node = PMNode.fromJSON(schema, normalizeNodeJSON(doc));
    if (node.type !== schema.topNodeType) throw new RangeError(`top node is ${node.type.name}, not doc`);
    node.check();
  } catch (err) {
    throw new DocumentError(`document does not fit the article schema: ${(err as Error).message}`);
  }
  return node;
}

/** The stored form of a document node, always at the current version. */
export function documentToStored(node: PMNode): StoredDocument {
  return { version: DOCUMENT_VERSION, doc: node.toJSON() as NodeJSON };
}

export interface ArticleParts {
  headline?: string;
  lead?: string;
  paragraphs?: string[];
  authors?: string[];
}

/** Build a valid document from plain strings (new articles, tests, simple imports). */
export function createDocument(parts: ArticleParts = {}): PMNode {
  const t = (s: string | undefined) => (s ? [schema.text(nfc(s))] : []);
  const paragraphs = parts.paragraphs?.length ? parts.paragraphs : [''];
  const authors = parts.authors?.length ? parts.authors : [''];
  return schema.node('doc', null, [
    schema.node('headline', null, t(parts.headline)),
    schema.node('lead', null, t(parts.lead)),
    schema.node('body', null, paragraphs.map((p) => schema.node('paragraph', null, t(p)))),
    schema.node('byline', null, authors.map((a) => schema.node('author', null, t(a)))),
  ]);
}

/** The named parts of a document, for counts, search and summaries. */
export function documentParts(doc: PMNode): { headline: PMNode; lead: PMNode; body: PMNode; byline: PMNode } {
  return { headline: doc.child(0), lead: doc.child(1), body: doc.child(2), byline: doc.child(3) };
}

/** Author names from the byline, empty ones left out. */
export function bylineNames(doc: PMNode): string[] {
  const names: string[] = [];
  documentParts(doc).byline.forEach((a) => {
    const n = a.textContent.trim();
    if (n) names.push(n);
  });
  return names;
}
