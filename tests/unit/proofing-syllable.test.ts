import { describe, expect, it } from 'vitest';
import { decodeKeyboardLeftover } from '../../src/shared/proofing/keyboard-leftovers';
import { repairSyllable } from '../../src/shared/proofing/repairs';
import { isValidSyllable, placeTone, placementOf } from '../../src/shared/proofing/syllable';

describe('Vietnamese syllable structure', () => {
  it('accepts the syllables of real text, gi and qu onsets and loanword rhymes included', () => {
    for (const s of ['việt', 'người', 'giếng', 'gì', 'quốc', 'quyết', 'khuỷu', 'rượu', 'xoong', 'kỳ', 'nghiêm', 'ngành', 'thực', 'hoà', 'hòa'])
      expect(isValidSyllable(s), s).toBe(true);
  });

  it('refuses impossible onsets, rhymes and tones on closed syllables', () => {
    for (const s of ['nghành', 'ngiêm', 'qoá', 'ghà', 'kác', 'bàt', 'thưc', 'vieejt', 'hcọ'])
      expect(isValidSyllable(s), s).toBe(false);
  });

  it('places the tone in either style and tells the styles apart', () => {
    expect(placeTone('hòa', 'new')).toBe('hoà');
    expect(placeTone('thuý', 'old')).toBe('thúy');
    expect(placeTone('người', 'old')).toBe('người');
    expect(placementOf('hoà')).toBe('new');
    expect(placementOf('thúy')).toBe('old');
    expect(placementOf('toàn')).toBeNull();
  });
});

describe('keyboard leftovers', () => {
  it.each([
    ['vieejt', 'việt'],
    ['ddaof', 'đào'],
    ['vie65t', 'việt'],
    ['nguowif', 'người'],
    ['dduwowcj', 'được'],
    ['nu7o71c', 'nước'],
    ['hoaf', 'hoà'],
  ])('%s is read back as %s', (typed, meant) => {
    expect(decodeKeyboardLeftover(typed, 'new')).toBe(meant);
  });

  it('writes the suggestion in the house tone placement', () => {
    expect(decodeKeyboardLeftover('hoaf', 'old')).toBe('hòa');
  });

  it('does not read English as Telex', () => {
    expect(decodeKeyboardLeftover('online', 'new')).toBeNull();
    expect(decodeKeyboardLeftover('internet', 'new')).toBeNull();
  });
});

describe('repairs of impossible syllables', () => {
  it.each([
    ['nghành', 'ngành'],
    ['ngiêm', 'nghiêm'],
    ['qoá', 'quá'],
    ['kác', 'các'],
    ['gế', 'ghế'],
    ['hcọ', 'học'],
    ['thưc', 'thực'],
  ])('%s can be repaired to %s', (wrong, right) => {
    expect(repairSyllable(wrong, 'new')).toContain(right);
  });
});
