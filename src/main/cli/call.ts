import type { CallInput, CallName, CallOutput } from '../../shared/api';
import type { Core } from '../core';
import type { CallContext } from '../core/api/dispatch';
import { CliError } from './command';

/** Run an API call through the same validation as the app; failures become CLI errors. */
export async function call<N extends CallName>(core: Core, name: N, input: CallInput<N>, context?: CallContext): Promise<CallOutput<N>> {
  const result = await core.call(name, input, context);
  if (!result.ok) throw new CliError(result.error.message, result.error.code === 'not_found' ? 3 : 1);
  return result.value as CallOutput<N>;
}
