import { main, type Io } from '../../src/main/cli/main';

/** An `Io` for the CLI's `main` that keeps every printed line, for assertions on the output. */
export function captureIo(): { out: string[]; err: string[]; io: Io } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}

/**
 * Run `newsroom <argv>` in-process with only `env` as its environment (so a
 * developer's own NEWSROOM_DB never leaks in); what it printed comes back joined
 * into text.
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const { out, err, io } = captureIo();
  const code = await main(argv, io, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
