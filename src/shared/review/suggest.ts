import { Slice, type Node as PMNode } from 'prosemirror-model';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, Transform, type Step } from 'prosemirror-transform';
import { ChangeSet, simplifyChanges, type Change } from 'prosemirror-changeset';
import { schema } from '../schema';
import { createAnchor, resolveAnchor } from './anchors';
import type { Anchor, MarkJSON, SuggestionChange } from './model';
import { buildTextIndex } from './text-index';

/**
 * Suggestions (tracked changes) live beside the document, not inside it: each is an
 * anchored range plus the edit proposed for it. Accepting applies the edit as an
 * ordinary ProseMirror transform; rejecting leaves the document as it is. This
 * works the same in the headline, credit and byline (whose schema allows no
 * marks, so mark-based tracking cannot reach them) as in lead, body and captions.
 */

export class SuggestionError extends Error {
  override name = 'SuggestionError';
}

/** A proposed edit, before it gets an id, author and time. */
export interface ProposedChange {
  anchor: Anchor;
  change: SuggestionChange;
}

function sliceToJSON(slice: Slice): SuggestionChange & { type: 'replace' } {
  return { type: 'replace', insert: slice.size ? (slice.toJSON() as { content: unknown[]; openStart?: number; openEnd?: number }) : null };
}

function sliceFromJSON(json: SuggestionChange & { type: 'replace' }): Slice {
  try {
    return json.insert ? Slice.fromJSON(schema, json.insert) : Slice.empty;
  } catch (err) {
    throw new SuggestionError(`the suggested text does not fit the article schema: ${(err as Error).message}`);
  }
}

/**
 * Turn an editor transaction made in suggest mode into proposed changes against the
 * document it started from (the editor then drops the transaction instead of
 * applying it). Text edits are condensed with prosemirror-changeset, formatting
 * steps become mark suggestions. Returns null when the transaction holds a step
 * that cannot be suggested (e.g. changing a figure's image), so the UI can say so.
 */
export function proposeFromTransform(before: PMNode, steps: readonly Step[]): ProposedChange[] | null {
  const tr = new Transform(before);
  const proposals: ProposedChange[] = [];
  const index = buildTextIndex(before);
  const replaceMaps = [];
  for (const step of steps) {
    const isReplace = step instanceof ReplaceStep;
    const isMark = step instanceof AddMarkStep || step instanceof RemoveMarkStep;
    if (!isReplace && !isMark) return null;
    const stepIndex = tr.steps.length;
    const result = tr.maybeStep(step);
    if (result.failed) throw new SuggestionError(`the edit could not be applied: ${result.failed}`);
    if (isReplace) {
      replaceMaps.push(step.getMap());
    } else {
      // Mark steps do not move positions, so their range maps back through the replaces before them.
      const back = tr.mapping.slice(0, stepIndex).invert();
      const s = step as AddMarkStep | RemoveMarkStep;
      const from = back.map(s.from, 1);
      const to = back.map(s.to, -1);
      if (to > from) {
        proposals.push({
          anchor: createAnchor(before, from, to, index),
          change: { type: 'mark', action: step instanceof AddMarkStep ? 'add' : 'remove', mark: s.mark.toJSON() as MarkJSON },
        });
      }
    }
  }
  if (replaceMaps.length) {
    const set = ChangeSet.create(before).addSteps(tr.doc, tr.mapping.maps, null);
    for (const change of groupChanges(before, simplifyChanges(set.changes, tr.doc))) {
      proposals.push({ anchor: createAnchor(before, change.fromA, change.toA, index), change: sliceToJSON(tr.doc.slice(change.fromB, change.toB)) });
    }
  }
  return proposals.sort((a, b) => a.anchor.from - b.anchor.from);
}

/** Changes closer than this (in characters of unchanged text) are one suggestion: "trọng tâm" → "then chốt", not two. */
const GROUP_GAP = 3;

