/** The text an article is proofed on: every text block of every part, numbered within its part. */
import type { Node as PMNode } from 'prosemirror-model';

export type ProofPart = 'headline' | 'lead' | 'body' | 'caption' | 'credit' | 'byline';

export interface ProofParagraph {
  part: ProofPart;
  /** Counts that part's paragraphs from 0, in document order. */
  paragraph: number;
  text: string;
  /** Document position of the block's first character, for the editor; -1 outside a document. */
  pos: number;
}

const PART_OF_BLOCK: Record<string, ProofPart | undefined> = { caption: 'caption', credit: 'credit', author: 'byline', headline: 'headline' };

/** Walk a document's text blocks into proofing paragraphs: captions and credits apart from the body, byline names one each. */
export function documentParagraphs(doc: PMNode): ProofParagraph[] {
  const out: ProofParagraph[] = [];
  const counters: Partial<Record<ProofPart, number>> = {};
  doc.forEach((section, offset) => {
    const sectionPart = (PART_OF_BLOCK[section.type.name] ?? section.type.name) as ProofPart;
    if (section.isTextblock) {
      push(sectionPart, section, offset + 1);
      return;
    }
    section.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      push(PART_OF_BLOCK[node.type.name] ?? sectionPart, node, offset + 1 + pos + 1);
      return false;
    });
  });
  return out;

  function push(part: ProofPart, node: PMNode, pos: number): void {
    const paragraph = counters[part] ?? 0;
    counters[part] = paragraph + 1;
    // One U+FFFC per inline leaf (line break) keeps text offsets equal to document positions.
    out.push({ part, paragraph, text: node.textBetween(0, node.content.size, '', '\ufffc'), pos });
  }
}

/** Plain text as body paragraphs: each non-empty line one paragraph (the CLI's `--stdin`). */
export function textParagraphs(text: string): ProofParagraph[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, paragraph) => ({ part: 'body' as const, paragraph, text: line, pos: -1 }));
}
