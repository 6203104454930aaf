import { ARTICLE_STATUSES, type ArticleStatus } from '../article';
import type { ProfileRole } from './model';

/**
 * The article workflow: draft → submitted → in edit → approved → published, and
 * spiked (withdrawn, recoverable) from any state. Pure rules, so the UI can show
 * only the moves a profile may make and the core enforces the same table. Names
 * of states and moves are UI strings: they live in the renderer's i18n files.
 */

export interface TransitionRule {
  from: ArticleStatus;
  to: ArticleStatus;
  /** Who may make the move. */
  roles: readonly ProfileRole[];
}

const ALL: readonly ProfileRole[] = ['reporter', 'editor', 'desk'];
const EDITORS: readonly ProfileRole[] = ['editor', 'desk'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'draft', to: 'submitted', roles: ALL },
  { from: 'submitted', to: 'draft', roles: ALL },
  { from: 'submitted', to: 'in_edit', roles: EDITORS },
  { from: 'in_edit', to: 'draft', roles: EDITORS },
  { from: 'in_edit', to: 'approved', roles: EDITORS },
  { from: 'approved', to: 'in_edit', roles: EDITORS },
  { from: 'approved', to: 'published', roles: ['desk'] },
  { from: 'published', to: 'in_edit', roles: EDITORS },
];

/** English state name for error messages (the API speaks English; the UI translates). */
const name = (s: ArticleStatus) => s.replace('_', ' ');

export type TransitionCheck =
  | { ok: true; override: boolean }
  | { ok: false; reason: string };

export interface TransitionRequest {
  from: ArticleStatus;
  to: ArticleStatus;
  role: ProfileRole;
  /** The state the article was in when it was spiked (recovery returns there or to draft). */
  spikedFrom?: ArticleStatus | null;
  /** A desk profile's reason for publishing without approval. */
  overrideReason?: string | null;
}

/**
 * Decide whether `role` may move an article from `from` to `to`. Spiking is open to
 * editors and desk from any state, and to reporters for their drafts; recovering
 * returns to draft or to the state it was spiked from. Publishing needs approval;
 * a desk profile may publish from another state only with a stated reason.
 */
export function checkTransition(req: TransitionRequest): TransitionCheck {
  const { from, to, role } = req;
  if (from === to) return { ok: false, reason: `the article is already ${name(to)}` };
  if (to === 'spiked') {
    if (role === 'reporter' && from !== 'draft' && from !== 'submitted') return { ok: false, reason: 'only an editor or the desk can spike an article past submission' };
    return { ok: true, override: false };
  }
  if (from === 'spiked') {
    const back = req.spikedFrom ?? 'draft';
    if (to !== 'draft' && to !== back) return { ok: false, reason: `a spiked article comes back as a draft or as it was (${name(back)})` };
    if (role === 'reporter' && to !== 'draft') return { ok: false, reason: 'a reporter can recover a spiked article only as a draft' };
    if (to === 'published' && role !== 'desk') return { ok: false, reason: 'only the desk can publish' };
    return { ok: true, override: false };
  }
  const rule = TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (to === 'published') {
    if (role !== 'desk') return { ok: false, reason: 'only the desk can publish' };
    if (rule) return { ok: true, override: false };
    if (req.overrideReason?.trim()) return { ok: true, override: true };
    return { ok: false, reason: 'only approved articles can be published; the desk can override with a reason' };
  }
  if (!rule) return { ok: false, reason: `an article cannot go from ${name(from)} to ${name(to)}` };
  if (!rule.roles.includes(role)) return { ok: false, reason: `a ${role} profile cannot move an article from ${name(from)} to ${name(to)}` };
  return { ok: true, override: false };
}

/** Every state `role` may move an article in `from` to (for menus). Publishing by override is not listed. */
export function allowedTargets(from: ArticleStatus, role: ProfileRole, spikedFrom?: ArticleStatus | null): ArticleStatus[] {
  return ARTICLE_STATUSES.filter((to) => checkTransition({ from, to, role, spikedFrom }).ok);
}

/**
 * May `role` publish an article in `from` only by stating a reason (the desk's
 * override of the approval step)? False when a plain publish is allowed anyway.
 */
export function publishNeedsOverride(from: ArticleStatus, role: ProfileRole, spikedFrom?: ArticleStatus | null): boolean {
  if (checkTransition({ from, to: 'published', role, spikedFrom }).ok) return false;
  return checkTransition({ from, to: 'published', role, spikedFrom, overrideReason: 'reason' }).ok;
}

/** Where a profile may move an article: the plain moves, and whether the desk may publish by override. */
export interface StatusMoves {
  targets: ArticleStatus[];
  override: boolean;
}

export function statusMoves(from: ArticleStatus, role: ProfileRole, spikedFrom?: ArticleStatus | null): StatusMoves {
  return { targets: allowedTargets(from, role, spikedFrom), override: publishNeedsOverride(from, role, spikedFrom) };
}

/** The state an article was in before its latest spike, from its transition log (oldest first). */
export function spikedFromLog(log: readonly { from: ArticleStatus; to: ArticleStatus }[]): ArticleStatus | null {
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.to === 'spiked') return log[i]!.from;
  return null;
}

/**
 * What saving an edit does to the workflow, by the article's state. Editing a
 * submitted article takes it into edit at once; an approved or published one
 * goes back to in edit only when the user confirmed it (a published one is
 * reopened as a correction). Other states edit freely. The notes are the
 * history's words (English, like every logged note).
 */
export type EditEffect = { kind: 'none' } | { kind: 'move'; to: 'in_edit'; note: string; needsConfirmation: boolean };

export const EDIT_NOTES = {
  submitted: 'edited while submitted',
  approved: 'edited while approved',
  published: 'reopened as a correction',
} as const;

export function editEffect(status: ArticleStatus): EditEffect {
  if (status === 'submitted') return { kind: 'move', to: 'in_edit', note: EDIT_NOTES.submitted, needsConfirmation: false };
  if (status === 'approved' || status === 'published') return { kind: 'move', to: 'in_edit', note: EDIT_NOTES[status], needsConfirmation: true };
  return { kind: 'none' };
}

/** Open review items that stand in the way of an approval. */
export interface OpenReview {
  suggestions: number;
  comments: number;
}

/**
 * Approval needs a decided review: no open suggestion and no unresolved thread,
 * unless the approver states a reason (logged as the transition's override).
 * Null when the approval may go ahead; otherwise the refusal's sentence.
 */
export function approvalBlocked(open: OpenReview, overrideReason?: string | null): string | null {
  if (!open.suggestions && !open.comments) return null;
  if (overrideReason?.trim()) return null;
  const parts: string[] = [];
  if (open.suggestions) parts.push(`${open.suggestions} suggestion${open.suggestions === 1 ? '' : 's'} still open`);
  if (open.comments) parts.push(`${open.comments} comment thread${open.comments === 1 ? '' : 's'} unresolved`);
  return `Cannot approve: ${parts.join(' and ')}. Decide them first, or approve with an override reason.`;
}
