import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError, backupNow, dailyBackupPath } from '../../core/backup';
import { parseCommandArgs } from '../args';
import { CliError, type Command } from '../command';

export const backup: Command = {
  name: 'backup',
  usage: 'newsroom backup [<file>] [--db PATH]',
  summary: "Back up the database now (verified); without <file>, to today's automatic backup",
  async run(ctx) {
    const { positionals } = parseCommandArgs(ctx.args, {}, this.usage);
    if (positionals.length > 1) throw new CliError(`usage: ${this.usage}`, 2);
    if (!existsSync(ctx.databasePath)) throw new CliError(`${ctx.databasePath}: no database to back up`);
    const file = positionals[0] ? resolve(positionals[0]) : dailyBackupPath(ctx.databasePath);
    if (file === resolve(ctx.databasePath)) throw new CliError('the backup cannot replace the database itself; choose another file');
    try {
      const info = await backupNow(ctx.databasePath, file);
      ctx.out(`Backed up ${ctx.databasePath} to ${info.file} (${(info.bytes / 1024 / 1024).toFixed(1)} MB, integrity verified)`);
      return 0;
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(err.message);
      throw err;
    }
  },
};
