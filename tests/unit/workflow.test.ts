import { describe, expect, it } from 'vitest';
import { allowedTargets, checkTransition } from '../../src/shared/review/workflow';

describe('workflow rules', () => {
  it('walks the normal path with the right roles', () => {
    expect(checkTransition({ from: 'draft', to: 'submitted', role: 'reporter' }).ok).toBe(true);
    expect(checkTransition({ from: 'submitted', to: 'in_edit', role: 'editor' }).ok).toBe(true);
    expect(checkTransition({ from: 'in_edit', to: 'approved', role: 'editor' }).ok).toBe(true);
    expect(checkTransition({ from: 'approved', to: 'published', role: 'desk' })).toEqual({ ok: true, override: false });
  });

  it('refuses moves a role may not make, with a reason', () => {
    const r = checkTransition({ from: 'submitted', to: 'approved', role: 'editor' });
    expect(r.ok).toBe(false);
    expect(checkTransition({ from: 'in_edit', to: 'approved', role: 'reporter' })).toMatchObject({ ok: false, reason: expect.stringMatching(/reporter/) });
    expect(checkTransition({ from: 'approved', to: 'published', role: 'editor' })).toMatchObject({ ok: false, reason: 'only the desk can publish' });
    expect(checkTransition({ from: 'draft', to: 'draft', role: 'desk' }).ok).toBe(false);
  });

  it('publishes without approval only for the desk with a reason', () => {
    expect(checkTransition({ from: 'in_edit', to: 'published', role: 'desk' })).toMatchObject({ ok: false, reason: expect.stringMatching(/approved/) });
    expect(checkTransition({ from: 'in_edit', to: 'published', role: 'desk', overrideReason: '   ' }).ok).toBe(false);
    expect(checkTransition({ from: 'in_edit', to: 'published', role: 'desk', overrideReason: 'Tin khẩn' })).toEqual({ ok: true, override: true });
  });

  it('spikes from any state and recovers to draft or where it was', () => {
    for (const from of ['draft', 'submitted', 'in_edit', 'approved', 'published'] as const) {
      expect(checkTransition({ from, to: 'spiked', role: 'editor' }).ok).toBe(true);
    }
    expect(checkTransition({ from: 'approved', to: 'spiked', role: 'reporter' }).ok).toBe(false);
    expect(checkTransition({ from: 'spiked', to: 'approved', role: 'editor', spikedFrom: 'approved' }).ok).toBe(true);
    expect(checkTransition({ from: 'spiked', to: 'approved', role: 'editor', spikedFrom: 'in_edit' }).ok).toBe(false);
    expect(checkTransition({ from: 'spiked', to: 'draft', role: 'reporter', spikedFrom: 'submitted' }).ok).toBe(true);
    expect(allowedTargets('spiked', 'reporter', 'submitted')).toEqual(['draft']);
  });

  it('lists the moves a profile can offer', () => {
    expect(allowedTargets('draft', 'reporter')).toEqual(['submitted', 'spiked']);
    expect(allowedTargets('approved', 'desk')).toEqual(['in_edit', 'published', 'spiked']);
  });
});
