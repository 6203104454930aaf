import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import type { Feature } from '../index';
import { ImportView } from './ImportView';

/** File → Import… (Ctrl+O): the import review screen (its id matches the Electron menu command 'import'). */
export const importFeature: Feature = {
  id: 'import',
  menu: 'file',
  labelKey: 'importReview.menu',
  shortcut: COMMAND_SHORTCUTS.import,
  view: ImportView,
};
