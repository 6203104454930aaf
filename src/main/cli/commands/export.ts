import { exportBundle } from '../../core/export/bundle';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  usage: 'newsroom export <id…> --out DIR [--db PATH]',
  summary: 'Export articles as HTML bundles',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { out: { type: 'string' } }, this.usage);
    if (!positionals.length || !values.out) throw new CliError(`usage: ${this.usage}`, 2);
    const core = ctx.openCore();
    let failed = 0;
    try {
      for (const id of positionals) {
        try {
          const article = await call(core, 'getArticle', { id });
          ctx.out(`${id}  ${exportBundle(article, values.out)}`);
        } catch (err) {
          failed++;
          ctx.err(`${id}: ${(err as Error).message}`);
        }
      }
    } finally {
      core.close();
    }
    ctx.out(`${positionals.length - failed} exported, ${failed} failed`);
    return failed ? 1 : 0;
  },
};
