/**
 * The popover on an underlined word (click, or Alt+Enter): the message, the
 * suggestions (Enter applies the highlighted one, Up/Down choose), *ignore once*,
 * *ignore in this article* and, for spelling, *add to dictionary*. Plain DOM owned
 * by a plugin view; the focus stays in the text.
 */
import type { PluginView } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { applyRuleFixes, applySuggestion, closePopover, findingsOf, openFinding } from './commands';
import type { CheckerHandle } from './checker';
import { proofingKey, type PlacedFinding, type ProofingMeta } from './proofing-state';
import type { ProofingTexts } from './texts';
import { ignoreInArticle } from './word-lists';

export class ProofingPopover implements PluginView {
  private readonly root: HTMLElement;
  private shownKey: string | null = null;
  private shownChoice = -1;

  constructor(
    private readonly view: EditorView,
    private readonly texts: () => ProofingTexts,
    private readonly articleId: string,
    private readonly checker: () => CheckerHandle | null,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'nr-proof-popover';
    this.root.setAttribute('role', 'dialog');
    this.root.dataset.testid = 'proof-popover';
    this.root.hidden = true;
    // Clicks in the popover must not move the selection out of the text.
    this.root.addEventListener('mousedown', (e) => e.preventDefault());
    document.body.appendChild(this.root);
    this.update(view);
  }

  update(view: EditorView): void {
    const open = openFinding(view.state);
    if (!open) {
      this.shownKey = null;
      this.root.hidden = true;
      return;
    }
    if (open.finding.key === this.shownKey && open.choice === this.shownChoice) return;
    this.shownKey = open.finding.key;
    this.shownChoice = open.choice;
    this.render(open.finding, open.choice);
    const at = view.coordsAtPos(open.finding.from);
    this.root.style.left = `${Math.max(4, at.left)}px`;
    this.root.style.top = `${at.bottom + 4}px`;
    this.root.hidden = false;
  }

  destroy(): void {
    this.root.remove();
  }

  private button(label: string, testid: string, onClick: () => void, extraClass = ''): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.testid = testid;
    b.className = extraClass;
    b.addEventListener('click', onClick);
    return b;
  }

  private render(finding: PlacedFinding, choice: number): void {
    const t = this.texts();
    this.root.replaceChildren();
    this.root.setAttribute('aria-label', t.popoverLabel);
    const message = document.createElement('p');
    message.className = 'nr-proof-message';
    message.textContent = finding.message[t.language];
    this.root.appendChild(message);
    const suggestions = document.createElement('div');
    suggestions.className = 'nr-proof-suggestions';
    suggestions.setAttribute('role', 'listbox');
    finding.suggestions.forEach((s, i) => {
      const b = this.button(s === '' ? t.remove : s, 'proof-suggestion', () => this.run(applySuggestion(finding, s)), i === choice ? 'chosen' : '');
      b.setAttribute('role', 'option');
      b.setAttribute('aria-selected', String(i === choice));
      suggestions.appendChild(b);
    });
    if (!finding.suggestions.length) suggestions.textContent = t.noSuggestion;
    this.root.appendChild(suggestions);
    const actions = document.createElement('div');
    actions.className = 'nr-proof-actions';
    const sameRule = findingsOf(this.view.state).filter((f) => f.rule === finding.rule && f.suggestions.length > 0).length;
    if (sameRule > 1) actions.append(this.button(t.fixAllOfRule(sameRule), 'proof-fix-rule', () => this.run(applyRuleFixes(finding.rule))));
    actions.append(
      this.button(t.ignoreOnce, 'proof-ignore-once', () => this.dispatch({ type: 'ignore-once', finding })),
      this.button(t.ignoreInArticle, 'proof-ignore-article', () => {
        ignoreInArticle(this.articleId, finding.rule, finding.text);
        this.dispatch({ type: 'refilter', keep: (f) => !(f.rule === finding.rule && f.text === finding.text) });
      }),
    );
    if (finding.category === 'spelling' && finding.rule.startsWith('spelling.'))
      actions.append(
        this.button(t.addToDictionary, 'proof-add-word', () => {
          this.dispatch({ type: 'refilter', keep: (f) => !(f.rule.startsWith('spelling.') && f.text === finding.text) });
          this.checker()?.addPersonalWord(finding.text);
        }),
      );
    this.root.appendChild(actions);
  }

  private dispatch(meta: ProofingMeta): void {
    this.view.dispatch(this.view.state.tr.setMeta(proofingKey, meta));
    this.view.focus();
  }

  private run(command: (s: EditorView['state'], d: EditorView['dispatch']) => boolean): void {
    if (!command(this.view.state, this.view.dispatch)) closePopover(this.view.state, this.view.dispatch);
    this.view.focus();
  }
}
