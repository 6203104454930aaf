import { cleanLine } from './parsed';
import { isOn, xmlAll, xmlChildren, xmlText, type XmlDocument } from './word-xml';

/**
 * Take out content controls (`w:sdt`) that still show their placeholder
 * (`w:showingPlcHdr`): the grey "Nhập tên tác giả" or "Click or tap here to enter
 * text" of a template field nobody filled in is not copy. Returns each placeholder's
 * text, for the report. Filled-in controls are left for the converter, which keeps their text.
 */
export function takePlaceholders(document: XmlDocument): string[] {
  const texts: string[] = [];
  for (const control of xmlAll(document, 'w:sdt')) {
    const properties = xmlChildren(control, 'w:sdtPr')[0];
    if (!properties || !isOn(xmlChildren(properties, 'w:showingPlcHdr')[0]) || !control.parentNode) continue;
    const content = xmlChildren(control, 'w:sdtContent')[0];
    const text = cleanLine(content ? xmlText(content) : '');
    if (text) texts.push(text);
    control.remove();
  }
  return texts;
}
