/**
 * Suggest mode's cost per keystroke. Every keystroke in suggest mode also
 * updates the changeset against the committed document and redraws the live
 * marks; every pause stores the whole typed set (`proposeFromTransform`). On
 * the seed story grown to ~10,000 chữ, type 2,000 characters in 20 places (the
 * way an editor works through a story) and report:
 *
 * 1. the editor state update per keystroke, suggest mode vs. normal typing (p50/p95/max, ms);
 * 2. turning the whole set into suggestions at a pause (ms), as the set grows.
 *
 *     npm run bench suggest
 */
import { readFileSync } from 'node:fs';
import { EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { createDocument } from '../../src/shared/document';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import { countWords } from '../../src/shared/text';
import { SEED_PATH } from '../support/temp';
import { percentile } from './stats';

// Renderer modules are loaded by path: they belong to the web TypeScript project, not this one.
const SUGGEST_STATE = '../../src/renderer/src/editor/plugins/suggest/suggest-state';
const { suggestPlugin, startSuggestingTr, suggestKey } = (await import(SUGGEST_STATE)) as {
  suggestPlugin: (onRefused: () => void) => Plugin;
  startSuggestingTr: (state: EditorState, author: { id: string; name: string; color: string }) => Transaction;
  suggestKey: { getState(state: EditorState): { base: EditorState['doc']; steps: readonly import('prosemirror-transform').Step[] } };
};

const seed = readFileSync(SEED_PATH, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 80);
const paragraphs = Array.from({ length: 12 }, () => seed).flat();
const doc = createDocument({ headline: 'Từng bước đáp ứng yêu cầu', lead: seed[0]!, paragraphs, authors: ['Tiến Thành'] });

function typeSession(suggesting: boolean): { perKey: number[]; proposeMs: { chars: number; ms: number }[] } {
  let state = EditorState.create({ doc, plugins: [suggestPlugin(() => undefined), history()] });
  if (suggesting) state = state.apply(startSuggestingTr(state, { id: 'p', name: 'Thu Hà', color: '#9c27b0' }));
  const perKey: number[] = [];
  const proposeMs: { chars: number; ms: number }[] = [];
  let time = 0;
  for (let place = 0; place < 20; place++) {
    // Somewhere in the body, a fresh place each time.
    let pos = Math.floor(((place + 0.5) / 20) * state.doc.content.size);
    while (!state.doc.resolve(pos).parent.inlineContent) pos++;
    for (let i = 0; i < 100; i++) {
      time += 120;
      const tr = state.tr.insertText(i % 7 === 6 ? ' ' : 'ư', pos + i).setTime(time);
      const t0 = performance.now();
      state = state.apply(tr);
      perKey.push(performance.now() - t0);
    }
    time += 2000;
    if (suggesting) {
      const s = suggestKey.getState(state);
      const t0 = performance.now();
      proposeFromTransform(s.base, s.steps);
      proposeMs.push({ chars: (place + 1) * 100, ms: performance.now() - t0 });
    }
  }
  return { perKey, proposeMs };
}

const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
typeSession(true); // warm up
const normal = typeSession(false);
const suggest = typeSession(true);
console.log(`article: ${countWords(doc.textContent)} chữ; 2,000 characters typed in 20 places`);
console.log(`state update per keystroke, normal typing: ${fmt(normal.perKey)}`);
console.log(`state update per keystroke, suggest mode:  ${fmt(suggest.perKey)}`);
for (const p of suggest.proposeMs.filter((_, i) => i % 5 === 4)) console.log(`store at a pause, ${p.chars} characters suggested: ${p.ms.toFixed(1)} ms to build the suggestions`);
