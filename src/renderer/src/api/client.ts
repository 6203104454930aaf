import { createClient, type ApiClient, type ApiResult, type CallName, type Transport } from '../../../shared/api';
import type { NewsroomBridge } from '../../../shared/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app, exposed by the preload script. */
    newsroom?: NewsroomBridge;
  }
}

/** Message of the error a call fails with when the browser host cannot be reached at all. */
export const NETWORK_FAILURE = 'The Newsroom host cannot be reached.';

export type HostKind = 'electron' | 'browser';

/** Which host serves this page: the Electron preload bridge, or the browser host's HTTP API. */
export function detectHost(): HostKind {
  return window.newsroom?.host === 'electron' ? 'electron' : 'browser';
}

/** Calls through the preload bridge (one function per call, validated again in the main process). */
function electronTransport(bridge: NewsroomBridge): Transport {
  return (name: CallName, input: unknown) => {
    const fn = bridge.api[name];
    if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: `The app does not know the call ${name}.` } });
    return fn(input);
  };
}

/**
 * Calls the browser host: same origin, `POST /api/<name>` with a JSON body. The
 * access cookie was set when the page was opened, so nothing else is needed here.
 */
const httpTransport: Transport = async (name, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'storage', message: NETWORK_FAILURE } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}` } };
  }
};

/** The typed API client for whichever host this page runs under. */
export function createHostClient(): ApiClient {
  const bridge = window.newsroom;
  return createClient(bridge?.host === 'electron' ? electronTransport(bridge) : httpTransport);
}
