import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const preflightCommand: Command = {
  name: 'preflight',
  usage: 'newsroom preflight <id…> [--profile NAME] [--override-proofing REASON] [--json] [--db PATH]',
  summary: 'List what blocks an article from export, and its warnings',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { profile: { type: 'string' }, json: { type: 'boolean' }, 'override-proofing': { type: 'string' } }, this.usage);
    if (!positionals.length) throw new CliError(`usage: ${this.usage}`, 2);
    const core = ctx.openCore();
    let blocked = 0;
    const all: unknown[] = [];
    try {
      for (const id of positionals) {
        const result = await call(core, 'preflightArticle', { id, ...(values.profile ? { profile: values.profile } : {}), ...(values['override-proofing'] !== undefined ? { proofingOverride: values['override-proofing'] } : {}) });
        if (!result.exportable) blocked++;
        if (values.json) {
          all.push({ id, ...result });
          continue;
        }
        ctx.out(`${id}  ${result.exportable ? 'ready' : 'BLOCKED'}  ${result.errors.length} error(s), ${result.warnings.length} warning(s)`);
        for (const i of [...result.errors, ...result.warnings]) {
          ctx.out(`  ${i.severity}${i.blocking && i.severity === 'warning' ? ' (blocking)' : ''}: [${i.code}] ${i.where}: ${i.message}${i.fix ? ` (fix: ${i.fix})` : ''}`);
        }
      }
    } finally {
      core.close();
    }
    if (values.json) ctx.out(JSON.stringify(all, null, 2));
    return blocked ? 1 : 0;
  },
};
