import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiResult } from '../../shared/api';
import { answerMediaRead } from '../../shared/media-response';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { APP_SCHEME, MEDIA_SCHEME } from './app-url';

/** Must run before `app.ready`: declares our schemes secure and standard. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the built renderer from `rendererDir` on newsroom://app/, with our CSP. */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      // A malformed % escape is the request's fault: say so instead of failing the handler.
      return new Response('The address holds a malformed % escape.', { status: 400 });
    }
    const relative = pathname.replace(/^\/+/, '') || 'index.html';
    const file = normalize(join(root, relative));
    if (url.host !== 'app' || !file.startsWith(root)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** Sends one call through the core's dispatch. */
export type CoreCall = (name: 'readMedia', input: unknown) => Promise<ApiResult<unknown>>;

/**
 * Serve media on newsroom-media://<variant>/<id> through the core's `readMedia`
 * call, with the same status and headers as the browser host's /media/ route.
 */
export function serveMedia(call: CoreCall): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const answer = await answerMediaRead(call, url.host, url.pathname.replace(/^\/+/, ''));
    const body = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
