import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_MEDIA_BYTES } from '../../shared/media';
import { answerMediaRead } from '../../shared/media-response';
import type { Core } from '../core/core';
import { BodyTooLargeError, readLimitedBody } from './read-body';
import { refuseBody } from './refuse-body';

/**
 * The browser host's media routes. The host has already checked Host and Origin;
 * both routes also need the access token (cookie or header). They are the byte-carrying
 * calls `importMedia` and `readMedia`, sent through the core's dispatch like every
 * /api/ call, so validation and typed errors are the same as in the app.
 *
 *     POST /upload?name=<file name>   raw image bytes → ApiResult<ImportedMedia>
 *     GET  /media/<variant>/<id>      preview or original; anything else → 404
 *
 * Upload requires `Content-Type: application/octet-stream` or `image/*`: an HTML form
 * on another site cannot send those, which keeps cross-site uploads out even without
 * the SameSite cookie.
 */
export async function handleMediaRoute(core: Core, req: IncomingMessage, res: ServerResponse, url: URL, authorised: boolean): Promise<boolean> {
  if (url.pathname === '/upload') {
    await handleUpload(core, req, res, url, authorised);
    return true;
  }
  if (url.pathname.startsWith('/media/')) {
    await handleRead(core, req, res, url, authorised);
    return true;
  }
  return false;
}

async function handleUpload(core: Core, req: IncomingMessage, res: ServerResponse, url: URL, authorised: boolean): Promise<void> {
  const fail = (status: number, code: string, message: string) => sendJson(res, status, { ok: false, error: { code, message } });
  if (!authorised) return fail(401, 'unauthenticated', 'Missing or wrong access token.');
  if (req.method !== 'POST') return fail(405, 'invalid_input', 'Use POST.');
  const type = req.headers['content-type'] ?? '';
  if (!/^(application\/octet-stream|image\/[\w.+-]+)\s*(;|$)/i.test(type)) {
    return fail(415, 'invalid_input', 'Send the photo as the raw request body (application/octet-stream or image/*).');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = { ok: false, error: { code: 'invalid_input', message: `The file is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB.` } };
  if (declared > MAX_MEDIA_BYTES) return refuseBody(req, res, 413, tooLarge);
  let body: Buffer;
  try {
    body = await readLimitedBody(req, MAX_MEDIA_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return refuseBody(req, res, 413, tooLarge);
    return fail(400, 'invalid_input', 'The upload was interrupted.');
  }
  return sendJson(res, 200, await core.call('importMedia', { fileName: url.searchParams.get('name') ?? '', data: body }));
}

async function handleRead(core: Core, req: IncomingMessage, res: ServerResponse, url: URL, authorised: boolean): Promise<void> {
  const notFound = () => send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  if (!authorised) return send(res, 401, 'text/plain; charset=utf-8', 'Missing or wrong access token.');
  // Exactly /media/<variant>/<64 hex>: no decoding, so "..", "%2e%2e" and NULs never reach the disk.
  const match = /^\/media\/([a-z]{1,16})\/([0-9a-f]{64})$/.exec(url.pathname);
  if (!match) return notFound();
  const answer = await answerMediaRead((name, input) => core.call(name, input), match[1]!, match[2]!);
  res.writeHead(answer.status, answer.headers);
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
