import i18next from 'i18next';
import { COMMAND_SHORTCUTS } from '../../../../shared/menu-commands';
import { reasonFor } from '../../api/error-text';
import type { Feature, FeatureContext } from '../index';
import { mountPrintLayout } from './print-layout';
import './print.css';

const failed = (context: FeatureContext, err: unknown) => {
  const t = i18next.t.bind(i18next);
  context.notify(t('print.failed', { reason: reasonFor(err, t) }));
};

/** The system's print dialog on the article alone; the layout leaves when printing ends. */
async function printArticle(context: FeatureContext): Promise<void> {
  const unmount = await mountPrintLayout(context, { numbered: true });
  window.addEventListener('afterprint', unmount, { once: true });
  window.print();
}

/** File → Print… (Ctrl+P): the article as the paper prints it, through the print stylesheet. */
export const printFeature: Feature = {
  id: 'print',
  menu: 'file',
  labelKey: 'print.menu',
  shortcut: COMMAND_SHORTCUTS.print,
  needsArticle: true,
  run: (context) => void printArticle(context).catch((err: unknown) => failed(context, err)),
};

/**
 * File → Export PDF…: in the desktop app, Chromium prints the same layout to a PDF
 * file the user names (webContents.printToPDF in the shell). A browser has no such
 * call: it opens the print dialog, whose destination "Save as PDF" does the same.
 */
async function exportPdf(context: FeatureContext): Promise<void> {
  const bridge = window.newsroom;
  if (!bridge) return printArticle(context);
  const t = i18next.t.bind(i18next);
  const unmount = await mountPrintLayout(context, { numbered: false });
  try {
    const article = await context.client.getArticle({ id: context.articleId! });
    const path = await bridge.exportPdf({ title: t('print.pdfTitle'), fileName: `${article.meta.slug}.pdf` });
    if (path) context.notify(t('print.pdfSaved', { path }));
  } finally {
    unmount();
  }
}

export const exportPdfFeature: Feature = {
  id: 'export-pdf',
  menu: 'file',
  labelKey: 'print.pdfMenu',
  needsArticle: true,
  run: (context) => void exportPdf(context).catch((err: unknown) => failed(context, err)),
};
