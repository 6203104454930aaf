import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { safeHref } from './links';

/**
 * The whole article as one ProseMirror document:
 *
 *     doc     = headline lead body byline
 *     body    = (paragraph | heading | blockquote | bullet_list | ordered_list | horizontal_rule | figure)+
 *     figure  = caption credit     (attrs: mediaId, alt)
 *     byline  = author+
 *
 * Headline, credit and author names are plain text; lead, paragraphs, headings and
 * captions carry marks. Parts are `isolating` so editing never merges one into another.
 */

/** The few DOM members parse rules read; `shared` compiles without the DOM library. */
interface ElementLike {
  getAttribute(name: string): string | null;
  style: { fontWeight: string };
}

const part = (tag: string, cls: string, spec: Partial<NodeSpec>): NodeSpec => ({
  defining: true,
  isolating: true,
  parseDOM: [{ tag: `${tag}.${cls}` }],
  toDOM: () => [tag, { class: cls }, 0],
  ...spec,
});

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'headline lead body byline' },

  headline: part('h1', 'nr-headline', { content: 'text*', marks: '' }),
  lead: part('p', 'nr-lead', { content: 'inline*' }),
  body: part('div', 'nr-body', { content: 'block+' }),
  byline: part('div', 'nr-byline', { content: 'author+' }),
  author: part('p', 'nr-author', { content: 'text*', marks: '' }),

  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    group: 'block',
    content: 'inline*',
    attrs: { level: { default: 2, validate: (v: unknown) => { if (v !== 2 && v !== 3) throw new RangeError('heading level must be 2 or 3'); } } },
    defining: true,
    parseDOM: [
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 3 } },
      { tag: 'h5', attrs: { level: 3 } },
      { tag: 'h6', attrs: { level: 3 } },
    ],
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  blockquote: {
    group: 'block',
    content: 'paragraph+',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    group: 'block',
    content: 'list_item+',
    attrs: { order: { default: 1, validate: 'number' } },
    parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: Number((dom as unknown as ElementLike).getAttribute('start')) || 1 }) }],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0]),
  },
  list_item: {
    content: 'paragraph (paragraph | bullet_list | ordered_list)*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr'],
  },
  figure: {
    group: 'block',
    content: 'caption credit',
    isolating: true,
    defining: true,
    draggable: true,
    attrs: {
      /** Media id (SHA-256 hex) of the image, or null while the photo is still awaited. */
      mediaId: { default: null, validate: (v: unknown) => { if (v !== null && (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v))) throw new RangeError('mediaId must be a SHA-256 hex id or null'); } },
      alt: { default: '', validate: 'string' },
    },
    parseDOM: [
      {
        tag: 'figure.nr-figure',
        getAttrs: (dom) => {
          const el = dom as unknown as ElementLike;
          const id = el.getAttribute('data-media-id');
          return { mediaId: id && /^[0-9a-f]{64}$/.test(id) ? id : null, alt: el.getAttribute('data-alt') ?? '' };
        },
      },
    ],
    toDOM: (node) => [
      'figure',
      { class: 'nr-figure', 'data-media-id': (node.attrs.mediaId as string | null) ?? '', 'data-alt': node.attrs.alt as string },
      0,
    ],
  },
  caption: part('figcaption', 'nr-caption', { content: 'inline*' }),
  credit: part('p', 'nr-credit', { content: 'text*', marks: '' }),

  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: (v: unknown) => { if (safeHref(v) !== v) throw new RangeError('link href must be an http, https or mailto URL'); } } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = safeHref((dom as unknown as ElementLike).getAttribute('href'));
          return href ? { href } : false;
        },
      },
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href as string, rel: 'noopener noreferrer' }, 0],
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
      { tag: 'b', getAttrs: (dom) => ((dom as unknown as ElementLike).style.fontWeight === 'normal' ? false : null) },
      { style: 'font-weight', getAttrs: (value) => (/^(bold(er)?|[6-9]\d\d)$/.test(value as string) ? null : false) },
    ],
    toDOM: () => ['strong', 0],
  },
  em: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  sub: {
    excludes: 'sup',
    parseDOM: [{ tag: 'sub' }, { style: 'vertical-align=sub' }],
    toDOM: () => ['sub', 0],
  },
  sup: {
    excludes: 'sub',
    parseDOM: [{ tag: 'sup' }, { style: 'vertical-align=super' }],
    toDOM: () => ['sup', 0],
  },
};

export const schema = new Schema({ nodes, marks });

export type ArticleSchema = typeof schema;
