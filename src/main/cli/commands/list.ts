import { parseCommandArgs, statusOption, wholeNumber } from '../args';
import { call } from '../call';
import type { Command } from '../command';

export const list: Command = {
  name: 'list',
  usage: 'newsroom list [--status S] [--limit N] [--json] [--db PATH]',
  summary: 'List articles, newest first',
  async run(ctx) {
    const { values } = parseCommandArgs(ctx.args, { json: { type: 'boolean' }, status: { type: 'string' }, limit: { type: 'string' } }, this.usage);
    const status = statusOption(values.status);
    const limit = wholeNumber(values.limit, 'limit', 1, 500, 100);
    const core = ctx.openCore();
    try {
      const result = await call(core, 'listArticles', { status, limit });
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
