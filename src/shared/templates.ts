import { z } from 'zod';
import { Article, ArticleId, LengthTarget, StoredDocumentSchema } from './article';
import { cleanText } from './text';

/**
 * Article templates: a new article starts from preset parts (placeholder text,
 * an interview's question headings, empty photo frames), a length target, a
 * section and tags. Everyone may use them; only a desk profile may change them.
 */

export const TemplateId = z.uuid({ message: 'template id must be a UUID' });

const Text = (max: number) => z.string().max(max).transform(cleanText);

/** The details a template presets on the new article. */
export const TemplatePreset = z.object({
  section: Text(100),
  tags: z.array(Text(100)).max(50),
  lengthTarget: LengthTarget,
});
export type TemplatePreset = z.infer<typeof TemplatePreset>;

export const ArticleTemplate = z.object({
  id: TemplateId,
  name: z.string().min(1).max(100),
  preset: TemplatePreset,
  /** The stored document a new article starts with. */
  document: z.custom<z.output<typeof StoredDocumentSchema>>(),
  updatedAt: z.string(),
});
export type ArticleTemplate = z.infer<typeof ArticleTemplate>;

const TemplateName = z
  .string()
  .transform((s) => cleanText(s).trim())
  .pipe(z.string().min(1, 'a template needs a name').max(100, 'a template name may be at most 100 characters'));

export const templateCalls = {
  /** Every template, in the desk's order. */
  listTemplates: { input: z.object({}).strict(), output: z.object({ items: z.array(ArticleTemplate) }) },

  /** A new draft from a template: its parts, length target, section and tags. */
  createFromTemplate: { input: z.object({ templateId: TemplateId }).strict(), output: Article },

  /**
   * Create (no `id`) or change a template; desk only. `documentFromArticle` takes
   * that article's headline, lead and body (not its byline) as the template's parts.
   */
  saveTemplate: {
    input: z
      .object({
        id: TemplateId.optional(),
        name: TemplateName,
        preset: TemplatePreset,
        documentFromArticle: ArticleId.optional(),
      })
      .strict(),
    output: ArticleTemplate,
  },

  /** Delete a template; desk only. Articles made from it are not touched. */
  deleteTemplate: { input: z.object({ id: TemplateId }).strict(), output: z.object({ id: TemplateId }) },
};
