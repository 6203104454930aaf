import { ARTICLE_STATUSES, type ArticleStatus } from '../article';
import type { ProfileRole } from './model';

/**
 * The list as each role works it: which states wait for this role's action
 * (a reporter's drafts, including those returned from edit; an editor's
 * submissions; the desk's approved articles, waiting to publish), and the order
 * of the status groups with those first, then the rest in workflow order.
 */
export const ACTION_STATES: Readonly<Record<ProfileRole, readonly ArticleStatus[]>> = {
  reporter: ['draft'],
  editor: ['submitted'],
  desk: ['approved'],
};

export function needsMyAction(role: ProfileRole, status: ArticleStatus): boolean {
  return ACTION_STATES[role].includes(status);
}

/** Status groups in the order `role` works them (workflow order without a role). */
export function groupOrder(role: ProfileRole | null): ArticleStatus[] {
  if (!role) return [...ARTICLE_STATUSES];
  const first = ACTION_STATES[role];
  return [...first, ...ARTICLE_STATUSES.filter((s) => !first.includes(s))];
}
