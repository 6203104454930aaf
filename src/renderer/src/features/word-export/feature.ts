import type { Feature } from '../index';
import { WordExportView } from './WordExportView';

/** File → Export Word…: the open article as a .docx file (the id matches the Electron menu command). */
export const wordExportFeature: Feature = {
  id: 'export-word',
  menu: 'file',
  labelKey: 'wordExport.menu',
  needsArticle: true,
  view: WordExportView,
};
