import i18next from 'i18next';
import type { Feature } from '../index';
import { reasonFor } from '../../api/error-text';
import { insertPhotosFromPicker } from '../../editor/figure/index';

/** Insert → "Insert photo…": the file chooser (native dialog in Electron), then figures after the caret's block. */
export const insertPhotoFeature: Feature = {
  id: 'insert-photo',
  menu: 'insert',
  labelKey: 'figure.insert',
  needsArticle: true,
  run: ({ editor, client, articleId, notify }) => {
    const view = editor?.editorView;
    if (!view || !articleId) return;
    insertPhotosFromPicker(view, { client, articleId, t: i18next.t.bind(i18next) }).catch((err: unknown) => notify(reasonFor(err, i18next.t.bind(i18next))));
  },
};
