import { documentFromStored } from '../../../shared/document';
import { documentToText } from '../../../shared/serialize-text';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const show: Command = {
  name: 'show',
  usage: 'newsroom show <id> [--json] [--db PATH]',
  summary: 'Print one article as text (or JSON)',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' } }, this.usage);
    if (positionals.length !== 1) throw new CliError(`usage: ${this.usage}`, 2);
    const core = ctx.openCore();
    try {
      const article = await call(core, 'getArticle', { id: positionals[0]! });
      if (values.json) {
        ctx.out(JSON.stringify(article, null, 2));
        return 0;
      }
      const m = article.meta;
      ctx.out(`id: ${m.id}\nslug: ${m.slug}\nstatus: ${m.status}\nsection: ${m.section}\ntags: ${m.tags.join(', ')}\nagency tag: ${m.agencyTag}\npublished: ${m.publishedAt ?? '-'}\nupdated: ${m.updatedAt}\n`);
      ctx.out(documentToText(documentFromStored(article.document)));
      return 0;
    } finally {
      core.close();
    }
  },
};
