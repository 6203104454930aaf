import type { Node as PMNode } from 'prosemirror-model';
import { ApiError } from '../../../shared/api';
import { toIsoWithOffset } from '../../../shared/dates';
import { createDocument, documentFromStored, documentToStored } from '../../../shared/document';
import { schema } from '../../../shared/schema';
import type { templateCalls } from '../../../shared/templates';
import type { Handlers } from '../api/handlers';
import type { Core } from '../core';
import { TemplateRepository } from './repository';

type TemplateCallName = keyof typeof templateCalls;

/** Only the desk shapes what every new article starts from. */
function requireDesk(core: Core): void {
  const me = core.review.people.local();
  if (me?.role !== 'desk') {
    throw new ApiError('forbidden', 'Only a desk profile may change templates; everyone may use them. Nothing was changed.');
  }
}

/** An article's headline, lead and body as a template's parts; the byline is left empty for whoever uses it. */
function partsOf(doc: PMNode): PMNode {
  return schema.node('doc', null, [doc.child(0), doc.child(1), doc.child(2), schema.node('byline', null, [schema.node('author')])]);
}

export function createTemplateHandlers(core: Core): Pick<Handlers, TemplateCallName> {
  const templates = new TemplateRepository(core.db, () => toIsoWithOffset(new Date()));
  return {
    listTemplates: () => ({ items: templates.list() }),
    createFromTemplate: ({ templateId }) => {
      const template = templates.get(templateId);
      return core.articles.createDraft({ meta: { ...template.preset }, document: template.document });
    },
    saveTemplate: ({ id, name, preset, documentFromArticle }) => {
      requireDesk(core);
      const document = documentFromArticle ? documentToStored(partsOf(documentFromStored(core.articles.get(documentFromArticle).document))) : undefined;
      if (id) return templates.update(id, { name, preset, document });
      return templates.create({ name, preset, document: document ?? documentToStored(createDocument()) });
    },
    deleteTemplate: ({ id }) => {
      requireDesk(core);
      templates.delete(id);
      return { id };
    },
  };
}

