import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { EXPORT_PDF_CHANNEL } from '../../shared/bridge';
import { isAppUrl } from './app-url';

/** Longest dialog title or file name taken from the page. */
const MAX_TEXT = 200;

/** Page numbers at the foot of every page ("3 / 5"), in the print layout's sans face. */
const FOOTER = '<div style="width:100%;font:9px sans-serif;text-align:center;color:#444"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

function textOf(input: unknown, key: 'title' | 'fileName'): string {
  const raw = (input as Record<string, unknown> | null)?.[key];
  return typeof raw === 'string' ? raw.slice(0, MAX_TEXT) : '';
}

/** A plain `name.pdf` from what the page suggests: no folders, no odd characters. */
function pdfName(suggested: string): string {
  const stem = basename(suggested.replace(/\\/g, '/')).replace(/\.pdf$/i, '').replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/^[.\s-]+/, '');
  return `${stem || 'bai-viet'}.pdf`;
}

/**
 * File → Export PDF in the desktop app: the system's save dialog, then the page's
 * print layout (its `@media print` stylesheet) printed by Chromium to A4 with page
 * numbers, written where the user chose. Only the app's own frames may ask.
 */
export function registerPdfExport(): void {
  ipcMain.handle(EXPORT_PDF_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<string | null> => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return null;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: textOf(input, 'title'),
      defaultPath: join(app.getPath('documents'), pdfName(textOf(input, 'fileName'))),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    const pdf = await event.sender.printToPDF({
      pageSize: 'A4',
      printBackground: false,
      margins: { top: 0.6, bottom: 0.7, left: 0.7, right: 0.7 },
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
    });
    await writeFile(choice.filePath, pdf);
    return choice.filePath;
  });
}
