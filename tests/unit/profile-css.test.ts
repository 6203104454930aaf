import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { ProfileRepository } from '../../src/main/core/export/profiles';
import { DEFAULT_PROFILE } from '../../src/shared/export';
import { tempDir } from '../support/temp';

let core: Core | null = null;
let cleanup = () => undefined as void;
afterEach(() => {
  core?.close();
  core = null;
  cleanup();
});

function repository(): ProfileRepository {
  const t = tempDir();
  cleanup = t.cleanup;
  core = createCore({ databasePath: join(t.dir, 'n.db'), host: 'browser' });
  return new ProfileRepository(core.db);
}

describe('publication profile CSS stored before the current rule', () => {
  const legacyCss = 'h1{color:#102030}\nbody{background:image-set("https://x.example/t.png" 1x)}';

  it('is left out of the profile exports use and handed back for correction', () => {
    const profiles = repository();
    // As an older version stored it: its rule let image-set() with a string through.
    core!.db
      .prepare('INSERT INTO publication_profiles (name, version, profile, created_at) VALUES (?, ?, ?, ?)')
      .run('old', 1, JSON.stringify({ ...DEFAULT_PROFILE, css: legacyCss }), '2026-01-01T00:00:00+07:00');
    const record = profiles.get('old');
    expect(record.profile.css).toBe('');
    expect(record.cssLeftOut).toBe(legacyCss);
    expect(profiles.list().find((r) => r.name === 'old')).toMatchObject({ cssLeftOut: legacyCss, profile: { css: '' } });
  });

  it('is refused on save with the sentence naming the function', () => {
    const profiles = repository();
    expect(() => profiles.save('new', { ...DEFAULT_PROFILE, css: legacyCss })).toThrow(/image-set\(\)/);
    expect(profiles.save('new', { ...DEFAULT_PROFILE, css: 'h1{color:#102030}' })).not.toHaveProperty('cssLeftOut');
  });
});
