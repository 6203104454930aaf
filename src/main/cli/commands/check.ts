import type { CallOutput } from '../../../shared/api';
import { newestBackup } from '../../core/backup';
import { DatabaseOpenError } from '../../core/db/errors';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const check: Command = {
  name: 'check',
  usage: 'newsroom check [--quick] [--repair] [--json] [--db PATH]',
  summary: 'Check the database (integrity, references, documents, search index) and report; --repair then rebuilds a broken search index. Exit 1 on problems left',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      { quick: { type: 'boolean' }, repair: { type: 'boolean' }, json: { type: 'boolean' } },
      this.usage,
    );
    if (positionals.length) throw new CliError(`usage: ${this.usage}`, 2);
    let core;
    try {
      core = ctx.openCore({ maintainSearch: false });
    } catch (err) {
      if (!(err instanceof DatabaseOpenError)) throw err;
      const backup = newestBackup(ctx.databasePath);
      const hint = backup ? `\nThe newest backup is ${backup}; restore it with: newsroom restore "${backup}" --db "${ctx.databasePath}"` : '';
      throw new CliError(`${err.message}${hint}`);
    }
    try {
      const report = await call(core, 'checkDatabase', { quick: Boolean(values.quick), repair: Boolean(values.repair) });
      const { results, repaired, after, ok } = report;
      if (values.json) {
        ctx.out(JSON.stringify({ databasePath: ctx.databasePath, ok, results, ...(repaired ? { repaired, after } : {}) }, null, 2));
        return ok ? 0 : 1;
      }
      printResults(ctx.out, results);
      if (values.repair && !repaired) ctx.out(ok ? 'nothing to repair' : 'nothing --repair can fix: the search index is sound; for the problems above, restore a backup (newsroom restore)');
      if (repaired) {
        ctx.out(`repaired: search index rebuilt (${repaired.searchIndex} articles re-indexed)`);
        ctx.out('after the repair:');
        printResults(ctx.out, after ?? []);
      }
      ctx.out(ok ? `${ctx.databasePath}: all checks passed` : `${ctx.databasePath}: problems found`);
      return ok ? 0 : 1;
    } finally {
      core.close();
    }
  },
};

/** One line per check, then one per problem. */
function printResults(out: (line: string) => void, results: CallOutput<'checkDatabase'>['results']): void {
  for (const r of results) {
    out(`${r.name}: ${r.problems.length ? `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}` : 'ok'}`);
    for (const p of r.problems) out(`  ${p}`);
  }
}
