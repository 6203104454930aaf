import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/api';
import { reasonFor } from '../../api/error-text';
import type { FeatureViewProps } from '../index';

/** The folder last used, so the next export goes to the same place. */
const FOLDER_KEY = 'newsroom.wordExport.folder';

/** File → Export Word…: the open article as `<slug>.docx` in a folder (chosen, or typed in a browser). */
export function WordExportView({ client, articleId, saveEdits }: FeatureViewProps) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(() => localStorage.getItem(FOLDER_KEY) ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const chooser = window.newsroom?.chooseFolder;

  const choose = (path: string) => {
    setFolder(path);
    localStorage.setItem(FOLDER_KEY, path.trim());
  };

  const exportWord = async () => {
    if (!articleId) return;
    setBusy(true);
    setResult(null);
    try {
      if (!(await saveEdits())) {
        setResult({ ok: false, text: t('wordExport.unsaved') });
        return;
      }
      const { path } = await client.exportWord({ id: articleId, outDir: folder.trim() });
      setResult({ ok: true, text: t('wordExport.done', { path }) });
    } catch (err) {
      setResult({ ok: false, text: err instanceof ApiError && err.code === 'conflict' ? t('wordExport.refused') : reasonFor(err, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="word-export-view">
      <h1>{t('wordExport.title')}</h1>
      <p>{t('wordExport.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void exportWord();
        }}
      >
        <div className="field">
          <label htmlFor="word-export-folder">{t('wordExport.folder')}</label>
          <div className="export-folder-row">
            <input id="word-export-folder" type="text" value={folder} spellCheck={false} aria-describedby="word-export-hint" onChange={(e) => choose(e.target.value)} />
            {chooser && (
              <button type="button" onClick={() => void chooser({ title: t('wordExport.chooseFolderTitle') }).then((path) => path && choose(path))}>
                {t('wordExport.chooseFolder')}
              </button>
            )}
          </div>
          <p id="word-export-hint" className="export-hint">
            {t('wordExport.folderHint')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy || !folder.trim()}>
          {busy ? t('wordExport.exporting') : t('wordExport.export')}
        </button>
      </form>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'word-export-done' : 'error'}>
          {result.text}
        </p>
      )}
    </div>
  );
}
