import type { Node as PMNode } from 'prosemirror-model';
import type { Core } from '../../src/main/core/core';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api';
import { buildTextIndex, rangeOf } from '../../src/shared/review/text-index';

/** Run an API call through the core's validation; a failure throws with its code. */
export async function callOk<N extends CallName>(core: Core, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await core.call(name, input);
  if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}`), { code: r.error.code });
  return r.value as CallOutput<N>;
}

/** The document range of the first occurrence of `text` (across parts), for comments and suggestions. */
export function findText(doc: PMNode, text: string): { from: number; to: number } {
  const index = buildTextIndex(doc);
  const at = index.text.indexOf(text);
  if (at < 0) throw new Error(`"${text}" not found`);
  return rangeOf(index, at, at + text.length);
}
