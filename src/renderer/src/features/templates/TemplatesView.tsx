import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../shared/api';
import type { ArticleTemplate, TemplatePreset } from '../../../../shared/templates';
import { reasonFor } from '../../api/error-text';
import type { FeatureViewProps } from '../index';
import { partsLine, presetLine } from './summary';
import './templates.css';

interface Draft {
  name: string;
  section: string;
  tags: string;
  min: string;
  max: string;
  takeParts: boolean;
}

const draftOf = (template: ArticleTemplate): Draft => ({
  name: template.name,
  section: template.preset.section,
  tags: template.preset.tags.join(', '),
  min: template.preset.lengthTarget.min?.toString() ?? '',
  max: template.preset.lengthTarget.max?.toString() ?? '',
  takeParts: false,
});

/** The form's preset: the template's per-part limits are kept, the article range comes from the form. */
function presetOf(draft: Draft, before: TemplatePreset): TemplatePreset {
  const number = (s: string) => (s.trim() ? Number(s) : undefined);
  return {
    section: draft.section,
    tags: draft.tags.split(',').map((s) => s.trim()).filter(Boolean),
    lengthTarget: { ...before.lengthTarget, min: number(draft.min), max: number(draft.max) },
  };
}

/** Tools → Templates…: the desk renames templates, sets their presets, takes their parts from an article, adds and deletes them. */
export function TemplatesView({ client, articleId, saveEdits, notify }: FeatureViewProps) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<ArticleTemplate[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [isDesk, setIsDesk] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const describe = useCallback((err: unknown) => (err instanceof ApiError && err.code === 'forbidden' ? t('templates.deskOnly') : reasonFor(err, t)), [t]);

  const load = useCallback(
    async (select?: string) => {
      const { items } = await client.listTemplates({});
      setTemplates(items);
      const chosen = items.find((x) => x.id === select) ?? items[0] ?? null;
      setSelectedId(chosen?.id ?? null);
      setDraft(chosen ? draftOf(chosen) : null);
    },
    [client],
  );

  useEffect(() => {
    load().catch((err: unknown) => setError(describe(err)));
    client.getLocalProfile({}).then(
      (me) => setIsDesk(me?.role === 'desk'),
      () => setIsDesk(false),
    );
  }, [client, load, describe]);

  const selected = templates.find((x) => x.id === selectedId) ?? null;

  const save = async () => {
    if (!selected || !draft) return;
    setError(null);
    try {
      if (draft.takeParts && !(await saveEdits())) return setError(t('exportView.unsaved'));
      const saved = await client.saveTemplate({
        id: selected.id,
        name: draft.name,
        preset: presetOf(draft, selected.preset),
        ...(draft.takeParts && articleId ? { documentFromArticle: articleId } : {}),
      });
      await load(saved.id);
      notify(t('templates.saved', { name: saved.name }));
    } catch (err) {
      setError(describe(err));
    }
  };

  const add = async () => {
    setError(null);
    try {
      const created = await client.saveTemplate({ name: t('templates.newName'), preset: { section: '', tags: [], lengthTarget: {} } });
      await load(created.id);
    } catch (err) {
      setError(describe(err));
    }
  };

  const remove = async () => {
    if (!selected || !window.confirm(t('templates.confirmDelete', { name: selected.name }))) return;
    setError(null);
    try {
      await client.deleteTemplate({ id: selected.id });
      await load();
      notify(t('templates.deleted', { name: selected.name }));
    } catch (err) {
      setError(describe(err));
    }
  };

  const field = (key: 'name' | 'section' | 'tags' | 'min' | 'max', type: 'text' | 'number' = 'text') => (
    <div className="field">
      <label htmlFor={`template-${key}`}>{t(`templates.${key}`)}</label>
      <input
        id={`template-${key}`}
        type={type}
        min={type === 'number' ? 0 : undefined}
        value={draft?.[key] ?? ''}
        disabled={!isDesk}
        onChange={(e) => setDraft((d) => d && { ...d, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <div className="templates-view templates-manage">
      <h1>{t('templates.manageTitle')}</h1>
      <p>{t('templates.manageIntro')}</p>
      {!isDesk && <p className="templates-desk-only">{t('templates.deskOnly')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="templates-layout">
        <div>
          <ul className="templates-names" aria-label={t('templates.manageTitle')}>
            {templates.map((x) => (
              <li key={x.id}>
                <button
                  type="button"
                  aria-current={x.id === selectedId ? 'true' : undefined}
                  onClick={() => {
                    setSelectedId(x.id);
                    setDraft(draftOf(x));
                  }}
                >
                  {x.name}
                </button>
              </li>
            ))}
          </ul>
          {isDesk && (
            <button type="button" onClick={() => void add()}>
              + {t('templates.add')}
            </button>
          )}
        </div>
        {selected && draft && (
          <form
            className="template-form"
            aria-label={selected.name}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <p className="template-preset">{presetLine(selected, t)}</p>
            <p className="template-parts">{partsLine(selected, t)}</p>
            {field('name')}
            {field('section')}
            {field('tags')}
            <div className="template-range">
              {field('min', 'number')}
              {field('max', 'number')}
            </div>
            <label className="template-take">
              <input type="checkbox" checked={draft.takeParts} disabled={!isDesk || !articleId} onChange={(e) => setDraft({ ...draft, takeParts: e.target.checked })} />
              {t('templates.takeParts')}
            </label>
            <p className="template-hint">{articleId ? t('templates.takePartsHint') : t('templates.noOpenArticle')}</p>
            {isDesk && (
              <div className="template-actions">
                <button type="submit" className="primary">
                  {t('templates.save')}
                </button>
                <button type="button" onClick={() => void remove()}>
                  {t('templates.delete')}
                </button>
              </div>
            )}
          </form>
        )}
      </div>
    </div>
  );
}
