import { cleanLine } from './parsed';
import { isOn, xmlAll, xmlChildren, xmlText, type XmlDocument, type XmlElement } from './word-xml';

/** Passages (consecutive runs of one paragraph) that carry a formatting the article schema has no mark for. */
export interface RunFormatPassages {
  /** `w:strike` or `w:dstrike`: kept as ordinary text, because a struck passage is often a manual deletion the editor must see. */
  struck: string[];
  /** `w:u` (outside links, whose underline is only link styling): kept as plain text. */
  underlined: string[];
  /** `w:vanish`: text Word neither shows nor prints, often the reporter's own notes; left out of the article and listed. */
  hidden: string[];
}

const KINDS = ['struck', 'underlined', 'hidden'] as const;

const struck = (props: XmlElement | undefined) => !!props && (isOn(xmlChildren(props, 'w:strike')[0]) || isOn(xmlChildren(props, 'w:dstrike')[0]));
const underlined = (props: XmlElement | undefined) => !!props && isOn(xmlChildren(props, 'w:u')[0]);
const hidden = (props: XmlElement | undefined) => !!props && isOn(xmlChildren(props, 'w:vanish')[0]);

/**
 * Find the struck-through, underlined and hidden passages of the body (direct run
 * formatting; tracked deletions are reported elsewhere), for the import report.
 */
export function findRunFormats(document: XmlDocument): RunFormatPassages {
  const out: RunFormatPassages = { struck: [], underlined: [], hidden: [] };
  const current: Record<keyof RunFormatPassages, { paragraph: XmlElement | null; text: string } | null> = { struck: null, underlined: null, hidden: null };
  const close = (kind: keyof RunFormatPassages) => {
    const text = cleanLine(current[kind]?.text ?? '');
    if (text) out[kind].push(text);
    current[kind] = null;
  };
  for (const run of xmlAll(document, 'w:r')) {
    if (run.closest('w\\:del, w\\:moveFrom')) continue;
    const text = xmlText(run);
    if (!text) continue;
    const paragraph = run.closest('w\\:p');
    const props = xmlChildren(run, 'w:rPr')[0];
    const formats = { struck: struck(props), underlined: underlined(props) && !run.closest('w\\:hyperlink'), hidden: hidden(props) };
    for (const kind of KINDS) {
      if (current[kind] && (current[kind].paragraph !== paragraph || !formats[kind])) close(kind);
      if (formats[kind]) (current[kind] ??= { paragraph, text: '' }).text += text;
    }
  }
  for (const kind of KINDS) close(kind);
  return out;
}

/** Remove the hidden runs (`w:vanish`) from the body, so their text is converted nowhere; returns how many went. */
export function removeHiddenRuns(document: XmlDocument): number {
  const runs = xmlAll(document, 'w:r').filter((run) => hidden(xmlChildren(run, 'w:rPr')[0]));
  for (const run of runs) run.remove();
  return runs.length;
}
