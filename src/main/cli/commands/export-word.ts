import { call } from '../call';
import { CliError, type CommandContext } from '../command';

/**
 * `newsroom export <id…> --format docx --out DIR`: one `<slug>.docx` per article.
 * A failing article (a file there that Newsroom did not write, an unknown id) is
 * reported on its own line and does not stop the others; the exit code is 1 then.
 */
export async function exportWordFiles(ctx: CommandContext, ids: string[], outDir: string): Promise<number> {
  const core = ctx.openCore();
  let failed = 0;
  try {
    for (const id of ids) {
      try {
        const { path } = await call(core, 'exportWord', { id, outDir });
        ctx.out(`word       ${path}`);
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        failed++;
        ctx.err(`FAILED     ${id}  ${err.message}`);
      }
    }
  } finally {
    core.close();
  }
  ctx.out(`${ids.length - failed} exported as Word, ${failed} failed`);
  return failed ? 1 : 0;
}
