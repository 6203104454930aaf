import { resolveDatabasePath } from '../core/paths';
import { createCore } from '../core/core';
import { DamagedDatabaseError, DatabaseOpenError } from '../core/db/errors';
import { newestBackup } from '../core/backup';
import { describeStorageError } from '../core/storage-errors';
import { APP_VERSION } from '../core/version';
import { CliError, type Command, type CommandContext } from './command';
import { list } from './commands/list';
import { show } from './commands/show';
import { search } from './commands/search';
import { check } from './commands/check';
import { backup } from './commands/backup';
import { restore } from './commands/restore';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { preflightCommand } from './commands/preflight';
import { proofCommand } from './commands/proof';
import { dictionaryCommand } from './commands/dictionary';
import { serve } from './commands/serve';
import { pack } from './commands/pack';
import { unpack } from './commands/unpack';
import { profile } from './commands/profile';
import { trust } from './commands/trust';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [list, show, search, importCommand, preflightCommand, proofCommand, dictionaryCommand, exportCommand, serve, profile, pack, unpack, trust, check, backup, restore];

function help(): string {
  return [
    'Newsroom: draft, review and export news articles.',
    '',
    'Commands:',
    // A command with several forms lists each on its own line, all at the same indent.
    ...COMMANDS.flatMap((c) => [...c.usage.split('\n').map((form) => `  ${form.trim()}`), `      ${c.summary}`]),
    '',
    'Every command takes --db PATH (or NEWSROOM_DB) to choose the database.',
  ].join('\n');
}

/** Pull `--db PATH` / `--db=PATH` out of the arguments, wherever it stands. */
function takeDbOption(args: string[]): { db?: string; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') {
      db = args[++i];
      if (!db) throw new CliError('--db needs a path', 2);
    } else if (a.startsWith('--db=')) db = a.slice(5);
    else rest.push(a);
  }
  return { db, rest };
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const stdio: Io = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };

/**
 * A reader that stops early (`newsroom list | head -1`) closes the pipe; the next
 * write fails with EPIPE. That is the reader's choice, not an error: stop at once,
 * quietly, with exit code 0 (anything being written is atomic and stays whole).
 */
function endQuietlyWhenThePipeCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}

/** Run the CLI; returns the exit code. Errors are one line on stderr, never a stack. */
export async function main(argv: string[], io: Io = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (io === stdio) endQuietlyWhenThePipeCloses();
  try {
    const { db, rest } = takeDbOption(argv);
    const [name, ...args] = rest;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(help());
      return name ? 0 : 2;
    }
    if (name === '--version') {
      io.out(APP_VERSION);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliError(`unknown command "${name}"; run newsroom --help`, 2);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`usage: ${command.usage}\n${command.summary}`);
      return 0;
    }
    const databasePath = resolveDatabasePath(db, env);
    const ctx: CommandContext = {
      args,
      databasePath,
      openCore: (options) => createCore({ databasePath, host: 'browser', ...options }),
      out: io.out,
      err: io.err,
    };
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`newsroom: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof DatabaseOpenError) {
      const backup = err instanceof DamagedDatabaseError ? newestBackup(err.path) : null;
      io.err(`newsroom: ${err.message}${backup ? ` To restore the newest backup: newsroom restore ${backup} --db ${err.path}` : ''}`);
      return 1;
    }
    const storage = describeStorageError(err);
    if (storage) {
      io.err(`newsroom: ${storage}`);
      return 1;
    }
    io.err(`newsroom: unexpected error: ${(err as Error).message}`);
    return 1;
  }
}
