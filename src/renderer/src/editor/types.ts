import type { MarkType, NodeType } from 'prosemirror-model';
import { schema } from '../../../shared/schema';

function nodeType(name: string): NodeType {
  const type = schema.nodes[name];
  if (!type) throw new Error(`the article schema has no node ${name}`);
  return type;
}
function markType(name: string): MarkType {
  const type = schema.marks[name];
  if (!type) throw new Error(`the article schema has no mark ${name}`);
  return type;
}

/** The article schema's node types, typed (the schema's own maps are string-indexed). */
export const nodes = {
  headline: nodeType('headline'),
  lead: nodeType('lead'),
  body: nodeType('body'),
  byline: nodeType('byline'),
  author: nodeType('author'),
  paragraph: nodeType('paragraph'),
  heading: nodeType('heading'),
  blockquote: nodeType('blockquote'),
  bullet_list: nodeType('bullet_list'),
  ordered_list: nodeType('ordered_list'),
  list_item: nodeType('list_item'),
  horizontal_rule: nodeType('horizontal_rule'),
  figure: nodeType('figure'),
  hard_break: nodeType('hard_break'),
};

/** The article schema's mark types, typed. */
export const marks = {
  strong: markType('strong'),
  em: markType('em'),
  link: markType('link'),
  sub: markType('sub'),
  sup: markType('sup'),
};
