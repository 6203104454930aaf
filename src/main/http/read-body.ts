import type { IncomingMessage } from 'node:http';

/** Thrown by {@link readLimitedBody} when a request body passes its limit. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor() {
    super('too large');
  }
}

/**
 * A request body, read up to `limit` bytes. Past the limit nothing more is kept
 * (a huge upload is never buffered) and this rejects with
 * {@link BodyTooLargeError}; the request is left paused, not destroyed, so the
 * caller can still answer (see `refuseBody`).
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}
