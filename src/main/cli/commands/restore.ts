import { BackupError, restoreBackup } from '../../core/backup';
import { parseCommandArgs } from '../args';
import { CliError, type Command } from '../command';

export const restore: Command = {
  name: 'restore',
  usage: 'newsroom restore <backup> [--db PATH]',
  summary: 'Replace the database with a verified backup; the current file is kept aside',
  run(ctx) {
    const { positionals } = parseCommandArgs(ctx.args, {}, this.usage);
    if (positionals.length !== 1) throw new CliError(`usage: ${this.usage}`, 2);
    try {
      const { keptAside } = restoreBackup(positionals[0]!, ctx.databasePath);
      ctx.out(`Restored ${ctx.databasePath} from ${positionals[0]}.`);
      if (keptAside) ctx.out(`The previous database was kept as ${keptAside}.`);
      return 0;
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(`${err.message}; nothing was changed`);
      throw err;
    }
  },
};
