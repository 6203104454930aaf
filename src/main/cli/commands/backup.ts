import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const backup: Command = {
  name: 'backup',
  usage: 'newsroom backup [<file>] [--db PATH]',
  summary: "Back up the database now (verified); without <file>, to today's automatic backup",
  async run(ctx) {
    const { positionals } = parseCommandArgs(ctx.args, {}, this.usage);
    if (positionals.length > 1) throw new CliError(`usage: ${this.usage}`, 2);
    if (!existsSync(ctx.databasePath)) throw new CliError(`${ctx.databasePath}: no database to back up`);
    const core = ctx.openCore({ maintainSearch: false });
    try {
      const info = await call(core, 'backupDatabase', positionals[0] ? { file: resolve(positionals[0]) } : {});
      ctx.out(`Backed up ${ctx.databasePath} to ${info.file} (${(info.bytes / 1024 / 1024).toFixed(1)} MB, integrity verified)`);
      return 0;
    } finally {
      core.close();
    }
  },
};
