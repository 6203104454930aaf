import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import type { Feature } from '../index';
import { ReviewView } from './ReviewView';

/** Tools → Review and handoff…: workflow, comments, suggestions, history, packages. */
export const reviewFeature: Feature = {
  id: 'review',
  menu: 'tools',
  labelKey: 'review.menu',
  shortcut: COMMAND_SHORTCUTS.review,
  view: ReviewView,
};
