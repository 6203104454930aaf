import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import type { Feature } from '../index';
import { OpenPackageView } from './OpenPackageView';

/** File → Open package… (its id is the Electron menu command 'open-package'). */
export const openPackageFeature: Feature = {
  id: 'open-package',
  menu: 'file',
  labelKey: 'review.openPackage.menu',
  shortcut: COMMAND_SHORTCUTS['open-package'],
  view: OpenPackageView,
};
