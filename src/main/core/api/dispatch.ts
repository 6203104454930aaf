import { api, ApiError, type ApiResult, type CallName } from '../../../shared/api';
import { DocumentError } from '../../../shared/document';
import type { Handlers } from './handlers';
import { describeStorageError } from '../storage-errors';

/** Turn any thrown value into the typed error a client may see. Stacks stay in the log. */
export function toApiError(err: unknown, log: (message: string) => void = (m) => console.error(m)): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DocumentError) return new ApiError('invalid_input', err.message);
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ApiError('busy', 'The database is busy with another Newsroom window or command; try again in a moment.');
  }
  const storage = describeStorageError(err);
  if (storage) return new ApiError('storage', storage);
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return new ApiError('internal', 'Something went wrong inside Newsroom; the details were logged.');
}

/**
 * What a host may pass along with a call besides its input: a listener for the
 * progress of long calls (the CLI prints it while a large Word file converts).
 */
export interface CallContext {
  progress?: (event: { name: string; stage: string; fraction: number }) => void;
}

/**
 * Run one call: check the name, validate the input against the contract, run the
 * handler, validate its output. Never throws; every failure becomes `{ ok: false }`.
 */
export async function dispatch(handlers: Handlers, name: string, input: unknown, context: CallContext = {}): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(api, name)) {
    return { ok: false, error: { code: 'unknown_call', message: `There is no call named "${name.slice(0, 64)}".` } };
  }
  const spec = api[name as CallName];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: { code: 'invalid_input', message: `${name}: ${where}${issue?.message ?? 'invalid input'}` } };
  }
  try {
    const handler = handlers[name as CallName] as (input: unknown, context: CallContext) => unknown;
    const value = await handler(parsed.data, context);
    return { ok: true, value: spec.output.parse(value) };
  } catch (err) {
    return { ok: false, error: toApiError(err).toJSON() };
  }
}
