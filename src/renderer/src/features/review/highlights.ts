import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { ApiClient } from '../../../../shared/api';
import type { Comment, Profile, Suggestion } from '../../../../shared/review/model';
import { resolveAnchor } from '../../../../shared/review/anchors';
import { describeChange } from '../../../../shared/review/suggest';
import { buildTextIndex } from '../../../../shared/review/text-index';
import { suggestionText, suggestKey } from '../../editor/plugins/suggest/suggest-state';
import { acquireReviewRecords, releaseReviewRecords } from './records';

export const reviewHighlightsKey = new PluginKey<DecorationSet>('reviewHighlights');

interface Loaded {
  comments: Comment[];
  suggestions: Suggestion[];
  people: ReadonlyMap<string, Profile>;
}

/** Decorations for open comment threads (marked text) and open suggestions (struck / inserted text in the author's colour). */
export function reviewDecorations(doc: PMNode, data: Loaded): DecorationSet {
  const index = buildTextIndex(doc);
  const decorations: Decoration[] = [];
  for (const c of data.comments) {
    if (c.id !== c.threadId || !c.anchor || c.detached || c.resolvedAt) continue;
    const at = resolveAnchor(doc, c.anchor, index);
    if (!at || at.from >= at.to) continue;
    decorations.push(Decoration.inline(at.from, at.to, { class: 'review-comment-mark', 'data-thread': c.id, title: c.body }));
  }
  for (const s of data.suggestions) {
    const at = resolveAnchor(doc, s.anchor, index);
    if (!at) continue;
    const color = data.people.get(s.authorId)?.color ?? '#777777';
    const who = data.people.get(s.authorId)?.displayName ?? '';
    const d = describeChange(s);
    if (d.kind === 'format') {
      if (at.to > at.from) decorations.push(Decoration.inline(at.from, at.to, { class: 'review-suggest-format', style: `--author: ${color}`, title: who }));
      continue;
    }
    if (at.to > at.from) decorations.push(Decoration.inline(at.from, at.to, { class: 'review-suggest-delete', style: `--author: ${color}`, title: who, 'data-suggestion': s.id }));
    if (d.inserted) {
      decorations.push(
        Decoration.widget(at.to, () => suggestionText('ins', 'review-suggest-insert', d.inserted, { color, name: who }, s.id), {
          side: 1,
          key: `suggest-${s.id}`,
          ignoreSelection: true,
        }),
      );
    }
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Show review marks in the editor: commented text and open suggestions in their
 * author's colour. Drawn from the article's shared review records (the same load
 * the review pane and its toggle use, refreshed on every review signal) and mapped
 * through edits in between. Suggestions the editor's own suggest mode is still
 * typing are drawn by that mode (live), so they are left out here until it stores
 * them for good.
 */
export function reviewHighlightsPlugin(client: ApiClient, articleId: string): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: reviewHighlightsKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => {
        const loaded = tr.getMeta(reviewHighlightsKey) as DecorationSet | undefined;
        return loaded ?? set.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => reviewHighlightsKey.getState(state),
    },
    view: (view) => {
      const records = acquireReviewRecords(client, articleId);
      let retry: ReturnType<typeof setTimeout> | null = null;
      const draw = () => {
        retry = null;
        const { status, comments, suggestions, people } = records.getSnapshot();
        // A failed load keeps the marks drawn; the review pane says what failed.
        if (status !== 'ready' || view.isDestroyed) return;
        // Never dispatch into an IME composition: try again once it has ended.
        if (view.composing) {
          retry ??= setTimeout(draw, 300);
          return;
        }
        const typing = new Set(suggestKey.getState(view.state)?.storedIds ?? []);
        const shown = suggestions.filter((s) => s.status === 'open' && !typing.has(s.id));
        const set = reviewDecorations(view.state.doc, { comments, suggestions: shown, people });
        if (set === DecorationSet.empty && reviewHighlightsKey.getState(view.state) === DecorationSet.empty) return;
        view.dispatch(view.state.tr.setMeta(reviewHighlightsKey, set).setMeta('addToHistory', false));
      };
      const off = records.subscribe(draw);
      draw();
      return {
        destroy: () => {
          off();
          if (retry) clearTimeout(retry);
          releaseReviewRecords(records);
        },
      };
    },
  });
}
