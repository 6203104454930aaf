/** Proofing in the core: the CLI, preflight and import review check articles here with the desk's rules. */
import type { Node as PMNode } from 'prosemirror-model';
import { documentParagraphs, type ProofParagraph } from '../../../shared/proofing/paragraphs';
import { createProofer } from '../../../shared/proofing/proof';
import type { ArticleFinding } from '../../../shared/proofing/rules/engine';
import { englishSpeller, vietnameseSpeller } from './dictionaries';
import { readRules } from './rules-file';

export class ProofingService {
  constructor(private readonly databasePath: string) {}

  /** Findings for paragraphs in the article's language, with the rules file read fresh (the desk may just have edited it). */
  proofParagraphs(paragraphs: ProofParagraph[], language: string, agencyTag: string): ArticleFinding[] {
    const { loaded } = readRules(this.databasePath);
    const proofer = createProofer({ language, vi: vietnameseSpeller(), en: englishSpeller(), rules: loaded });
    return proofer.proof(paragraphs, agencyTag);
  }

  proofDocument(doc: PMNode, language: string, agencyTag: string): ArticleFinding[] {
    return this.proofParagraphs(documentParagraphs(doc), language, agencyTag);
  }
}
