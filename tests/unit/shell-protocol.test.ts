import { describe, expect, it, vi } from 'vitest';

// The Electron binary never runs in unit tests: the shell is tested against a stand-in.
const handlers = new Map<string, (request: Request) => Promise<Response>>();
const fetched: string[] = [];
vi.mock('electron', () => ({
  protocol: { handle: (scheme: string, fn: (request: Request) => Promise<Response>) => handlers.set(scheme, fn) },
  net: { fetch: (url: string) => (fetched.push(url), Promise.resolve(new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }))) },
}));

const { serveRenderer } = await import('../../src/main/shell/protocol');

describe('the app scheme', () => {
  it('answers a malformed % escape with a 400 sentence and reads no file', async () => {
    serveRenderer('/opt/newsroom/renderer');
    const handle = handlers.get('newsroom')!;
    for (const path of ['/%E0%A4%A.js', '/assets/%zz.css']) {
      const response = await handle(new Request(`newsroom://app${path}`));
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toBe('The address holds a malformed % escape.');
    }
    expect(fetched).toEqual([]);
    const ok = await handle(new Request('newsroom://app/index.html'));
    expect(ok.status).toBe(200);
    expect(fetched).toEqual(['file:///opt/newsroom/renderer/index.html']);
  });
});
