import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import type { Feature } from '../index';
import { ExportView } from './ExportView';

/** File → Export…: the Export view (its id matches the Electron menu command 'export'). */
export const exportFeature: Feature = {
  id: 'export',
  menu: 'file',
  labelKey: 'exportView.menu',
  shortcut: COMMAND_SHORTCUTS.export,
  view: ExportView,
};
