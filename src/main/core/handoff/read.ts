import { z } from 'zod';
import type { Node as PMNode } from 'prosemirror-model';
import { documentFromStored } from '../../../shared/document';
import {
  DICTIONARY_ENTRY,
  ENTRY_SCHEMAS,
  PackageDictionary,
  HandoffError,
  JSON_ENTRIES,
  LIMITS,
  Manifest,
  MEDIA_ENTRY,
  PACKAGE_VERSION,
  SIGNATURE_ENTRY,
  SignatureEntry,
  type JsonEntry,
  type PackageContents,
} from './format';
import { sha256Hex } from './fingerprint';
import { inflateEntries, listEntries, printableName } from '../zip/capped-unzip';
import { packageZipFailure } from './unzip-failure';
import { fingerprintOf, verifyBytes } from '../trust/ed25519';

/** Why a zip entry name is unsafe to even consider (zip slip and friends), or null. */
export function unsafeEntryName(name: string): string | null {
  if (!name) return 'an entry has an empty name';
  if (/[\u0000-\u001f]/.test(name)) return `entry "${printableName(name)}" has control characters in its name`;
  if (name.includes('\\')) return `entry "${printableName(name)}" uses backslashes in its path`;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `entry "${printableName(name)}" has an absolute path`;
  if (name.split('/').some((part) => part === '..' || part === '.')) return `entry "${printableName(name)}" points outside the package (../)`;
  return null;
}


function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
}

/**
 * Open and check a package without touching the database: every entry name safe
 * and unique, declared sizes within limits before inflating, no entry inflating past
 * its declared size, every entry listed in the manifest with the right size and
 * SHA-256, every JSON entry parsed against its schema, every document (current and
 * historical) valid for the article schema, every photo named by the SHA-256 of its
 * own bytes, and the signature (if any) matching the manifest. Throws
 * {@link HandoffError} on the first problem. Whether the signer is trusted is not
 * decided here (see signer.ts).
 */
