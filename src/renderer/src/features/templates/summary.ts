import type { TFunction } from 'i18next';
import { documentFromStored } from '../../../../shared/document';
import type { ArticleTemplate } from '../../../../shared/templates';

/** "800–1200 chữ · Thời sự · phỏng vấn": what a template presets, in one line. */
export function presetLine(template: ArticleTemplate, t: TFunction): string {
  const { min, max } = template.preset.lengthTarget;
  const target = min !== undefined || max !== undefined ? t('templates.target', { min: min ?? 0, max: max ?? '…' }) : t('templates.noTarget');
  return [target, template.preset.section || t('templates.noSection'), ...template.preset.tags].join(' · ');
}

/** "Parts: 4 paragraphs, 3 subheadings": the structure a new article starts with. */
export function partsLine(template: ArticleTemplate, t: TFunction): string {
  const count = { paragraph: 0, heading: 0, figure: 0 };
  documentFromStored(template.document)
    .child(2)
    .forEach((block) => {
      const kind = block.type.name;
      if (kind === 'paragraph' || kind === 'heading' || kind === 'figure') count[kind]++;
    });
  const parts = [
    count.paragraph ? t('templates.partParagraphs', { count: count.paragraph }) : '',
    count.heading ? t('templates.partHeadings', { count: count.heading }) : '',
    count.figure ? t('templates.partPhotos', { count: count.figure }) : '',
  ].filter(Boolean);
  return t('templates.parts', { parts: parts.join(', ') });
}
