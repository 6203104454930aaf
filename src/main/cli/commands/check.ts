import { newestBackup } from '../../core/backup';
import { DATABASE_CHECKS, runChecks } from '../../core/db/check';
import { mediaFilesCheck } from '../../core/media/check';
import { DatabaseOpenError } from '../../core/db/errors';
import { parseCommandArgs } from '../args';
import { CliError, type Command } from '../command';

export const check: Command = {
  name: 'check',
  usage: 'newsroom check [--quick] [--repair] [--json] [--db PATH]',
  summary: 'Check the database (integrity, references, documents, search index, media); exit 1 on problems',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      { quick: { type: 'boolean' }, repair: { type: 'boolean' }, json: { type: 'boolean' } },
      this.usage,
    );
    if (positionals.length) throw new CliError(`usage: ${this.usage}`, 2);
    let core;
    try {
      core = ctx.openCore();
    } catch (err) {
      if (!(err instanceof DatabaseOpenError)) throw err;
      const backup = newestBackup(ctx.databasePath);
      const hint = backup ? `\nThe newest backup is ${backup}; restore it with: newsroom restore "${backup}" --db "${ctx.databasePath}"` : '';
      throw new CliError(`${err.message}${hint}`);
    }
    try {
      if (values.repair) {
        const n = core.articles.search.rebuild();
        if (!values.json) ctx.out(`search index rebuilt (${n} articles)`);
      }
      const results = await runChecks({ db: core.db, databasePath: ctx.databasePath, quick: Boolean(values.quick) }, [...DATABASE_CHECKS, mediaFilesCheck]);
      const failed = results.filter((r) => r.problems.length);
      if (values.json) ctx.out(JSON.stringify({ databasePath: ctx.databasePath, ok: failed.length === 0, results }, null, 2));
      else {
        for (const r of results) {
          ctx.out(`${r.name}: ${r.problems.length ? `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}` : 'ok'}`);
          for (const p of r.problems) ctx.out(`  ${p}`);
        }
        ctx.out(failed.length ? `${ctx.databasePath}: problems found` : `${ctx.databasePath}: all checks passed`);
      }
      return failed.length ? 1 : 0;
    } finally {
      core.close();
    }
  },
};
