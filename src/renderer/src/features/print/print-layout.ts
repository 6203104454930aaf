import { printableArticleHtml } from '../../../../shared/print-article';
import { mediaUrl } from '../../editor/figure/media-url';
import type { FeatureContext } from '../index';

/** The house defaults when no publication profile answers (the first customer's). */
const FALLBACK = { agencyTag: 'BLC', timeZone: 'Asia/Ho_Chi_Minh' };

/**
 * Put the open article, laid out as the paper prints it, into the page for the
 * print stylesheet (`print.css`): while it is there, printing shows only it and
 * none of the app. The text is the editor's own, unsaved edits included. Resolves
 * once its photos are loaded; call the returned function to take it away.
 *
 * `numbered`: the page draws its own page numbers (the browser's print); the
 * desktop PDF export leaves them to Chromium's footer.
 */
export async function mountPrintLayout(context: Pick<FeatureContext, 'client' | 'articleId' | 'editor'>, options: { numbered: boolean }): Promise<() => void> {
  const { client, articleId, editor } = context;
  if (!articleId || !editor) throw new Error('no article is open');
  const [article, profiles] = await Promise.all([client.getArticle({ id: articleId }), client.listPublicationProfiles({}).catch(() => null)]);
  const profile = profiles?.items.find((p) => p.name === 'default')?.profile ?? FALLBACK;
  const html = printableArticleHtml(editor.getState().doc, article.meta, {
    agencyTag: profile.agencyTag,
    timeZone: profile.timeZone,
    photoSrc: (id) => mediaUrl(id, 'preview'),
  });
  document.querySelector('.print-root')?.remove();
  // DOMParser runs no script and loads nothing until the nodes are adopted; the HTML is escaped by the serialiser.
  const parsed = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;
  const root = document.createElement('div');
  root.className = options.numbered ? 'print-root numbered' : 'print-root';
  root.append(document.adoptNode(parsed));
  document.body.append(root);
  document.body.classList.add('printing');
  await Promise.all(Array.from(root.querySelectorAll('img'), (img) => img.decode().catch(() => undefined)));
  return () => {
    root.remove();
    document.body.classList.remove('printing');
  };
}
