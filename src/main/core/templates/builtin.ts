import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DOCUMENT_VERSION, type NodeJSON } from '../../../shared/document';
import type { TemplatePreset } from '../../../shared/templates';

/**
 * The four templates every new database starts with. Their parts are structure,
 * not words that could slip into print: empty parts show the editor's own labels,
 * an interview has its `PV:` question headings, a photo story its empty photo frames.
 */

const text = (s: string): NodeJSON[] => (s ? [{ type: 'text', text: s }] : []);
const paragraph = (s = ''): NodeJSON => ({ type: 'paragraph', content: text(s) });
const question = (): NodeJSON => ({ type: 'heading', attrs: { level: 3 }, content: text('PV:') });
const photoFrame = (): NodeJSON => ({
  type: 'figure',
  attrs: { mediaId: null, alt: '' },
  content: [{ type: 'caption' }, { type: 'credit' }],
});

function documentWith(body: NodeJSON[]): string {
  return JSON.stringify({
    version: DOCUMENT_VERSION,
    doc: {
      type: 'doc',
      content: [{ type: 'headline' }, { type: 'lead' }, { type: 'body', content: body }, { type: 'byline', content: [{ type: 'author' }] }],
    },
  });
}

export const BUILTIN_TEMPLATES: { name: string; preset: TemplatePreset; body: NodeJSON[] }[] = [
  {
    name: 'Tin tức',
    preset: { section: 'Thời sự', tags: [], lengthTarget: { min: 400, max: 600, headlineMax: 20, leadMax: 60, captionMax: 40 } },
    body: [paragraph()],
  },
  {
    name: 'Phỏng vấn',
    preset: { section: 'Thời sự', tags: ['phỏng vấn'], lengthTarget: { min: 800, max: 1200, headlineMax: 20, leadMax: 80, captionMax: 40 } },
    body: [paragraph(), question(), paragraph(), question(), paragraph(), question(), paragraph()],
  },
  {
    name: 'Phóng sự ảnh',
    preset: { section: 'Phóng sự ảnh', tags: ['ảnh'], lengthTarget: { min: 150, max: 400, headlineMax: 20, leadMax: 60, captionMax: 60 } },
    body: [photoFrame(), photoFrame(), photoFrame(), paragraph()],
  },
  {
    name: 'Tin ngắn',
    preset: { section: 'Tin tức', tags: [], lengthTarget: { min: 80, max: 200, headlineMax: 15, leadMax: 40, captionMax: 30 } },
    body: [paragraph()],
  },
];

/** Put the built-in templates into a new database (migration 0009). */
export function insertBuiltinTemplates(db: Database, now: string): void {
  const insert = db.prepare('INSERT INTO article_templates (id, name, document, meta, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  BUILTIN_TEMPLATES.forEach((t, position) => insert.run(randomUUID(), t.name, documentWith(t.body), JSON.stringify(t.preset), position, now, now));
}
