import { ArticleStatus } from '../../../shared/article';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const list: Command = {
  name: 'list',
  usage: 'newsroom list [--status S] [--limit N] [--json] [--db PATH]',
  summary: 'List articles, newest first',
  async run(ctx) {
    const { values } = parseCommandArgs(ctx.args, { json: { type: 'boolean' }, status: { type: 'string' }, limit: { type: 'string' } }, this.usage);
    const status = values.status === undefined ? undefined : ArticleStatus.safeParse(values.status);
    if (status && !status.success) throw new CliError(`unknown status "${values.status}" (one of ${ArticleStatus.options.join(', ')})`, 2);
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit takes a whole number from 1 to 500', 2);
    const core = ctx.openCore();
    try {
      const result = await call(core, 'listArticles', { status: status?.data, limit });
      if (values.json) {
        ctx.out(JSON.stringify(result, null, 2));
        return 0;
      }
      for (const a of result.items) {
        ctx.out([a.id, a.status.padEnd(9), a.updatedAt, String(a.wordCount).padStart(6) + ' chữ', a.headline || '(no headline)'].join('  '));
      }
      ctx.out(`${result.items.length} of ${result.total} articles`);
      return 0;
    } finally {
      core.close();
    }
  },
};
