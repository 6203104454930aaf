import { xmlAll, xmlChildren, type XmlDocument, type XmlElement } from './word-xml';

/** One level of a Word list: its number format (`decimal`, `upperRoman`, `bullet`…), its text pattern ("%1.%2") and first number. */
interface Level {
  format: string;
  text: string;
  start: number;
}

interface ParagraphStyle {
  name: string;
  basedOn: string;
  numbering: { numId: string; level: number } | null;
}

const attr = (element: XmlElement | undefined, name: string) => element?.getAttribute(name) ?? '';
const child = (element: XmlElement | undefined, tag: string) => (element ? xmlChildren(element, tag)[0] : undefined);

function numberingOf(pPr: XmlElement | undefined): { numId: string; level: number } | null {
  const numPr = child(pPr, 'w:numPr');
  if (!numPr) return null;
  return { numId: attr(child(numPr, 'w:numId'), 'w:val'), level: Number(attr(child(numPr, 'w:ilvl'), 'w:val') || 0) };
}

function readStyles(styles: XmlDocument | null): Map<string, ParagraphStyle> {
  const out = new Map<string, ParagraphStyle>();
  for (const style of styles ? xmlAll(styles, 'w:style') : []) {
    if (attr(style, 'w:type') !== 'paragraph') continue;
    out.set(attr(style, 'w:styleId'), {
      name: attr(child(style, 'w:name'), 'w:val').toLowerCase(),
      basedOn: attr(child(style, 'w:basedOn'), 'w:val'),
      numbering: numberingOf(child(style, 'w:pPr')),
    });
  }
  return out;
}

/** Levels of each list instance (`w:num`), with its start overrides applied. */
function readLists(numbering: XmlDocument): Map<string, Map<number, Level>> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of xmlAll(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of xmlChildren(abstract, 'w:lvl')) {
      levels.set(Number(attr(lvl, 'w:ilvl') || 0), {
        format: attr(child(lvl, 'w:numFmt'), 'w:val') || 'decimal',
        text: attr(child(lvl, 'w:lvlText'), 'w:val'),
        start: Number(attr(child(lvl, 'w:start'), 'w:val') || 1),
      });
    }
    abstracts.set(attr(abstract, 'w:abstractNumId'), levels);
  }
  const lists = new Map<string, Map<number, Level>>();
  for (const num of xmlAll(numbering, 'w:num')) {
    const levels = new Map(abstracts.get(attr(child(num, 'w:abstractNumId'), 'w:val')) ?? []);
    for (const override of xmlChildren(num, 'w:lvlOverride')) {
      const level = Number(attr(override, 'w:ilvl') || 0);
      const start = attr(child(override, 'w:startOverride'), 'w:val');
      const base = levels.get(level);
      if (base && start) levels.set(level, { ...base, start: Number(start) });
    }
    lists.set(attr(num, 'w:numId'), levels);
  }
  return lists;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, symbols] of ROMAN) {
    for (; rest >= value; rest -= value) out += symbols;
  }
  return out;
}
/** A, B, … Z, AA, BB, … as Word counts letters. */
const letters = (n: number) => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter written in a Word number format; formats not listed here are written as decimals. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'decimalZero': return String(n).padStart(2, '0');
    default: return String(n);
  }
}

/**
 * Write the numbers Word generates for numbered headings ("1.", "1.2", "I.", "A)")
 * into the heading's text. The number is not in the document's text, only in its
 * list definition; a converter would drop it, and the reader of the copy sees it
 * (a report's "II. KẾT QUẢ"). Numbers count through every paragraph of the same
 * list, as in Word; numbering set directly on the paragraph or by its style (and
 * the styles it is based on) is followed. Ordinary numbered paragraphs are left to
 * become numbered lists. Returns how many headings were numbered.
 */
export function numberHeadings(body: XmlDocument, styles: XmlDocument | null, numbering: XmlDocument | null): number {
  if (!numbering) return 0;
  const styleMap = readStyles(styles);
  const lists = readLists(numbering);
  const counters = new Map<string, number[]>();
  const styleChain = (id: string) => {
    const chain: ParagraphStyle[] = [];
    for (let s = styleMap.get(id); s && chain.length < 20; s = styleMap.get(s.basedOn)) chain.push(s);
    return chain;
  };
  let numbered = 0;
  const copies = new Set(xmlAll(body, 'mc:Fallback w:p')); // paragraphs of a text box's copy for older readers
  for (const paragraph of xmlAll(body, 'w:p')) {
    if (copies.has(paragraph)) continue;
    const pPr = child(paragraph, 'w:pPr');
    const chain = styleChain(attr(child(pPr, 'w:pStyle'), 'w:val'));
    const numberingRef = numberingOf(pPr) ?? chain.find((s) => s.numbering)?.numbering ?? null;
    const levels = numberingRef && lists.get(numberingRef.numId);
    if (!numberingRef || !levels?.size) continue;
    const count = counters.get(numberingRef.numId) ?? [];
    count[numberingRef.level] = (count[numberingRef.level] ?? (levels.get(numberingRef.level)?.start ?? 1) - 1) + 1;
    count.length = numberingRef.level + 1; // deeper levels restart
    counters.set(numberingRef.numId, count);

    const level = levels.get(numberingRef.level);
    if (!level || level.format === 'bullet' || level.format === 'none' || !chain.some((s) => /^heading [1-9]$/.test(s.name))) continue;
    const label = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatNumber(count[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.format ?? 'decimal');
    });
    if (!label.trim()) continue;
    const run = body.createElement('w:r');
    const text = body.createElement('w:t');
    text.setAttribute('xml:space', 'preserve');
    text.appendChild(body.createTextNode(`${label} `));
    run.appendChild(text);
    paragraph.insertBefore(run, pPr ? pPr.nextSibling : paragraph.firstChild);
    numbered++;
  }
  return numbered;
}
