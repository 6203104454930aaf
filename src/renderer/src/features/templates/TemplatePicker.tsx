import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleTemplate } from '../../../../shared/templates';
import { reasonFor } from '../../api/error-text';
import type { FeatureViewProps } from '../index';
import { partsLine, presetLine } from './summary';
import './templates.css';

/** File → New from template…: one card per template; choosing one creates the article and opens it. */
export function TemplatePicker({ client, openArticle, notify }: FeatureViewProps) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<ArticleTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.listTemplates({}).then(
      (r) => setTemplates(r.items),
      (err: unknown) => setError(reasonFor(err, t)),
    );
  }, [client, t]);

  const use = async (template: ArticleTemplate) => {
    setBusy(true);
    try {
      const article = await client.createFromTemplate({ templateId: template.id });
      openArticle(article.meta.id);
      notify(t('templates.created', { name: template.name }));
    } catch (err) {
      setError(reasonFor(err, t));
      setBusy(false);
    }
  };

  return (
    <div className="templates-view template-picker">
      <h1>{t('templates.pickerTitle')}</h1>
      <p>{t('templates.pickerIntro')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {templates && templates.length === 0 && <p>{t('templates.none')}</p>}
      <ul className="template-cards">
        {templates?.map((template) => (
          <li key={template.id}>
            <button type="button" className="template-card" disabled={busy} onClick={() => void use(template)}>
              <span className="template-name">{template.name}</span>
              <span className="template-preset">{presetLine(template, t)}</span>
              <span className="template-parts">{partsLine(template, t)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
