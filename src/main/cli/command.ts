import type { Core } from '../core';

/** What a command gets: its own arguments, the open core (if it wants one) and output streams. */
export interface CommandContext {
  args: string[];
  databasePath: string;
  /** Open the database; `maintainSearch: false` leaves the search index as it is (see CoreOptions). */
  openCore(options?: { maintainSearch?: boolean }): Core;
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code. Throwing a {@link CliError} prints its message on one line. */
  run(ctx: CommandContext): Promise<number> | number;
}

/** An error meant for the user: printed on one line, no stack. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
