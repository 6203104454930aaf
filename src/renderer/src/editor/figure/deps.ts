import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import type { EditorContext } from '../context';
import { MediaInfoCache } from './media-info';

/** What the figure modules need from the app, shared by the plugin and the node views of one editor. */
export interface FigureDeps {
  client: ApiClient;
  articleId: string;
  t: TFunction;
  media: MediaInfoCache;
}

const byContext = new WeakMap<EditorContext, FigureDeps>();

/** One set of dependencies per editor context, so plugin and node views share the media cache. */
export function figureDeps(context: EditorContext): FigureDeps {
  let deps = byContext.get(context);
  if (!deps) {
    deps = { client: context.client, articleId: context.articleId, t: context.t, media: new MediaInfoCache(context.client) };
    byContext.set(context, deps);
  }
  return deps;
}
