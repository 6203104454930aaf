import { HandoffError, unpackFile } from '../../core/handoff';
import { parseCommandArgs } from '../args';
import { CliError, type Command } from '../command';

const OUTCOMES: Record<string, string> = {
  created: 'new article',
  unchanged: 'same version as here; review records merged',
  updated: 'their newer version is now current',
  older: 'this machine has the newer version; kept it, review records merged',
  conflict: 'changed on both machines: their version is kept as a parallel revision, yours is unchanged',
};

export const unpack: Command = {
  name: 'unpack',
  usage: 'newsroom unpack <file.newsroom> [--json] [--db PATH]',
  summary: 'Open a handoff package: bring in the article, its history, comments and suggestions',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' } }, this.usage);
    if (positionals.length !== 1) throw new CliError(`usage: ${this.usage}`, 2);
    const [file] = positionals as [string];
    const core = ctx.openCore();
    try {
      let result;
      try {
        result = await unpackFile(core, file);
      } catch (err) {
        if (err instanceof HandoffError) throw new CliError(`${file}: refused, nothing was changed: ${err.message}`);
        throw err;
      }
      if (values.json) {
        ctx.out(JSON.stringify(result, null, 2));
      } else {
        ctx.out(`${result.articleId}  "${result.headline}"  from ${result.sender.displayName} (${result.sender.role})`);
        ctx.out(`  ${OUTCOMES[result.outcome]}`);
        const a = result.added;
        ctx.out(`  added ${a.revisions} revisions, ${a.comments} comments, ${a.suggestions} suggestions, ${a.transitions} status changes, ${a.media} photos`);
        if (result.conflict) ctx.out(`  conflict ${result.conflict.id}: compare with revision ${result.conflict.revisionId}, then keep yours or take theirs in the app`);
        for (const id of result.missingMedia) ctx.err(`warning: photo ${id} is missing (not in the package nor here)`);
      }
      return result.outcome === 'conflict' ? 4 : 0;
    } finally {
      core.close();
    }
  },
};
