import type { Feature } from '../index';
import { RecentView } from './RecentView';

/** File → Recent articles…: the last ten opened (the id matches the Electron menu command 'recent'). */
export const recentFeature: Feature = {
  id: 'recent',
  menu: 'file',
  labelKey: 'recent.menu',
  view: RecentView,
};
