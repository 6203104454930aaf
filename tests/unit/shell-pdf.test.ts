import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp';

// The Electron binary never runs in unit tests: the shell is tested against a stand-in.
const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
const shown: { owner: unknown; options: { title: string; defaultPath: string; filters: { extensions: string[] }[] } }[] = [];
let answer: { canceled: boolean; filePath?: string } = { canceled: true };

vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/toasoan/${name}` },
  BrowserWindow: { fromWebContents: (contents: unknown) => (contents ? { window: 'main' } : null) },
  dialog: {
    showSaveDialog: (...args: unknown[]) => {
      const [owner, options] = args.length === 2 ? args : [null, args[0]];
      shown.push({ owner, options: options as (typeof shown)[number]['options'] });
      return Promise.resolve(answer);
    },
  },
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => handlers.set(channel, fn) },
}));

const { registerPdfExport } = await import('../../src/main/shell/pdf');
const { EXPORT_PDF_CHANNEL } = await import('../../src/shared/bridge');

/** A window's contents that print a known PDF and remember the options they were given. */
function contents() {
  const printed: Record<string, unknown>[] = [];
  return {
    printed,
    printToPDF: (options: Record<string, unknown>) => {
      printed.push(options);
      return Promise.resolve(Buffer.from('%PDF-1.7 bài in thử'));
    },
  };
}

beforeEach(() => {
  handlers.clear();
  shown.length = 0;
  registerPdfExport();
});

describe('Export PDF in the desktop app', () => {
  it('asks where to save, prints the page to A4 with page numbers and writes exactly those bytes there', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const target = join(dir, 'bài.pdf');
      answer = { canceled: false, filePath: target };
      const sender = contents();
      const saved = await handlers.get(EXPORT_PDF_CHANNEL)!({ senderFrame: { url: 'newsroom://app/index.html' }, sender }, { title: 'Xuất PDF', fileName: '../tung-buoc/dap-ung.pdf' });
      expect(saved).toBe(target);
      expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 bài in thử');
      expect(shown).toEqual([{ owner: { window: 'main' }, options: { title: 'Xuất PDF', defaultPath: '/home/toasoan/documents/dap-ung.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] } }]);
      expect(sender.printed).toHaveLength(1);
      expect(sender.printed[0]).toMatchObject({ pageSize: 'A4', displayHeaderFooter: true });
      expect(sender.printed[0]!.footerTemplate).toContain('class="pageNumber"');
    } finally {
      cleanup();
    }
  });

  it('writes nothing and prints nothing when the dialog is cancelled', async () => {
    answer = { canceled: true };
    const sender = contents();
    expect(await handlers.get(EXPORT_PDF_CHANNEL)!({ senderFrame: { url: 'newsroom://app/index.html' }, sender }, { title: 't', fileName: 'a.pdf' })).toBeNull();
    expect(sender.printed).toEqual([]);
  });

  it('refuses frames that are not the app, without showing a dialog', async () => {
    const { dir, cleanup } = tempDir();
    try {
      answer = { canceled: false, filePath: join(dir, 'x.pdf') };
      const sender = contents();
      for (const url of ['https://evil.example/', 'file:///tmp/x.html', '']) {
        expect(await handlers.get(EXPORT_PDF_CHANNEL)!({ senderFrame: { url }, sender }, { title: 't', fileName: 'x.pdf' })).toBeNull();
      }
      expect(shown).toEqual([]);
      expect(sender.printed).toEqual([]);
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
