/** UI strings the proofing views need, resolved when shown (the UI language can change). */
export interface ProofingTexts {
  language: 'vi' | 'en';
  popoverLabel: string;
  remove: string;
  noSuggestion: string;
  /** Fix every finding of this rule in the article ({{count}}). */
  fixAllOfRule: (count: number) => string;
  ignoreOnce: string;
  ignoreInArticle: string;
  addToDictionary: string;
  panelTitle: string;
  spelling: (count: number) => string;
  style: (count: number) => string;
  filter: string;
  filterAll: string;
  filterSpelling: string;
  filterStyle: string;
  filterErrors: string;
  applySafe: (count: number) => string;
  none: string;
  close: string;
}
