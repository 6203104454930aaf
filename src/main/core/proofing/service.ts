/** Proofing in the core: the CLI, preflight and import review check articles here with the desk's rules and the newsroom dictionary. */
import type { Database } from 'better-sqlite3';
import type { Node as PMNode } from 'prosemirror-model';
import { documentParagraphs, type ProofParagraph } from '../../../shared/proofing/paragraphs';
import { createProofer } from '../../../shared/proofing/proof';
import type { ArticleFinding } from '../../../shared/proofing/rules/engine';
import { englishSpeller, vietnameseSpeller } from './dictionaries';
import { NewsroomDictionary } from './newsroom-dictionary';
import { PersonalDictionary } from './personal-dictionary';
import { ProofingOverrides } from './overrides';
import { readRules } from './rules-file';

export class ProofingService {
  /** Names and words the desk keeps; every check here uses them. */
  readonly newsroom: NewsroomDictionary;
  /** Each profile's own words; only the editor's underlines use them. */
  readonly personal: PersonalDictionary;
  /** Exports and publications the desk let through past proofing errors. */
  readonly overrides: ProofingOverrides;

  constructor(
    private readonly databasePath: string,
    db: Database,
  ) {
    this.newsroom = new NewsroomDictionary(db);
    this.personal = new PersonalDictionary(db);
    this.overrides = new ProofingOverrides(db);
  }

  /** Findings for paragraphs in the article's language, with the rules file and dictionary read fresh (the desk may just have edited them). */
  proofParagraphs(paragraphs: ProofParagraph[], language: string, agencyTag: string): ArticleFinding[] {
    const { loaded } = readRules(this.databasePath);
    const proofer = createProofer({ language, vi: vietnameseSpeller(), en: englishSpeller(), rules: loaded, newsroomWords: this.newsroom.words() });
    return proofer.proof(paragraphs, agencyTag);
  }

  proofDocument(doc: PMNode, language: string, agencyTag: string): ArticleFinding[] {
    return this.proofParagraphs(documentParagraphs(doc), language, agencyTag);
  }
}
