import type { ArticleStatus } from '../article';
import type { ProfileRole } from './model';

/**
 * The article workflow: draft → submitted → in edit → approved → published, and
 * spiked (withdrawn, recoverable) from any state. Pure rules, so the UI can show
 * only the moves a profile may make and the core enforces the same table.
 */

export interface TransitionRule {
  from: ArticleStatus;
  to: ArticleStatus;
  /** Who may make the move. */
  roles: readonly ProfileRole[];
  /** Label for buttons and the timeline (Vietnamese UI). */
  label: string;
}

const ALL: readonly ProfileRole[] = ['reporter', 'editor', 'desk'];
const EDITORS: readonly ProfileRole[] = ['editor', 'desk'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'draft', to: 'submitted', roles: ALL, label: 'Gửi duyệt' },
  { from: 'submitted', to: 'draft', roles: ALL, label: 'Rút lại bản nháp' },
  { from: 'submitted', to: 'in_edit', roles: EDITORS, label: 'Nhận biên tập' },
  { from: 'in_edit', to: 'draft', roles: EDITORS, label: 'Trả lại phóng viên' },
  { from: 'in_edit', to: 'approved', roles: EDITORS, label: 'Duyệt bài' },
  { from: 'approved', to: 'in_edit', roles: EDITORS, label: 'Mở lại để biên tập' },
  { from: 'approved', to: 'published', roles: ['desk'], label: 'Xuất bản' },
  { from: 'published', to: 'in_edit', roles: EDITORS, label: 'Sửa bài đã đăng' },
];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
  in_edit: 'Đang biên tập',
  approved: 'Đã duyệt',
  published: 'Đã xuất bản',
  spiked: 'Đã huỷ',
};

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
  const candidates: ArticleStatus[] = ['draft', 'submitted', 'in_edit', 'approved', 'published', 'spiked'];
  return candidates.filter((to) => checkTransition({ from, to, role, spikedFrom }).ok);
}
