import { reasonFor } from '../../api/error-text';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import type { ArticleSummary } from '../../../../shared/article';
import type { ExportJobStatus, ExportKind, PreflightIssue, PreflightResult, ProfileRecord } from '../../../../shared/export';
import type { FeatureViewProps } from '../index';
import { ProfileEditor } from './ProfileEditor';
import { ProofingOverride } from './ProofingOverride';
import './export.css';

type Scope = 'current' | 'approved' | 'selection';

const FOLDER_KEY = 'newsroom.export.folder';

/** "paragraph 3" → "đoạn 3": the preflight's location in the UI language. */
function whereLabel(where: string, t: TFunction): string {
  const m = /^(paragraph|figure) (\d+)$/.exec(where);
  if (m) return t(`exportView.where.${m[1]}`, { n: m[2] });
  return t(`exportView.where.${where}`, { defaultValue: where });
}

function issueText(issue: PreflightIssue, t: TFunction): string {
  return t(`exportView.issue.${issue.code}`, { ...issue.params, where: whereLabel(issue.where, t), defaultValue: issue.message });
}

function IssueList({ issues, kind, t }: { issues: PreflightIssue[]; kind: 'error' | 'warning'; t: TFunction }) {
  if (!issues.length) return null;
  return (
    <>
      <h4 className={`export-issues-title ${kind}`}>{t(kind === 'error' ? 'exportView.errors' : 'exportView.warnings', { count: issues.length })}</h4>
      <ul className={`export-issues ${kind}`}>
        {issues.map((issue, i) => (
          <li key={`${issue.code}-${issue.where}-${i}`}>
            {issueText(issue, t)}
            {issue.severity === 'warning' && issue.blocking && <strong> ({t('exportView.blockingWarning')})</strong>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Preflight of the open article, with the NFC fix when it applies. */
function PreflightPanel({ result, onFixNfc, t }: { result: PreflightResult; onFixNfc(): void; t: TFunction }) {
  const canFix = result.errors.some((e) => e.fix === 'nfc');
  return (
    <section className="export-section" aria-labelledby="export-preflight-title">
      <h3 id="export-preflight-title">{t('exportView.preflight')}</h3>
      <p className={result.exportable ? 'export-ok' : 'error'} role="status">
        {t(result.exportable ? 'exportView.preflightOk' : 'exportView.preflightBlocked')}
      </p>
      <IssueList issues={result.errors} kind="error" t={t} />
      <IssueList issues={result.warnings} kind="warning" t={t} />
      {canFix && (
        <button type="button" onClick={onFixNfc}>
          {t('exportView.fixNfc')}
        </button>
      )}
    </section>
  );
}

function useApproved(client: ApiClient, refresh: number) {
  const [approved, setApproved] = useState<ArticleSummary[]>([]);
  useEffect(() => {
    let live = true;
    client
      .listArticles({ status: 'approved', limit: 500, offset: 0 })
      .then((r) => live && setApproved(r.items))
      .catch(() => live && setApproved([]));
    return () => {
      live = false;
    };
  }, [client, refresh]);
  return approved;
}

/**
 * The Export view: choose what to export and where, see the preflight and the
 * real exported page (in a sandboxed frame with no scripts), then export with a
 * progress bar. Publishing is explicit and labelled as such.
 */
export function ExportView(props: FeatureViewProps) {
  const { client, articleId, notify, saveEdits } = props;
  const { t } = useTranslation();
  const [profiles, setProfiles] = useState<ProfileRecord[]>([]);
  const [profile, setProfile] = useState('default');
  // Until the desk picks a scope, it follows whether an article is open: the
  // view can mount a moment before the article it was opened for has loaded.
  const [chosenScope, setScope] = useState<Scope | null>(null);
  const scope: Scope = chosenScope ?? (articleId ? 'current' : 'approved');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [folder, setFolder] = useState(() => localStorage.getItem(FOLDER_KEY) ?? '');
  const chooseFolder = (path: string) => {
    setFolder(path);
    localStorage.setItem(FOLDER_KEY, path.trim());
  };
  // The desktop app has the system's folder chooser; in a browser the path is typed.
  const chooser = window.newsroom?.chooseFolder;
  const [zip, setZip] = useState(false);
  const [publish, setPublish] = useState(false);
  const [preflight, setPreflight] = useState<PreflightResult | null>(null);
  const [preview, setPreview] = useState<{ html: string; kind: ExportKind } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<ExportJobStatus | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState(false);
  const [proofingOverride, setProofingOverride] = useState('');
  useEffect(() => setProofingOverride(''), [articleId]);
  const approved = useApproved(client, refresh);
  const polling = useRef(true);

  useEffect(() => {
    client
      .listPublicationProfiles({})
      .then((r) => setProfiles(r.items))
      .catch((err: unknown) => setError(reasonFor(err, t)));
    return () => {
      polling.current = false;
    };
  }, [client]);

  useEffect(() => {
    if (!articleId) return;
    let live = true;
    setPreflight(null);
    setPreview(null);
    // Checked and shown as the store has it: what was typed a moment ago is stored first.
    saveEdits()
      .then(() => Promise.all([client.preflightArticle({ id: articleId, profile, ...(proofingOverride ? { proofingOverride } : {}) }), client.previewExport({ id: articleId, profile })]))
      .then(([pre, prev]) => {
        if (!live) return;
        setPreflight(pre);
        setPreview({ html: prev.html, kind: prev.kind });
      })
      .catch((err: unknown) => live && setError(reasonFor(err, t)));
    return () => {
      live = false;
    };
  }, [client, articleId, profile, refresh, saveEdits, proofingOverride]);

  const ids = useMemo(() => {
    if (scope === 'current') return articleId ? [articleId] : [];
    if (scope === 'selection') return [...selected];
    return approved.map((a) => a.id);
  }, [scope, articleId, selected, approved]);

  const running = job !== null && !job.finished;
  const blocked = scope === 'current' && preflight !== null && !preflight.exportable;
  const canExport = !running && folder.trim().length > 0 && ids.length > 0 && !blocked;

  const fixNfc = useCallback(() => {
    if (!articleId) return;
    client
      .fixArticleNfc({ id: articleId })
      .then(() => {
        notify(t('exportView.fixed'));
        setRefresh((n) => n + 1);
      })
      .catch((err: unknown) => setError(reasonFor(err, t)));
  }, [client, articleId, notify, t]);

  /** Publishing asks first, naming each article (headline, slug) and where its bundle goes. */
  const confirmPublishing = (): boolean => {
    const named = ids.map((id) => approved.find((a) => a.id === id)).filter((a): a is ArticleSummary => !!a);
    const what = named.map((a) => t('workflow.publishWhat', { headline: a.headline.trim() || t('workflow.untitled'), slug: a.slug }));
    return window.confirm([...what, t('workflow.publishWhere', { folder: folder.trim(), profile })].join('\n'));
  };

  const start = async () => {
    setError(null);
    if (publishing && !confirmPublishing()) return;
    try {
      if (!(await saveEdits())) return setError(t('exportView.unsaved'));
      const request = scope === 'approved' ? { status: 'approved' as const } : { ids };
      const { jobId } = await client.startExport({ ...request, outDir: folder.trim(), zip, profile, publish, ...(proofingOverride ? { proofingOverride } : {}) });
      for (;;) {
        const status = await client.exportJob({ jobId });
        if (!polling.current) return;
        setJob(status);
        if (status.finished) break;
        await new Promise((r) => setTimeout(r, 150));
      }
      setRefresh((n) => n + 1);
    } catch (err) {
      setError(reasonFor(err, t));
    }
  };

  const current = approved.find((a) => a.id === articleId);
  const publishing = publish && (scope !== 'current' || current !== undefined || preview?.kind === 'publish');
  const buttonLabel = scope === 'current' ? t(publishing ? 'exportView.exportPublish' : 'exportView.exportPreview') : t('exportView.exportBatch', { count: ids.length });
  const ok = job?.results.filter((r) => r.ok).length ?? 0;

  return (
    <div className="export-view">
      <h2>{t('exportView.title')}</h2>
      {error && (
        <p role="alert" className="error">
          {t('exportView.failed', { reason: error })}
        </p>
      )}
      <div className="export-columns">
        <div className="export-settings">
          <div className="field">
            <label htmlFor="export-profile">{t('exportView.profile')}</label>
            <select id="export-profile" value={profile} onChange={(e) => setProfile(e.target.value)}>
              {profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {t('exportView.profileVersion', { name: p.profile.siteName, version: p.version })}
                </option>
              ))}
            </select>
            <button type="button" className="link-button export-edit-profile" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              {t('exportView.profileEdit.open')}
            </button>
          </div>
          {editing && profiles.some((p) => p.name === profile) && (
            <ProfileEditor
              key={profile}
              client={client}
              record={profiles.find((p) => p.name === profile)!}
              onCancel={() => setEditing(false)}
              onSaved={(saved) => {
                setProfiles(profiles.map((p) => (p.name === saved.name ? saved : p)));
                setEditing(false);
                notify(t('exportView.profileEdit.saved', { version: saved.version }));
                setRefresh((n) => n + 1);
              }}
            />
          )}
          <fieldset className="field">
            <legend>{t('exportView.scope')}</legend>
            <label>
              <input type="radio" name="export-scope" checked={scope === 'current'} disabled={!articleId} onChange={() => setScope('current')} /> {t('exportView.scopeCurrent')}
            </label>
            <label>
              <input type="radio" name="export-scope" checked={scope === 'approved'} onChange={() => setScope('approved')} /> {t('exportView.scopeApproved', { count: approved.length })}
            </label>
            <label>
              <input type="radio" name="export-scope" checked={scope === 'selection'} onChange={() => setScope('selection')} /> {t('exportView.scopeSelection')}
            </label>
            {scope === 'selection' &&
              (approved.length ? (
                <ul className="export-choices">
                  {approved.map((a) => (
                    <li key={a.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={selected.has(a.id)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(a.id);
                            else next.delete(a.id);
                            setSelected(next);
                          }}
                        />{' '}
                        {a.headline || a.slug}
                      </label>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="export-hint">{t('exportView.noApproved')}</p>
              ))}
          </fieldset>
          <div className="field">
            <label htmlFor="export-folder">{t('exportView.folder')}</label>
            <div className="export-folder-row">
              <input id="export-folder" type="text" value={folder} spellCheck={false} aria-describedby="export-folder-hint" onChange={(e) => chooseFolder(e.target.value)} />
              {chooser && (
                <button
                  type="button"
                  onClick={() =>
                    void chooser({ title: t('exportView.chooseFolderTitle') })
                      .then((path) => path && chooseFolder(path))
                      .catch((err: unknown) => setError(reasonFor(err, t)))
                  }
                >
                  {t('exportView.chooseFolder')}
                </button>
              )}
            </div>
            <p id="export-folder-hint" className="export-hint">
              {t('exportView.folderHint')}
            </p>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} /> {t('exportView.zip')}
            </label>
            <label>
              <input type="checkbox" checked={publish} aria-describedby="export-publish-hint" onChange={(e) => setPublish(e.target.checked)} /> {t('exportView.publish')}
            </label>
            <p id="export-publish-hint" className="export-hint">
              {t('exportView.publishHint')}
            </p>
          </div>
          <button type="button" className={publishing ? 'primary export-publish' : 'primary'} disabled={!canExport} onClick={() => void start()}>
            {buttonLabel}
          </button>
          {job && (
            <div className="export-progress">
              <progress aria-label={t('exportView.progress')} max={Math.max(job.total, 1)} value={job.done} />
              <p role="status">{job.finished ? t('exportView.done', { ok, failed: job.results.length - ok }) : t('exportView.exporting', { done: job.done, total: job.total })}</p>
              {job.error && <p className="error">{job.refusedPath ? t('exportView.refusedForeign', { path: job.refusedPath }) : t('exportView.failed', { reason: job.error })}</p>}
              {job.indexPath && <p className="export-hint">{t('exportView.indexWritten', { path: job.indexPath })}</p>}
              <ul className="export-results">
                {job.results.map((r) => (
                  <li key={r.id} className={r.ok ? 'ok' : 'failed'}>
                    <strong>{r.ok ? t(r.kind === 'publish' ? 'exportView.resultPublished' : 'exportView.resultPreview') : t('exportView.resultFailed')}</strong>: {r.headline || r.slug || r.id}
                    {r.ok && <code> {r.path}</code>}
                    {!r.ok && r.blocking.length > 0 && <span> — {r.blocking.map((i) => issueText(i, t)).join(' ')}</span>}
                    {!r.ok && !r.blocking.length && r.refusedPath && <span> — {t('exportView.refusedForeign', { path: r.refusedPath })}</span>}
                    {!r.ok && !r.blocking.length && !r.refusedPath && r.message && <span> — {r.message}</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="export-article">
          {!articleId && <p className="export-hint">{t('exportView.noArticle')}</p>}
          {articleId && !preflight && <p>{t('exportView.loading')}</p>}
          {preflight && <PreflightPanel result={preflight} onFixNfc={fixNfc} t={t} />}
          {preflight && <ProofingOverride result={preflight} override={proofingOverride} onOverride={setProofingOverride} />}
          {preview && (
            <section className="export-section" aria-labelledby="export-preview-title">
              <h3 id="export-preview-title">
                {t('exportView.preview')}: <span className={preview.kind === 'publish' ? 'export-kind publish' : 'export-kind'}>{t(preview.kind === 'publish' ? 'exportView.previewKindPublish' : 'exportView.previewKindPreview')}</span>
              </h3>
              <iframe className="export-frame" title={t('exportView.previewFrame')} sandbox="" srcDoc={preview.html} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
