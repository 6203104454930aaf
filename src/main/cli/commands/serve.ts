import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserHost } from '../../http/server';
import { backupAfterOpen, backupAtQuit } from '../../core/backup/session';
import { parseCommandArgs, wholeNumber } from '../args';
import { CliError, type Command } from '../command';
import { PROJECT_ROOT, buildRenderer } from '../project';

export const serve: Command = {
  name: 'serve',
  usage: 'newsroom serve [--port N] [--db PATH]',
  summary: 'Serve the app on 127.0.0.1 for a browser',
  async run(ctx) {
    const { values } = parseCommandArgs(ctx.args, { port: { type: 'string' } }, this.usage);
    const port = wholeNumber(values.port, 'port', 0, 65535, 0);
    const rendererDir = join(PROJECT_ROOT, 'out', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      ctx.err('Building the app once (out/renderer is missing)…');
      await buildRenderer();
    }
    const core = ctx.openCore();
    let host;
    try {
      host = await startBrowserHost({ core, rendererDir, port });
    } catch (err) {
      core.close();
      throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(err as Error).message}`);
    }
    backupAfterOpen(core).catch((err: unknown) => ctx.err(`daily backup failed: ${(err as Error).message}`));
    ctx.out(`Newsroom is running at ${host.url}`);
    ctx.out(`Database: ${ctx.databasePath}. Press Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    try {
      await backupAtQuit(core);
    } catch (err) {
      ctx.err(`backup at quit failed: ${(err as Error).message}`);
    }
    core.close();
    return 0;
  },
};
