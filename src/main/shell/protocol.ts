import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** A media read from the core: the bytes and their type, or null for an unknown id. */
export type MediaReader = (id: string, variant: string) => Promise<{ bytes: Uint8Array; mimeType: string } | null>;

/** Serve media on newsroom-media://<variant>/<id> through the core; anything else is a 404. */
export function serveMedia(read: MediaReader): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const id = url.pathname.replace(/^\/+/, '');
    if (!/^[0-9a-f]{64}$/.test(id) || !/^[a-z0-9-]{1,32}$/.test(url.host)) return new Response('Not found', { status: 404 });
    const media = await read(id, url.host);
    if (!media) return new Response('Not found', { status: 404 });
    return new Response(Buffer.from(media.bytes), { headers: { 'Content-Type': media.mimeType, 'X-Content-Type-Options': 'nosniff' } });
  });
}
