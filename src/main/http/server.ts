import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core';
import { BYTE_CALLS, HOST_ONLY_CALLS, PATH_CALLS } from '../../shared/call-names';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { handleMediaRoute } from './media-routes';
import { BodyTooLargeError, readLimitedBody } from './read-body';
import { refuseBody } from './refuse-body';

export interface BrowserHostOptions {
  core: Core;
  /** Folder holding the built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Largest request body accepted (tests lower it); a big article plus headroom by default. */
  maxBodyBytes?: number;
}

export interface BrowserHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** Name of the session cookie: carries the port, so hosts on other ports of 127.0.0.1 keep their own. */
  readonly cookieName: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Largest request body accepted: a big article plus headroom. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Serve the built renderer and the API on 127.0.0.1. The per-run token arrives
 * once in the URL, is swapped for a SameSite cookie, and is required on every API
 * request; requests whose Host or Origin is not this server are refused, which
 * defeats DNS rebinding.
 *
 * Browsers share cookies between all ports of 127.0.0.1, so the cookie's name
 * carries the port ({@link sessionCookieName}): a second host, or another local
 * service, neither overwrites it nor finds it under a name it uses. A request
 * with more than one Host header is refused (which one is "the" host is exactly
 * what an attacker would like to choose), a malformed `%` escape gets a 400,
 * and an over-limit body gets its 413 answer before the connection closes.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let cookieName = '';
  const tokenBytes = Buffer.from(token);
  let allowedHosts = new Set<string>();
  let origin = '';

  const tokenMatches = (candidate: string | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (hostHeaderCount(req) > 1) return send(res, 400, 'text/plain; charset=utf-8', 'More than one Host header.');
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'Unknown host');
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && !allowedHosts.has(reqOrigin.replace(/^http:\/\//, ''))) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Foreign origin');
    }
    const url = new URL(req.url ?? '/', origin);
    const pathname = decodePath(url.pathname);
    if (pathname === null) return send(res, 400, 'text/plain; charset=utf-8', 'The address holds a malformed % escape.');
    const cookieToken = parseCookies(req.headers.cookie)[cookieName];
    const headerToken = req.headers['x-newsroom-token'];
    const authorised = tokenMatches(cookieToken) || tokenMatches(typeof headerToken === 'string' ? headerToken : undefined);

    if (await handleMediaRoute(options.core, req, res, url, authorised)) return;

    if (url.pathname.startsWith('/api/')) {
      if (!authorised) return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'Missing or wrong access token.' } });
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } });
      if (HOST_ONLY_CALLS.includes(pathname.slice(5)) || PATH_CALLS.includes(pathname.slice(5))) {
        const message = `${pathname.slice(5)} names files on this computer; only the desktop app and the newsroom command make it.`;
        return refuseBody(req, res, 403, { ok: false, error: { code: 'forbidden', message } });
      }
      if (BYTE_CALLS.includes(pathname.slice(5))) {
        const message = `${pathname.slice(5)} carries raw bytes, which JSON cannot: use POST /upload or GET /media/<variant>/<id>.`;
        return refuseBody(req, res, 400, { ok: false, error: { code: 'invalid_input', message } });
      }
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON.' } });
      }
      const tooLarge = { ok: false, error: { code: 'invalid_input', message: `The request is larger than ${describeBytes(maxBodyBytes)}.` } };
      if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return refuseBody(req, res, 413, tooLarge);
      let input: unknown;
      try {
        input = JSON.parse((await readLimitedBody(req, maxBodyBytes)).toString('utf8'));
      } catch (err) {
        if (err instanceof BodyTooLargeError) return refuseBody(req, res, 413, tooLarge);
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
      }
      const result = await options.core.call(pathname.slice(5), input);
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');

    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokenMatches(queryToken)) return send(res, 403, 'text/plain; charset=utf-8', 'Wrong access token.');
      res.writeHead(303, {
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (!authorised) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Open the address printed by "newsroom serve" (it carries the access token).');
    }
    return serveStatic(pathname, res);
  }

  /** `pathname` is already decoded. */
  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const root = normalize(options.rendererDir + sep);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root) || relative.includes('\0')) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origin = `http://127.0.0.1:${port}`;
  cookieName = sessionCookieName(port);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    cookieName,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The session cookie of the host listening on `port`. */
export function sessionCookieName(port: number): string {
  return `newsroom_session_${port}`;
}

/** How many Host headers the request carried (Node keeps only the first in `headers.host`). */
function hostHeaderCount(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') count++;
  return count;
}

/** The path with its % escapes decoded, or null when one is malformed (`%E0%A4`, `%zz`). */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
