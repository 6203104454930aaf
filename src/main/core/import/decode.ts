import iconv from 'iconv-lite';
import { nfc } from '../../../shared/text';
import { ImportError } from './errors';

/** The encodings the importer recognises, in the order it tries them. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  /** NFC text, without the byte-order mark. */
  text: string;
  encoding: TextEncoding;
}

// C0 controls other than tab, line feed, form feed and carriage return: never in a text article.
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/;
// Tone marks Windows-1258 writes as separate combining characters; after NFC they must all be gone.
const COMBINING = /\p{M}/gu;
// What real prose is made of: letters, digits, marks, spaces and ordinary punctuation.
const PROSE_CHAR = /[\p{L}\p{N}\p{M}\s.,;:!?'"“”‘’«»()[\]{}\-–—…/%&@#*+=<>|_~$€°ºª§·•^`\\]/u;

/** Share of characters that are not ordinary prose above which text is taken for binary data or mojibake. */
const MAX_ODD_SHARE = 0.05;

function oddShare(text: string): number {
  let odd = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (!PROSE_CHAR.test(ch)) odd++;
    if (total >= 200_000) break;
  }
  return total ? odd / total : 0;
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function refuseBinary(name: string): never {
  throw new ImportError(`${name} is not a text file (it holds binary data); nothing was imported.`, 'binary');
}

function checkText(text: string, name: string): string {
  if (BINARY_CONTROL.test(text)) refuseBinary(name);
  return nfc(text);
}

/**
 * Decode an imported text or HTML file: UTF-8 (with or without BOM), UTF-16 LE/BE
 * with BOM, or Windows-1258 (Vietnamese Windows; its separate tone marks are
 * composed to NFC). Anything else is refused with a clear message rather than
 * imported as mojibake.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === null) throw new ImportError(`${name} says it is UTF-8 but holds invalid byte sequences; nothing was imported.`, 'encoding');
    return { text: checkText(text, name), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decodeStrict(bytes.subarray(2), label);
    if (text === null) throw new ImportError(`${name} says it is UTF-16 but is cut short or damaged; nothing was imported.`, 'encoding');
    return { text: checkText(text, name), encoding: label };
  }
  // A NUL byte never appears in UTF-8 or Windows-1258 prose: UTF-16 without BOM or a binary file.
  if (bytes.includes(0)) refuseBinary(name);

  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) {
    const text = checkText(utf8, name);
    if (oddShare(text) > MAX_ODD_SHARE) refuseBinary(name);
    return { text, encoding: 'utf-8' };
  }

  const legacy = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1258');
  if (legacy.includes('\uFFFD') || BINARY_CONTROL.test(legacy)) {
    throw new ImportError(`${name} is neither UTF-8, UTF-16 nor Windows-1258 text; save it as UTF-8 and import it again. Nothing was imported.`, 'encoding');
  }
  const text = nfc(legacy);
  // Genuine Windows-1258 puts tone marks on vowels, so NFC composes every one of them.
  const loneMarks = text.match(COMBINING)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 1;
  if (loneMarks > Math.max(2, letters * 0.002) || oddShare(text) > MAX_ODD_SHARE) {
    throw new ImportError(`${name} is neither UTF-8, UTF-16 nor Windows-1258 text; save it as UTF-8 and import it again. Nothing was imported.`, 'encoding');
  }
  return { text, encoding: 'windows-1258' };
}
