import type { Segment } from '../../../shared/search';
import { parseCommandArgs, statusOption, wholeNumber } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

/** Hits marked «like this»: visible in any terminal, pipe or log. */
const render = (segments: Segment[]) => segments.map((s) => (s.hit ? `«${s.text}»` : s.text)).join('');

export const search: Command = {
  name: 'search',
  usage: 'newsroom search <query> [--status S] [--section S] [--author A] [--tag T] [--from DATE] [--to DATE] [--limit N] [--offset N] [--json] [--db PATH]',
  summary: 'Search articles (marks and đ ignored; "quoted phrase"; last word as prefix)',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      {
        status: { type: 'string' },
        section: { type: 'string' },
        author: { type: 'string' },
        tag: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
      },
      this.usage,
    );
    if (positionals.length === 0) throw new CliError(`usage: ${this.usage}`, 2);
    const status = statusOption(values.status);
    const input = {
      query: positionals.join(' '),
      status,
      section: values.section,
      author: values.author,
      tag: values.tag,
      from: values.from,
      to: values.to,
      limit: wholeNumber(values.limit, 'limit', 1, 100, 20),
      offset: wholeNumber(values.offset, 'offset', 0, 10_000, 0),
    };
    const core = ctx.openCore();
    try {
      const result = await call(core, 'searchArticles', input);
      if (values.json) {
        ctx.out(JSON.stringify(result, null, 2));
        return 0;
      }
      for (const hit of result.items) {
        const a = hit.article;
        ctx.out([a.id, a.status.padEnd(9), a.updatedAt, render(hit.headline) || '(no headline)'].join('  '));
        if (hit.snippet.length) ctx.out(`    ${render(hit.snippet)}`);
      }
      const shown = result.items.length;
      ctx.out(shown ? `${shown} result${shown === 1 ? '' : 's'}${result.hasMore ? ' (more with --offset ' + (input.offset + shown) + ')' : ''}` : 'no results');
      return 0;
    } finally {
      core.close();
    }
  },
};
