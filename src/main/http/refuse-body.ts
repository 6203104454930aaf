import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a refused body may keep arriving after the answer before the connection is cut. */
const DRAIN_LIMIT_MS = 2000;

/**
 * Answer a request whose body is refused unread (too large) so the client
 * actually reads the answer. Closing a socket while the client is still sending
 * makes the kernel reset the connection, and a reset can discard the answer
 * before the client reads it; so the rest of the body is read and discarded
 * after the answer, and the connection is cut only if it keeps coming for
 * {@link DRAIN_LIMIT_MS}.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
  if (req.readableEnded) return;
  const cut = setTimeout(() => req.socket.destroy(), DRAIN_LIMIT_MS);
  cut.unref();
  req.once('end', () => clearTimeout(cut));
  req.once('close', () => clearTimeout(cut));
  req.resume();
}
