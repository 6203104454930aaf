import { reasonFor } from '../../api/error-text';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFields, ImportReport } from '../../../../shared/import-report';
import type { FeatureViewProps } from '../index';
import { groupPicked, MAX_UPLOAD_BYTES, pickedFromDrop, pickedFromInput, toUploads, type PickedFile } from './files';
import { onQueuedFiles, takeQueuedFiles } from './queue';
import { ImportProofingCount } from '../proofing/ImportProofingCount';
import { ReviewCard, fieldsFromReport, type EditableFields } from './ReviewCard';
import './import.css';

/** One file or story folder on the review screen. */
export interface ReviewItem {
  key: string;
  name: string;
  importId: string | null;
  report: ImportReport | null;
  /** The core's report for the caption candidates put back in the body (its counts), once asked. */
  revised?: ImportReport;
  error: string | null;
  fields: EditableFields;
  include: boolean;
  created?: { articleId: string; revisionName: string; headline: string };
  createError?: string;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** The editable fields as the commit call takes them. */
function toFields(f: EditableFields, report: ImportReport): ImportFields {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(report.publishedAt ?? '')?.[1] ?? '+07:00';
  return {
    headline: f.headline,
    lead: f.lead,
    agencyTag: f.agencyTag.trim(),
    publishedAt: f.publishedAt ? `${f.publishedAt}:00${offset}` : null,
    byline: f.byline.split(',').map((n) => n.trim()).filter(Boolean),
    captions: f.captions,
    bodyText: f.bodyText,
  };
}

/**
 * File → Import…: read text, Word and web-page files (or story folders), show what
 * was recognised, let the user correct it, then create the drafts.
 */
export function ImportView({ client, openArticle, notify }: FeatureViewProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [creating, setCreating] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const busy = progress !== null || creating !== null;
  const nextKey = useRef(0);

  const read = useCallback(
    async (picked: PickedFile[]) => {
      const groups = groupPicked(picked);
      if (!groups.length) return;
      setStatus('');
      const added: ReviewItem[] = [];
      for (let i = 0; i < groups.length; i++) {
        const group = groups[i]!;
        setProgress({ done: i, total: groups.length, name: group.name });
        const base = { key: `item-${nextKey.current++}`, name: group.name, include: false, fields: fieldsFromReport(null) };
        const prepared = await toUploads(group).catch((err: unknown) => ({ failed: reasonFor(err, t) }));
        if ('tooLarge' in prepared) {
          added.push({ ...base, importId: null, report: null, error: t('importReview.tooLarge', { name: prepared.tooLarge.name, size: megabytes(prepared.tooLarge.size), limit: megabytes(MAX_UPLOAD_BYTES) }) });
          continue;
        }
        if ('failed' in prepared) {
          added.push({ ...base, importId: null, report: null, error: t('importReview.unreadable', { name: group.name, reason: prepared.failed }) });
          continue;
        }
        try {
          const { items: previews } = await client.previewImport({ files: prepared.uploads });
          for (const p of previews) {
            added.push({ ...base, key: `item-${nextKey.current++}`, name: p.name, importId: p.importId, report: p.report, error: p.error, include: !!p.importId, fields: fieldsFromReport(p.report) });
          }
        } catch (err) {
          added.push({ ...base, importId: null, report: null, error: t('importReview.unreadable', { name: group.name, reason: reasonFor(err, t) }) });
        }
      }
      setProgress(null);
      setItems((current) => [...current, ...added]);
      setStatus(t('importReview.readDone', { count: added.length }));
    },
    [client, t],
  );

  // Files dropped on the article list arrive through the queue.
  useEffect(() => {
    const take = () => {
      const files = takeQueuedFiles();
      if (files.length) void read(files);
    };
    take();
    return onQueuedFiles(take);
  }, [read]);

  const update = (key: string, change: Partial<ReviewItem>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)));

  /**
   * Keep the corrections; when caption candidates go back to the body, ask the core
   * again what the article now holds, so the card's counts are the commit's.
   */
  const change = (item: ReviewItem, fields: EditableFields) => {
    update(item.key, { fields });
    const { bodyText } = fields;
    if (!item.importId || bodyText === item.fields.bodyText) return;
    void client.reviseImport({ importId: item.importId, fields: { bodyText } }).then(
      (revised) => setItems((list) => list.map((it) => (it.key === item.key && it.fields.bodyText === bodyText ? { ...it, revised } : it))),
      () => undefined,
    );
  };

  const discard = (item: ReviewItem) => {
    if (item.importId) void client.discardImport({ importId: item.importId }).catch(() => undefined);
    setItems((list) => list.filter((it) => it.key !== item.key));
  };

  const toCreate = items.filter((it) => it.include && it.importId && it.report && !it.created);
  const create = async () => {
    const batch = toCreate;
    let made = 0;
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i]!;
      setCreating({ done: i, total: batch.length });
      try {
        const result = await client.commitImport({ importId: item.importId!, fields: toFields(item.fields, item.report!) });
        made++;
        update(item.key, { created: { articleId: result.articleId, revisionName: result.revisionName, headline: result.report.headline }, createError: undefined });
      } catch (err) {
        update(item.key, { createError: reasonFor(err, t) });
      }
    }
    setCreating(null);
    // The list refreshes by itself after commitImport (app/list-invalidation.ts).
    if (made) {
      notify(t('importReview.doneNotice', { count: made }));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    void pickedFromDrop(e.dataTransfer).then(read);
  };

  return (
    <div className="import-view">
      <h2>{t('importReview.title')}</h2>
      <div
        className="import-drop"
        role="group"
        aria-label={t('importReview.dropZone')}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDrop={onDrop}
      >
        <p>{t('importReview.intro')}</p>
        <div className="import-pick">
          <button type="button" className="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
            {t('importReview.chooseFiles')}
          </button>
          <button type="button" disabled={busy} onClick={() => folderInput.current?.click()}>
            {t('importReview.chooseFolder')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            data-testid="import-files"
            accept=".txt,.text,.docx,.html,.htm,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => {
              void read(pickedFromInput(e.target.files));
              e.target.value = '';
            }}
          />
          <input
            ref={folderInput}
            type="file"
            hidden
            data-testid="import-folder"
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              void read(pickedFromInput(e.target.files));
              e.target.value = '';
            }}
          />
        </div>
        <p className="import-hint">{t('importReview.dropHere')}</p>
      </div>

      <div role="status" aria-live="polite" className="import-status">
        {progress ? (
          <>
            <span>{t('importReview.reading', { done: progress.done + 1, total: progress.total, name: progress.name })}</span>
            <progress aria-label={t('importReview.readingProgress')} max={progress.total} value={progress.done} />
          </>
        ) : creating ? (
          <span>{t('importReview.creating', { done: creating.done + 1, total: creating.total })}</span>
        ) : (
          status
        )}
      </div>

      {items.map((item) => (
        <ReviewCard
          key={item.key}
          item={item}
          disabled={busy}
          onChange={(fields) => change(item, fields)}
          onInclude={(include) => update(item.key, { include })}
          onDiscard={() => discard(item)}
          onOpen={(id) => openArticle(id)}
          proofing={<ImportProofingCount client={client} importId={item.importId} name={item.name} />}
        />
      ))}

      {items.some((it) => it.importId && !it.created) && (
        <div className="import-actions">
          <button type="button" className="primary" disabled={busy || !toCreate.length} onClick={() => void create()}>
            {t('importReview.create', { count: toCreate.length })}
          </button>
        </div>
      )}
    </div>
  );
}
