import { nfc } from '../text';
import type { CleanParagraph } from './model';

const JUNK_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/**
 * Plain text as paragraphs, the way reporters' text files and e-mails are laid out:
 * a blank line (possibly holding spaces) separates paragraphs, a single line break
 * inside a paragraph is just a wrapped line and becomes a space. NBSP and runs of
 * spaces collapse to one space; everything is NFC. A space at the very start or
 * end of the text is kept (as one space), since it joins the text at the caret.
 */
export function plainTextToParagraphs(text: string): CleanParagraph[] {
  const normalised = nfc(text.replace(/\r\n?/g, '\n').replace(JUNK_CHARS, ''));
  const lines = normalised
    .split(/\n[ \t\u00a0\u3000]*\n/)
    .map((chunk) => chunk.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!lines.length) return [];
  // The first and last lines join the text around the caret: keep a space the
  // user copied at either end ("Dán " + typing must not fuse into "Dántiếp").
  if (/^\s/.test(normalised)) lines[0] = ' ' + lines[0]!;
  if (/\s$/.test(normalised.replace(/\n+$/, ''))) lines[lines.length - 1] += ' ';
  return lines.map((text) => ({ type: 'paragraph', content: [{ kind: 'text', text }] }));
}
