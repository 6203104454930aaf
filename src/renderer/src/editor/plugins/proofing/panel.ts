/**
 * The Proofing panel (F7): every finding in document order with counts per
 * category, a filter, and *apply all safe fixes* as one undo step. Choosing a
 * finding selects its text and opens the popover.
 */
import { TextSelection } from 'prosemirror-state';
import type { PluginView } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { applySafeFixes, findingsOf, toggleProofingPanel } from './commands';
import { proofingKey, underlineClass, type PlacedFinding, type ProofingMeta } from './proofing-state';
import type { ProofingTexts } from './texts';

type Filter = 'all' | 'spelling' | 'style' | 'errors';

const FILTERS: Record<Filter, (f: PlacedFinding) => boolean> = {
  all: () => true,
  spelling: (f) => f.category === 'spelling',
  style: (f) => f.category === 'style',
  errors: (f) => f.severity === 'error',
};

export class ProofingPanel implements PluginView {
  private readonly root: HTMLElement;
  private filter: Filter = 'all';
  private shown: PlacedFinding[] | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly texts: () => ProofingTexts,
  ) {
    this.root = document.createElement('aside');
    this.root.className = 'nr-proof-panel';
    this.root.dataset.testid = 'proof-panel';
    this.root.hidden = true;
    view.dom.parentNode?.insertBefore(this.root, view.dom);
    this.update(view);
  }

  update(view: EditorView): void {
    const state = proofingKey.getState(view.state);
    if (!state?.panelOpen) {
      this.root.hidden = true;
      this.shown = null;
      return;
    }
    this.root.hidden = false;
    if (state.findings === this.shown) return;
    this.shown = state.findings;
    this.render();
  }

  destroy(): void {
    this.root.remove();
  }

  private render(): void {
    const t = this.texts();
    const all = findingsOf(this.view.state);
    this.root.replaceChildren();
    this.root.setAttribute('aria-label', t.panelTitle);

    const header = document.createElement('div');
    header.className = 'nr-proof-panel-header';
    const title = document.createElement('strong');
    title.textContent = t.panelTitle;
    const counts = document.createElement('span');
    counts.dataset.testid = 'proof-counts';
    counts.textContent = `${t.spelling(all.filter(FILTERS.spelling).length)} · ${t.style(all.filter(FILTERS.style).length)}`;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', t.close);
    close.addEventListener('click', () => {
      toggleProofingPanel(this.view.state, this.view.dispatch);
      this.view.focus();
    });
    header.append(title, counts, close);

    const tools = document.createElement('div');
    tools.className = 'nr-proof-panel-tools';
    const select = document.createElement('select');
    select.setAttribute('aria-label', t.filter);
    select.dataset.testid = 'proof-filter';
    for (const [value, label] of [['all', t.filterAll], ['spelling', t.filterSpelling], ['style', t.filterStyle], ['errors', t.filterErrors]] as const) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      o.selected = value === this.filter;
      select.appendChild(o);
    }
    select.addEventListener('change', () => {
      this.filter = select.value as Filter;
      this.render();
    });
    const safeCount = all.filter((f) => f.safe).length;
    const safe = document.createElement('button');
    safe.type = 'button';
    safe.dataset.testid = 'proof-apply-safe';
    safe.textContent = t.applySafe(safeCount);
    safe.disabled = safeCount === 0;
    safe.addEventListener('click', () => {
      applySafeFixes(this.view.state, this.view.dispatch);
      this.view.focus();
    });
    tools.append(select, safe);

    const list = document.createElement('ol');
    list.className = 'nr-proof-list';
    const visible = all.filter(FILTERS[this.filter]);
    for (const f of visible) {
      const item = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.testid = 'proof-item';
      const word = document.createElement('span');
      word.className = underlineClass(f);
      word.textContent = f.text.trim() || '␣';
      const fix = f.suggestions[0] !== undefined ? ` → ${f.suggestions[0] || t.remove}` : '';
      b.append(word, document.createTextNode(`${fix} — ${f.message[t.language]}`));
      b.addEventListener('click', () => this.reveal(f));
      item.appendChild(b);
      list.appendChild(item);
    }
    if (!visible.length) {
      const none = document.createElement('li');
      none.textContent = t.none;
      list.appendChild(none);
    }
    this.root.append(header, tools, list);
  }

  private reveal(f: PlacedFinding): void {
    const { state } = this.view;
    const tr = state.tr.setSelection(TextSelection.create(state.doc, f.from, f.to)).scrollIntoView();
    tr.setMeta(proofingKey, { type: 'open', key: f.key } satisfies ProofingMeta);
    this.view.dispatch(tr);
    this.view.focus();
  }
}
