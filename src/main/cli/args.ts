import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ArticleStatus } from '../../shared/article';
import { CliError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with our error style: unknown options become one readable line. */
export function parseCommandArgs<T extends Options>(
  args: string[],
  options: T,
  usage: string,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]}\nusage: ${usage}`, 2);
  }
}

/** `--name N` as a whole number in [min, max], or `fallback` when absent. */
export function wholeNumber(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} takes a whole number from ${min} to ${max}`, 2);
  return n;
}

/** `--status S` as a workflow state, or undefined when absent. */
export function statusOption(value: string | undefined): ArticleStatus | undefined {
  if (value === undefined) return undefined;
  const parsed = ArticleStatus.safeParse(value);
  if (!parsed.success) throw new CliError(`unknown status "${value}" (one of ${ArticleStatus.options.join(', ')})`, 2);
  return parsed.data;
}
