import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PATH } from '../support/temp';
import { tempDbPerTest } from '../support/temp-per-test';
import { runCli } from '../support/cli';

const temp = tempDbPerTest();
const run = (...argv: string[]) => runCli(argv);

describe('newsroom list, show and --db', () => {
  it('lists and shows an imported article, as text and JSON', async () => {
    const imported = await run('import', SEED_PATH, '--db', temp.db, '--json');
    expect(imported.code).toBe(0);
    const id = (JSON.parse(imported.out) as [{ id: string }])[0].id;

    const list = await run('list', '--db', temp.db, '--json');
    expect(JSON.parse(list.out)).toMatchObject({ total: 1, items: [{ id, headline: 'Từng bước đáp ứng yêu cầu của nền hành chính hiện đại', authors: ['Tiến Thành'] }] });
    expect((await run('list', `--db=${temp.db}`)).out).toContain('1 of 1 articles');

    const show = await run('show', id, '--db', temp.db);
    expect(show.code).toBe(0);
    expect(show.out).toContain('agency tag: BLC');
    expect(show.out).toContain('Để từng bước xây dựng nền hành chính hiện đại');
    expect(show.out).not.toContain('Bình luận');
    expect(JSON.parse((await run('show', id, '--db', temp.db, '--json')).out)).toMatchObject({ meta: { id, agencyTag: 'BLC', publishedAt: '2016-06-10T16:36:00+07:00' } });
  });

  it('reads NEWSROOM_DB when --db is absent', async () => {
    const listed = await runCli(['list', '--json'], { NEWSROOM_DB: temp.db });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toMatchObject({ total: 0 });
  });

  it('fails with one clear line for bad arguments and bad files', async () => {
    const cases = [
      await run('show', 'not-a-uuid', '--db', temp.db),
      await run('show', '00000000-0000-4000-8000-000000000000', '--db', temp.db),
      await run('list', '--status', 'burnt', '--db', temp.db),
      await run('list', '--bogus', '--db', temp.db),
      await run('import', join(temp.dir, 'missing.txt'), '--db', temp.db),
      await run('export', '--db', temp.db),
      await run('list', '--db'),
    ];
    for (const r of cases) {
      expect(r.code).not.toBe(0);
      expect(r.err.split('\n')[0]).toMatch(/^newsroom: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a file that is not a database and leaves it untouched', async () => {
    const notDb = join(temp.dir, 'notes.db');
    writeFileSync(notDb, 'Đây là ghi chú, không phải cơ sở dữ liệu.'.repeat(100));
    const r = await run('list', '--db', notDb);
    expect(r.code).toBe(1);
    expect(r.err).toContain(notDb);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('prints help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const c of ['list', 'show', 'import', 'export', 'serve']) expect(r.out).toContain(`newsroom ${c}`);
  });
});
