import { describe, expect, it } from 'vitest';
import { groupOrder, needsMyAction } from '../../src/shared/review/desk-view';

describe('the list as each role works it', () => {
  it('puts approved articles, waiting to publish, first for the desk', () => {
    expect(groupOrder('desk')).toEqual(['approved', 'draft', 'submitted', 'in_edit', 'published', 'spiked']);
    expect(groupOrder('editor')[0]).toBe('submitted');
    expect(groupOrder(null)).toEqual(['draft', 'submitted', 'in_edit', 'approved', 'published', 'spiked']);
  });

  it('says which articles need my action by role', () => {
    expect(needsMyAction('reporter', 'draft')).toBe(true);
    expect(needsMyAction('reporter', 'submitted')).toBe(false);
    expect(needsMyAction('editor', 'submitted')).toBe(true);
    expect(needsMyAction('editor', 'approved')).toBe(false);
    expect(needsMyAction('desk', 'approved')).toBe(true);
    expect(needsMyAction('desk', 'in_edit')).toBe(false);
  });
});
