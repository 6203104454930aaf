import { nfc } from '../text';
import type { CleanParagraph } from './model';

const JUNK_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/**
 * Plain text as paragraphs, the way reporters' text files and e-mails are laid out:
 * a blank line (possibly holding spaces) separates paragraphs, a single line break
 * inside a paragraph is just a wrapped line and becomes a space. NBSP and runs of
 * spaces collapse to one space; everything is NFC.
 */
export function plainTextToParagraphs(text: string): CleanParagraph[] {
  const normalised = nfc(text.replace(/\r\n?/g, '\n').replace(JUNK_CHARS, ''));
  const out: CleanParagraph[] = [];
  for (const chunk of normalised.split(/\n[ \t\u00a0\u3000]*\n/)) {
    const line = chunk.replace(/\s+/g, ' ').trim();
    if (line) out.push({ type: 'paragraph', content: [{ kind: 'text', text: line }] });
  }
  return out;
}
