import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { closeFind, findAction, findNext, findPrevious, getFindState, replaceAll, replaceCurrent, type FindState } from './find-plugin';

export interface FindTexts {
  label: string;
  find: string;
  replaceWith: string;
  ignoreMarks: string;
  previous: string;
  next: string;
  replace: string;
  replaceAll: string;
  close: string;
  /** "3/12", or the no-match text. */
  count: (current: number, total: number) => string;
  noMatches: string;
  replaced: (count: number) => string;
}

/**
 * The find-and-replace bar: plain DOM above the text, owned by a plugin view so it
 * follows the editor state without React. Enter/Shift-Enter step through matches,
 * Escape closes and returns to the text.
 */
export function findPanelPlugin(texts: () => FindTexts): Plugin {
  return new Plugin({ view: (view) => new FindPanel(view, texts) });
}

const BUTTON = 'padding:3px 8px;font:inherit;border:1px solid var(--field-line);border-radius:3px;background:var(--paper);color:inherit;cursor:pointer;';

class FindPanel {
  private readonly root: HTMLElement;
  private readonly query: HTMLInputElement;
  private readonly replacement: HTMLInputElement;
  private readonly ignoreMarks: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly labels: { el: HTMLElement; text: (t: FindTexts) => string; attr?: string }[] = [];
  private shown: FindState | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly texts: () => FindTexts,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'nr-find-panel';
    this.root.setAttribute('role', 'search');
    this.root.dataset.testid = 'find-panel';
    this.root.hidden = true;
    this.root.style.cssText =
      'display:none;position:sticky;top:0;z-index:6;flex-wrap:wrap;align-items:center;gap:6px;padding:6px 8px;margin-bottom:8px;background:var(--neutral-soft);border:1px solid var(--line);border-radius:4px;font:13px/1.4 system-ui,sans-serif;';

    this.query = this.input('find-query', (t) => t.find);
    this.replacement = this.input('find-replacement', (t) => t.replaceWith);
    const ignoreLabel = document.createElement('label');
    ignoreLabel.style.cssText = 'display:inline-flex;align-items:center;gap:4px;';
    this.ignoreMarks = document.createElement('input');
    this.ignoreMarks.type = 'checkbox';
    this.ignoreMarks.dataset.testid = 'find-ignore-marks';
    const ignoreText = document.createElement('span');
    this.labels.push({ el: ignoreText, text: (t) => t.ignoreMarks });
    ignoreLabel.append(this.ignoreMarks, ignoreText);
    this.count = document.createElement('span');
    this.count.dataset.testid = 'find-count';
    this.count.setAttribute('aria-live', 'polite');
    this.count.style.cssText = 'min-width:6em;color:var(--muted);';

    const previous = this.button('find-previous', (t) => t.previous, () => this.run(findPrevious));
    const next = this.button('find-next', (t) => t.next, () => this.run(findNext));
    const replace = this.button('find-replace', (t) => t.replace, () => {
      if (this.run(replaceCurrent(this.replacement.value))) this.run(findNext);
    });
    const all = this.button('find-replace-all', (t) => t.replaceAll, () => {
      const total = getFindState(this.view.state).matches.length;
      if (this.run(replaceAll(this.replacement.value))) this.count.textContent = this.texts().replaced(total);
    });
    const close = this.button('find-close', (t) => t.close, () => this.close());
    close.textContent = '×';

    this.root.append(this.query, previous, next, this.count, this.replacement, replace, all, ignoreLabel, close);
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.query.addEventListener('input', () => this.dispatch({ query: this.query.value }));
    this.ignoreMarks.addEventListener('change', () => this.dispatch({ ignoreMarks: this.ignoreMarks.checked }));
    view.dom.parentElement?.insertBefore(this.root, view.dom);
    this.relabel();
    this.update(view);
  }

  private input(testId: string, label: (t: FindTexts) => string): HTMLInputElement {
    const input = document.createElement('input');
    input.type = 'search';
    input.dataset.testid = testId;
    input.spellcheck = false;
    input.style.cssText = 'flex:1 1 12em;min-width:8em;padding:3px 6px;font:inherit;border:1px solid var(--field-line);border-radius:3px;background:var(--field-bg);';
    this.labels.push({ el: input, text: label, attr: 'aria-label' }, { el: input, text: label, attr: 'placeholder' });
    return input;
  }

  private button(testId: string, label: (t: FindTexts) => string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.testid = testId;
    b.style.cssText = BUTTON;
    b.addEventListener('click', onClick);
    this.labels.push({ el: b, text: label });
    this.labels.push({ el: b, text: label, attr: 'title' });
    return b;
  }

  private relabel(): void {
    const t = this.texts();
    this.root.setAttribute('aria-label', t.label);
    for (const { el, text, attr } of this.labels) {
      if (attr) el.setAttribute(attr, text(t));
      else if (el.textContent !== '×') el.textContent = text(t);
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Enter' && e.target === this.query) {
      e.preventDefault();
      this.run(e.shiftKey ? findPrevious : findNext);
    } else if (e.key === 'Enter' && e.target === this.replacement) {
      e.preventDefault();
      if (this.run(replaceCurrent(this.replacement.value))) this.run(findNext);
    } else if ((e.key === 'f' || e.key === 'F') && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.query.select();
    }
  }

  private run(command: (state: EditorView['state'], dispatch?: EditorView['dispatch']) => boolean): boolean {
    if (this.view.composing) return false;
    return command(this.view.state, this.view.dispatch);
  }

  private dispatch(action: Parameters<typeof findAction>[1]): void {
    if (this.view.composing) return;
    this.view.dispatch(findAction(this.view.state.tr, action));
  }

  private close(): void {
    this.run(closeFind);
    this.view.focus();
  }

  update(view: EditorView): void {
    const find = getFindState(view.state);
    const prev = this.shown;
    this.shown = find;
    if (prev === find) return;
    // The inline `display:flex` would override the `hidden` attribute alone.
    this.root.hidden = !find.open;
    this.root.style.display = find.open ? 'flex' : 'none';
    if (!find.open) return;
    if (this.query.value !== find.query && document.activeElement !== this.query) this.query.value = find.query;
    this.ignoreMarks.checked = find.ignoreMarks;
    const t = this.texts();
    this.count.textContent = !find.query ? '' : find.matches.length ? t.count(find.current + 1, find.matches.length) : t.noMatches;
    if (!prev || prev.focusRequest !== find.focusRequest) {
      this.relabel();
      this.query.value = find.query;
      this.query.focus();
      this.query.select();
    }
  }

  destroy(): void {
    this.root.remove();
  }
}