/**
 * Whole-word changes (simplifyChanges) grouped when only a space or two of
 * unchanged text in the same block separates them, so one edit reads as one
 * suggestion rather than a scatter of letters.
 */
function groupChanges(doc: PMNode, changes: readonly Change[]): { fromA: number; toA: number; fromB: number; toB: number }[] {
  const groups: { fromA: number; toA: number; fromB: number; toB: number }[] = [];
  for (const c of changes) {
    const last = groups[groups.length - 1];
    if (last && c.fromA - last.toA <= GROUP_GAP && doc.resolve(last.toA).sameParent(doc.resolve(c.fromA))) {
      last.toA = c.toA;
      last.toB = c.toB;
    } else groups.push({ fromA: c.fromA, toA: c.toA, fromB: c.fromB, toB: c.toB });
  }
  return groups;
}

/** Result of applying one suggestion: the transform and the edit that would undo it. */
export interface AppliedSuggestion {
  transform: Transform;
  inverse: ProposedChange;
}

/**
 * Apply a proposed change to `doc` (accepting it). The anchor is re-found first, so
 * a suggestion made on an older version still lands on its text; if that text is
 * gone the suggestion is detached and this throws.
 */
export function applyChange(doc: PMNode, proposed: ProposedChange): AppliedSuggestion {
  const anchor = resolveAnchor(doc, proposed.anchor);
  if (!anchor) throw new SuggestionError(`the text this suggestion changes ("${proposed.anchor.quote.slice(0, 40)}") is no longer in the article`);
  const transform = new Transform(doc);
  const { change } = proposed;
  if (change.type === 'replace') {
    const slice = sliceFromJSON(change);
    const removed = doc.slice(anchor.from, anchor.to);
    try {
      transform.replace(anchor.from, anchor.to, slice);
    } catch (err) {
      throw new SuggestionError(`the suggestion cannot be applied here: ${(err as Error).message}`);
    }
    if (transform.steps.length === 0 && (slice.size || anchor.to > anchor.from)) {
      throw new SuggestionError('the suggestion cannot be applied here: the text does not fit at this place');
    }
    const insertedTo = transform.mapping.map(anchor.to, 1);
    const insertedFrom = transform.mapping.map(anchor.from, -1);
    checkDocument(transform.doc);
    return {
      transform,
      inverse: { anchor: createAnchor(transform.doc, insertedFrom, Math.max(insertedFrom, insertedTo)), change: sliceToJSON(removed) },
    };
  }
  let mark;
  try {
    mark = schema.markFromJSON(change.mark);
  } catch (err) {
    throw new SuggestionError(`unknown formatting in suggestion: ${(err as Error).message}`);
  }
  if (change.action === 'add') transform.addMark(anchor.from, anchor.to, mark);
  else transform.removeMark(anchor.from, anchor.to, mark);
  checkDocument(transform.doc);
  return {
    transform,
    inverse: { anchor: createAnchor(transform.doc, anchor.from, anchor.to), change: { ...change, action: change.action === 'add' ? 'remove' : 'add' } },
  };
}

function checkDocument(doc: PMNode): void {
  try {
    doc.check();
  } catch (err) {
    throw new SuggestionError(`accepting the suggestion would break the article structure: ${(err as Error).message}`);
  }
}

/** A short human description, for lists and the timeline ("thêm", "xoá", "thay"). */
export function describeChange(proposed: ProposedChange): { kind: 'insert' | 'delete' | 'replace' | 'format'; removed: string; inserted: string } {
  const { change, anchor } = proposed;
  if (change.type === 'mark') return { kind: 'format', removed: anchor.quote, inserted: anchor.quote };
  const inserted = change.insert ? sliceText(sliceFromJSON(change)) : '';
  const kind = !anchor.quote ? 'insert' : !inserted ? 'delete' : 'replace';
  return { kind, removed: anchor.quote, inserted };
}

function sliceText(slice: Slice): string {
  return slice.content.textBetween(0, slice.content.size, '\n', '\n');
}
