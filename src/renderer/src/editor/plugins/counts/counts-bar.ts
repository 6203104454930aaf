import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { LengthTarget } from '../../../../../shared/article';
import { countParts, countSelection, type PartCounts, type Tally } from './count-parts';
import { checkTargets, effectiveTarget, type Limits } from './targets';

export interface CountsTexts {
  label: string;
  headline: string;
  lead: string;
  body: string;
  captions: string;
  total: string;
  selection: string;
  /** "1.140 chữ": the count goes to the translator as a number, so it picks the plural form and formats it for the language. */
  words: (count: number) => string;
  characters: (count: number) => string;
  /** "12/20" style progress against a limit. */
  ofLimit: (n: string, limit: string) => string;
  /** "600–800" style range. */
  range: (min: string, max: string) => string;
  over: string;
  under: string;
  locale: string;
}

export interface CountsOptions {
  texts: () => CountsTexts;
  /** The article's own targets as the app holds them, and word of their changes. */
  target: LengthTargetSource;
}

/** Where the counts read the article's length target: the open article's session. */
export interface LengthTargetSource {
  get(): LengthTarget | undefined;
  /** Calls `listener` when the target may have changed; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Recount after typing pauses this long; the keystroke itself never counts. */
const RECOUNT_DELAY_MS = 300;
const WARN = 'var(--danger)';

/**
 * Live counts per part (headline, lead, body, captions), the whole article and the
 * selection, with length targets. Shown in a line above the text; a part over its
 * limit turns the warning colour. Counting happens off the typing path: after a
 * short pause, and incrementally (see count-parts.ts).
 */
export function countsPlugin(options: CountsOptions): Plugin {
  return new Plugin({ view: (view) => new CountsBar(view, options) });
}

class CountsBar {
  private readonly root: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private limits: Limits;
  private target: LengthTarget | undefined;
  private readonly unsubscribe: () => void;
  private destroyed = false;

  constructor(
    private readonly view: EditorView,
    private readonly options: CountsOptions,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'nr-counts';
    this.root.dataset.testid = 'part-counts';
    this.root.style.cssText =
      'display:flex;flex-wrap:wrap;gap:2px 14px;padding:2px 4px;margin-bottom:8px;font:12px/1.5 system-ui,sans-serif;color:var(--muted);';
    // Above the text, under the find bar: visible when the article opens, never over the text.
    view.dom.parentElement?.insertBefore(this.root, view.dom);
    this.target = options.target.get();
    this.limits = effectiveTarget(this.target);
    // A target changed in the details panel shows at once.
    this.unsubscribe = options.target.subscribe(() => {
      const next = options.target.get();
      if (next === this.target) return;
      this.target = next;
      this.limits = effectiveTarget(next);
      this.render();
    });
    // First count after the article is on screen.
    this.schedule();
  }

  update(view: EditorView, prev: EditorView['state']): void {
    if (view.state.doc === prev.doc && view.state.selection.eq(prev.selection)) return;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.render();
    }, RECOUNT_DELAY_MS);
  }

  private render(): void {
    if (this.destroyed) return;
    const t = this.options.texts();
    const fmt = new Intl.NumberFormat(t.locale);
    const n = (x: number) => fmt.format(x);
    const state = this.view.state;
    const counts: PartCounts = countParts(state.doc);
    const status = checkTargets(counts, this.limits);
    const longestCaption = counts.captions.reduce((m, c) => Math.max(m, c.words), 0);
    const parts: { id: string; label: string; value: string; warn: boolean; title?: string }[] = [
      { id: 'headline', label: t.headline, value: t.ofLimit(n(counts.headline.words), n(this.limits.headlineMax)), warn: status.headlineOver },
      { id: 'lead', label: t.lead, value: t.ofLimit(n(counts.lead.words), n(this.limits.leadMax)), warn: status.leadOver },
      { id: 'body', label: t.body, value: n(counts.body.words), warn: false },
    ];
    if (counts.captions.length) {
      parts.push({ id: 'captions', label: t.captions, value: t.ofLimit(n(longestCaption), n(this.limits.captionMax)), warn: status.captionsOver.length > 0 });
    }
    const { min, max } = this.limits;
    const range = min !== undefined && max !== undefined ? t.range(n(min), n(max)) : max !== undefined ? `≤ ${n(max)}` : min !== undefined ? `≥ ${n(min)}` : '';
    parts.push({
      id: 'total',
      label: t.total,
      value: `${t.words(counts.total.words)}${range ? ` (${range})` : ''} · ${t.characters(counts.total.characters)}`,
      warn: status.totalOver || status.totalUnder,
      title: status.totalOver ? t.over : status.totalUnder ? t.under : undefined,
    });
    const { from, to } = state.selection;
    const selection: Tally | null = countSelection(state.doc, from, to);
    if (selection) parts.push({ id: 'selection', label: t.selection, value: `${t.words(selection.words)} · ${t.characters(selection.characters)}`, warn: false });

    this.root.setAttribute('aria-label', t.label);
    this.root.replaceChildren(
      ...parts.map((p) => {
        const span = document.createElement('span');
        span.dataset.part = p.id;
        span.dataset.warn = String(p.warn);
        if (p.warn) span.style.cssText = `color:${WARN};font-weight:600;`;
        if (p.title ?? (p.warn ? t.over : undefined)) span.title = p.title ?? t.over;
        span.textContent = `${p.label}: ${p.value}`;
        return span;
      }),
    );
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.root.remove();
  }
}
