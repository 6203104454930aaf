import { fileURLToPath } from 'node:url';
import { CliError } from './command';

/** The checkout the CLI runs from (it runs from source through tsx). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Build main, preload and renderer into `out/` with electron-vite (a few seconds). */
export async function buildRenderer(): Promise<void> {
  try {
    const { build } = await import('electron-vite');
    await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  } catch (err) {
    throw new CliError(`building the app failed: ${(err as Error).message.split('\n')[0]}`);
  }
}
