import type { Core } from '../../src/main/core/core';
import type { ArticleStatus } from '../../src/shared/article';
import type { ProfileInput } from '../../src/shared/review/model';
import { callOk } from './calls';

/** A desk profile: the role that may make every move, publishing included. */
export const DESK: ProfileInput = { displayName: 'Minh Anh', initials: 'MA', role: 'desk', color: '#204080' };

/** The main line of the workflow, in order. */
const MAIN_LINE: ArticleStatus[] = ['draft', 'submitted', 'in_edit', 'approved', 'published'];

/**
 * Move an article to `to` the way a newsroom would, one workflow step at a time
 * through `changeStatus` (status changes have no other door). Sets up a desk
 * profile first when the machine has none.
 */
export async function moveAlongWorkflow(core: Core, id: string, to: ArticleStatus): Promise<void> {
  if (!core.review.people.local()) core.review.people.setLocal(DESK);
  if (to === 'spiked' || to === 'draft') {
    await callOk(core, 'changeStatus', { id, to });
    return;
  }
  const from = core.articles.get(id).meta.status;
  for (const step of MAIN_LINE.slice(MAIN_LINE.indexOf(from) + 1, MAIN_LINE.indexOf(to) + 1)) await callOk(core, 'changeStatus', { id, to: step });
}