export function readPackage(bytes: Uint8Array): PackageContents {
  if (bytes.length > LIMITS.packageBytes) throw new HandoffError(`the package is too large (${bytes.length} bytes; the limit is ${LIMITS.packageBytes})`);
  const declared = new Map<string, number>();
  let declaredTotal = 0;
  for (const file of listEntries(bytes, packageZipFailure)) {
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) throw new HandoffError(unsafe);
    if (declared.has(file.name)) throw new HandoffError(`entry "${printableName(file.name)}" appears twice in the package`);
    if (declared.size >= LIMITS.entries) throw new HandoffError(`the package has more than ${LIMITS.entries} entries`);
    const limit = MEDIA_ENTRY.test(file.name) ? LIMITS.mediaBytes : LIMITS.jsonBytes;
    if (file.originalSize > limit) throw new HandoffError(`entry "${printableName(file.name)}" declares ${file.originalSize} bytes, more than the ${limit} allowed`);
    declaredTotal += file.originalSize;
    if (declaredTotal > LIMITS.totalBytes) throw new HandoffError(`the package declares more than ${LIMITS.totalBytes} bytes in total`);
    if (file.compression !== 0 && file.compression !== 8) throw new HandoffError(`entry "${printableName(file.name)}" uses an unsupported compression method (${file.compression})`);
    if (file.compression === 0 && file.size !== file.originalSize) throw new HandoffError(`entry "${printableName(file.name)}" has inconsistent sizes`);
    declared.set(file.name, file.originalSize);
  }
  const entries = Object.fromEntries(inflateEntries(bytes, declared, packageZipFailure)) as Record<string, Uint8Array>;

  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new HandoffError('the package has no manifest.json; it is not a Newsroom handoff package');
  const manifestJson = parseJson('manifest.json', manifestBytes);
  if (typeof manifestJson === 'object' && manifestJson !== null && typeof (manifestJson as { formatVersion?: unknown }).formatVersion === 'number') {
    const v = (manifestJson as { formatVersion: number }).formatVersion;
    if (v > PACKAGE_VERSION) throw new HandoffError(`the package was made by a newer Newsroom (format ${v}; this app reads up to ${PACKAGE_VERSION}); update Newsroom to open it`);
  }
  const parsedManifest = Manifest.safeParse(manifestJson);
  if (!parsedManifest.success) throw new HandoffError(`manifest.json is not valid: ${issueText(parsedManifest.error)}`);
  const manifest = parsedManifest.data;

  const listed = new Map<string, { size: number; sha256: string }>();
  for (const e of manifest.entries) {
    if (listed.has(e.name)) throw new HandoffError(`the manifest lists "${printableName(e.name)}" twice`);
    if (e.name === 'manifest.json' || e.name === SIGNATURE_ENTRY) throw new HandoffError(`the manifest lists ${e.name}, which it cannot cover`);
    listed.set(e.name, e);
  }
  for (const name of Object.keys(entries)) {
    if (name === 'manifest.json' || name === SIGNATURE_ENTRY) continue;
    if (!listed.has(name)) throw new HandoffError(`entry "${printableName(name)}" is not listed in the manifest`);
    if (!(JSON_ENTRIES as readonly string[]).includes(name) && name !== DICTIONARY_ENTRY && !MEDIA_ENTRY.test(name)) throw new HandoffError(`entry "${printableName(name)}" is not part of the package format`);
  }
  for (const [name, expected] of listed) {
    const data = entries[name];
    if (!data) throw new HandoffError(`the manifest lists "${printableName(name)}" but the package does not contain it`);
    if (data.length !== expected.size) throw new HandoffError(`entry "${printableName(name)}" is ${data.length} bytes, the manifest says ${expected.size}; the package is damaged`);
    if (sha256Hex(data) !== expected.sha256) throw new HandoffError(`entry "${printableName(name)}" does not match its SHA-256 in the manifest; the package is damaged or was altered`);
  }

  const json = {} as { [K in JsonEntry]: z.output<(typeof ENTRY_SCHEMAS)[K]> };
  for (const name of JSON_ENTRIES) {
    const data = entries[name];
    if (!data) throw new HandoffError(`the package has no ${name}`);
    const parsed = ENTRY_SCHEMAS[name].safeParse(parseJson(name, data));
    if (!parsed.success) throw new HandoffError(`${name} is not valid: ${issueText(parsed.error)}`);
    (json as Record<string, unknown>)[name] = parsed.data;
  }

  let dictionary: PackageDictionary = [];
  const dictionaryBytes = entries[DICTIONARY_ENTRY];
  if (dictionaryBytes) {
    const parsed = PackageDictionary.safeParse(parseJson(DICTIONARY_ENTRY, dictionaryBytes));
    if (!parsed.success) throw new HandoffError(`${DICTIONARY_ENTRY} is not valid: ${issueText(parsed.error)}`);
    dictionary = parsed.data;
  }

  const article = json['article.json'];
  if (article.meta.id !== manifest.articleId) throw new HandoffError('article.json holds a different article than the manifest names');
  checkDocument('article.json', article.document);
  const historyNodes = json['history.json'].map((h, i) => checkDocument(`history.json revision ${i + 1}`, h.document));
  for (const record of [...json['comments.json'], ...json['suggestions.json'], ...json['transitions.json']]) {
    if (record.articleId !== article.meta.id) throw new HandoffError('the package holds review records of another article');
  }
  const commentIds = new Set(json['comments.json'].map((c) => c.id));
  for (const c of json['comments.json']) {
    if (!commentIds.has(c.threadId)) throw new HandoffError(`comment ${c.id} replies to a thread that is not in the package`);
  }
  const profileIds = new Set(json['profiles.json'].map((p) => p.id));
  if (!profileIds.has(manifest.sender.id)) throw new HandoffError('profiles.json does not include the sender');
  const named = [
    ...json['comments.json'].flatMap((c) => [c.authorId, c.resolvedBy]),
    ...json['suggestions.json'].flatMap((s) => [s.authorId, s.decidedBy]),
    ...json['transitions.json'].map((t) => t.profileId),
  ];
  for (const id of named) if (id && !profileIds.has(id)) throw new HandoffError(`a review record names profile ${id}, which is not in profiles.json`);

  const media: PackageContents['media'] = [];
  const described = new Map(json['media.json'].map((m) => [m.id, m]));
  for (const [name, data] of Object.entries(entries)) {
    const m = MEDIA_ENTRY.exec(name);
    if (!m) continue;
    const entry = described.get(m[1]!);
    // Every photo, stripped copies included, is named by the SHA-256 of its own bytes: a package cannot plant bytes under another photo's id.
    if (sha256Hex(data) !== m[1]) throw new HandoffError(`photo ${name} does not match its own name (SHA-256); the package is damaged or was altered`);
    if (entry?.strippedFrom === m[1]) throw new HandoffError(`photo ${name} says it was stripped from itself`);
    media.push({ id: m[1]!, fileName: entry?.fileName ?? '', strippedFrom: entry?.strippedFrom ?? null, bytes: data });
  }
  for (const m of json['media.json']) {
    if (!entries[`media/${m.id}`]) throw new HandoffError(`media.json describes photo ${m.id.slice(0, 12)}, which the package does not contain`);
  }

  return {
    manifest,
    signedBy: checkSignature(manifest, manifestBytes, entries[SIGNATURE_ENTRY]),
    article,
    history: json['history.json'],
    comments: json['comments.json'],
    suggestions: json['suggestions.json'],
    transitions: json['transitions.json'],
    profiles: json['profiles.json'],
    media,
    dictionary,
    historyNodes,
  };
}

/**
 * The sender's key when `signature.json` is a valid Ed25519 signature of the exact
 * manifest bytes by the key the manifest names; null when the package is unsigned.
 * A signature that does not hold means the package was altered after signing.
 */
function checkSignature(manifest: Manifest, manifestBytes: Uint8Array, signatureBytes: Uint8Array | undefined): PackageContents['signedBy'] {
  if (!signatureBytes) return null;
  if (!manifest.senderKey) throw new HandoffError('the package carries a signature but its manifest names no key');
  const parsed = SignatureEntry.safeParse(parseJson(SIGNATURE_ENTRY, signatureBytes));
  if (!parsed.success) throw new HandoffError(`${SIGNATURE_ENTRY} is not valid: ${issueText(parsed.error)}`);
  const publicKey = new Uint8Array(Buffer.from(manifest.senderKey, 'base64url'));
  const signature = new Uint8Array(Buffer.from(parsed.data.signature, 'base64url'));
  if (!verifyBytes(publicKey, manifestBytes, signature)) {
    throw new HandoffError('the signature does not match the manifest: the package was altered after it was signed');
  }
  return { publicKey, fingerprint: fingerprintOf(publicKey) };
}

function parseJson(name: string, data: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new HandoffError(`${name} is not UTF-8 text`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HandoffError(`${name} is not valid JSON (${(err as Error).message})`);
  }
}

function checkDocument(where: string, stored: unknown): PMNode {
  try {
    return documentFromStored(stored as Parameters<typeof documentFromStored>[0]);
  } catch (err) {
    throw new HandoffError(`${where}: ${(err as Error).message}`);
  }
}
