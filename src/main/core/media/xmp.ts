import { escapeUTF8 } from 'entities';
import type { MediaDescription } from '../../../shared/media';

/**
 * XMP packets: finding one inside a container exifr does not read it from, cutting out
 * the private properties, and writing a fresh one that holds only the description.
 */

const PACKET_START = '<x:xmpmeta';
const PACKET_END = '</x:xmpmeta>';

/**
 * The XMP packet of a file, found by scanning its bytes (the "packet scanning" XMP
 * allows for containers a reader does not understand), as UTF-8 text; null if none.
 */
export function findXmpPacket(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buffer.indexOf(PACKET_START, 0, 'latin1');
  if (start < 0) return null;
  const end = buffer.indexOf(PACKET_END, start, 'latin1');
  if (end < 0) return null;
  return buffer.toString('utf8', start, end + PACKET_END.length);
}

/** XMP properties that locate the photo or identify the camera or its owner. */
const PRIVATE_XMP = String.raw`(?:exif|exifEX|aux|tiff):(?:GPS\w*|\w*SerialNumber|OwnerName|CameraOwnerName)`;
const PRIVATE_ATTR = new RegExp(String.raw`\s${PRIVATE_XMP}\s*=\s*("[^"]*"|'[^']*')`, 'g');
const PRIVATE_ELEMENT = new RegExp(String.raw`<(${PRIVATE_XMP})\b[^>]*?(?:/>|>[\s\S]*?</\1\s*>)`, 'g');
const STILL_PRIVATE = new RegExp(PRIVATE_XMP);

/**
 * The packet without its GPS, serial-number and owner properties, or null when they
 * cannot be cut out cleanly (the caller then writes {@link buildXmp} instead).
 */
export function removePrivateXmp(xml: string): string | null {
  if (!STILL_PRIVATE.test(xml)) return xml;
  const cleaned = xml.replace(PRIVATE_ATTR, '').replace(PRIVATE_ELEMENT, '');
  return STILL_PRIVATE.test(cleaned) ? null : cleaned;
}

/** True when the packet still names a private property. */
export function hasPrivateXmp(xml: string): boolean {
  return STILL_PRIVATE.test(xml);
}

const langAlt = (tag: string, value: string) => (value ? `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escapeUTF8(value)}</rdf:li></rdf:Alt></${tag}>` : '');
const simple = (tag: string, value: string) => (value ? `<${tag}>${escapeUTF8(value)}</${tag}>` : '');
const seq = (tag: string, value: string) => (value ? `<${tag}><rdf:Seq><rdf:li>${escapeUTF8(value)}</rdf:li></rdf:Seq></${tag}>` : '');

/**
 * A fresh XMP packet with the photographer's description only (caption, creator,
 * credit line, rights, headline, title), or null when the description is empty.
 */
export function buildXmp(description: MediaDescription): string | null {
  const body = [
    langAlt('dc:description', description.caption),
    seq('dc:creator', description.creator),
    langAlt('dc:rights', description.copyright),
    langAlt('dc:title', description.title),
    simple('photoshop:Credit', description.creditLine),
    simple('photoshop:Headline', description.headline),
  ].join('');
  if (!body) return null;
  return (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">' +
    body +
    '</rdf:Description></rdf:RDF></x:xmpmeta>'
  );
}
