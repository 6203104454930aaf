import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeHref } from '../../src/shared/links';

describe('safeHref never throws', () => {
  it('refuses malformed percent-encoding in a mailto link instead of throwing', () => {
    expect(safeHref('mailto:%E0%A4%A')).toBeNull();
    expect(safeHref('mailto:a%@b.vn')).toBeNull();
    expect(safeHref('mailto:%zz@b.vn')).toBeNull();
    // Well-formed encoding still passes.
    expect(safeHref('mailto:to%61soan@baolaichau.vn')).toBe('mailto:to%61soan@baolaichau.vn');
  });

  it('refuses huge strings and odd schemes', () => {
    expect(safeHref(`https://baolaichau.vn/${'a'.repeat(5_000_000)}`)).toBeNull();
    expect(safeHref(`${' '.repeat(100_000)}https://baolaichau.vn/`)).toBeNull();
    expect(safeHref('https://baolaichau.vn/' + ' '.repeat(10))).toBe('https://baolaichau.vn/');
    for (const odd of ['ftp://x.vn/', 'file:///etc/passwd', 'data:text/html,<b>', 'blob:https://x.vn/1', 'view-source:https://x.vn', 'mailto:', 'http://[::1', '%E0%A4%A', '\uD800']) {
      expect(safeHref(odd)).toBeNull();
    }
  });

  it('returns a string or null for any input (property)', () => {
    const pieces = fc.constantFrom('mailto:', 'http://', 'https://', '%', '%E0', '%A4', '%zz', '@', 'b.vn', '[', ':', '\u0000', '\uD800', '\uDC00', ' ', '#', '?');
    const anything = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
      fc.anything(),
    );
    fc.assert(
      fc.property(anything, (raw) => {
        const out = safeHref(raw);
        expect(out === null || typeof out === 'string').toBe(true);
        if (out !== null) expect(out).toMatch(/^(https?:\/\/|mailto:)/);
      }),
      { numRuns: 2000 },
    );
  });
});
