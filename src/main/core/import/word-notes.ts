import { all, type DomDocument, type DomElement } from './dom';

/** The notes of a Word document, taken out of the converted HTML to be appended after the story. */
export interface WordNotes {
  /** A heading and one paragraph per note, each starting with its number as in the text ("[1] …"); null without notes. */
  section: DomElement | null;
  count: number;
}

const NOTE_REFERENCE = 'a[href^="#footnote-"], a[href^="#endnote-"]';
const NOTE = 'li[id^="footnote-"], li[id^="endnote-"]';

/**
 * Footnotes and endnotes keep their numbers. The converter writes a reference as a
 * superscript link "[1]" and the notes as a list after the last paragraph. The
 * reference becomes the plain text "[1]" (it reads the same in every export), and
 * each note a paragraph "[1] text" under `heading`, so no number is lost or renumbered.
 * `orphans` (notes no reference points to, as paragraph texts) follow, unnumbered.
 */
export function takeNotes(document: DomDocument, heading: string, orphans: string[][] = []): WordNotes {
  // The notes' links back to their references ("↑") point inside the document.
  for (const back of all(document, 'a[href^="#footnote-ref"], a[href^="#endnote-ref"]')) back.remove();
  const labels = new Map<string, string>();
  for (const link of all(document, NOTE_REFERENCE)) {
    const label = (link.textContent ?? '').trim();
    labels.set((link.getAttribute('href') ?? '').slice(1), label);
    const sup = link.parentElement;
    const whole = sup && /^sup$/i.test(sup.tagName) && (sup.textContent ?? '').trim() === label ? sup : link;
    whole.replaceWith(document.createTextNode(label));
  }

  const notes = all(document, NOTE);
  const lists = new Set(notes.map((li) => li.parentElement).filter((ol): ol is DomElement => !!ol));
  if (!notes.length && !orphans.length) return { section: null, count: 0 };
  const section = document.createElement('div');
  const title = document.createElement('h2');
  title.appendChild(document.createTextNode(heading));
  section.appendChild(title);
  notes.forEach((note, i) => {
    const label = labels.get(note.getAttribute('id') ?? '') || `[${i + 1}]`;
    const first = note.querySelector('p') ?? note;
    first.insertBefore(document.createTextNode(`${label} `), first.firstChild);
    while (note.firstChild) section.appendChild(note.firstChild);
  });
  for (const list of lists) list.remove();
  for (const text of orphans.flat()) {
    const paragraph = document.createElement('p');
    paragraph.appendChild(document.createTextNode(text));
    section.appendChild(paragraph);
  }
  return { section, count: notes.length + orphans.length };
}
