import type { IncomingMessage } from 'node:http';

/** Thrown by {@link readLimitedBody} when a request body passes its limit. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor() {
    super('too large');
  }
}

/**
 * A request body, read up to `limit` bytes. Past the limit the request is cut
 * off at once (a huge upload is never buffered) and this rejects with
 * {@link BodyTooLargeError}.
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}
