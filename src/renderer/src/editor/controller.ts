import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { buildNodeViews, buildPlugins } from './setup';
import type { EditorContext } from './context';
import type { PlaceholderTexts } from './placeholders';
import { committedDoc, isSuggesting } from './plugins/suggest/suggest-state';
import { NoProfileError, SuggestMode } from './plugins/suggest/suggest-mode';
import { showEditorNotice } from './plugins/notice';
import { reasonFor } from '../api/error-text';

/**
 * Owns one ProseMirror view for one article. React never re-renders the view:
 * it mounts it once into a DOM node and reads the state through
 * {@link EditorController.subscribe}/{@link EditorController.getState}
 * (`useSyncExternalStore`), so toolbar and status bar follow the editor
 * without touching ProseMirror's DOM.
 */
export class EditorController {
  private view: EditorView | null = null;
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private readonly docListeners = new Set<(doc: PMNode) => void>();
  private readonly linkListeners = new Set<() => void>();
  private placeholderTexts: PlaceholderTexts;
  private focusOnMount = false;
  private readonly suggestMode: SuggestMode;
  /** Suggestions a crash left unstored are looked for once, when the article is first shown. */
  private pendingChecked = false;
  /** True while the article is being left for another: the view takes no input. */
  private frozen = false;

  constructor(
    doc: PMNode,
    private readonly context: EditorContext,
    placeholders: PlaceholderTexts,
  ) {
    this.placeholderTexts = placeholders;
    this.state = EditorState.create({
      doc,
      schema,
      plugins: buildPlugins({
        context,
        placeholders: () => this.placeholderTexts,
        requestLink: () => this.requestLink(),
        toggleSuggesting: () => void this.toggleSuggesting(),
        suggestRefused: () => this.notice(context.t('suggest.refused'), 'suggest-refused'),
      }),
    });
    this.suggestMode = new SuggestMode({
      articleId: context.articleId,
      reviewChanged: () => context.reviewChanged?.(),
      client: context.client,
      getState: () => this.state,
      dispatch: (tr) => {
        if (!this.view) {
          this.state = this.state.apply(tr); // unmounted: the next mount shows it
          return true;
        }
        if (this.view.composing) return false;
        this.view.dispatch(tr);
        return true;
      },
      composing: () => this.view?.composing ?? false,
      saveFirst: () => context.saveNow?.() ?? Promise.resolve(),
      reportError: (err) =>
        err === null
          ? this.notice(context.t('suggest.stored'), 'suggest-store', 4000)
          : this.notice(context.t('suggest.storeFailed', { reason: reasonFor(err, context.t) }), 'suggest-store'),
      reportRecovery: (outcome) =>
        'stored' in outcome
          ? this.notice(context.t('suggest.recovered', { count: outcome.stored }), 'suggest-recovered')
          : this.notice(context.t('suggest.recoverFailed', { reason: reasonFor(outcome.error, context.t) }), 'suggest-recovered'),
    });
  }

  /** Create the view inside `dom`. Called once by the React component. */
  mount(dom: HTMLElement, attributes: Record<string, string>): EditorView {
    if (this.view) this.view.destroy();
    this.view = new EditorView(dom, {
      state: this.state,
      nodeViews: buildNodeViews(this.context),
      attributes: { spellcheck: 'true', ...attributes },
      editable: () => !this.frozen,
      dispatchTransaction: (tr) => this.apply(tr),
    });
    if (this.focusOnMount) {
      this.focusOnMount = false;
      this.view.focus();
    }
    if (this.suggestMode.remembered && !this.suggestMode.active) void this.setSuggesting(true);
    if (!this.pendingChecked) {
      this.pendingChecked = true;
      void this.suggestMode.recoverPending();
    }
    return this.view;
  }

  /**
   * Stop (or resume) taking input: the view turns read-only (ProseMirror then
   * runs no key, input, paste or drop handler), gives up the focus, and commands
   * from toolbar and menus are refused. Set the moment a switch to another
   * article begins, so no keystroke can reach the document being left; its own
   * pending work (suggestions being stored) still completes.
   */
  setFrozen(frozen: boolean): void {
    this.frozen = frozen;
    const view = this.view;
    if (!view) return;
    view.setProps({ editable: () => !this.frozen });
    if (frozen && view.hasFocus()) (view.dom as HTMLElement).blur();
    for (const l of this.listeners) l();
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  /** Take the view off the page (a feature view shows instead); the state stays for the next mount. */
  unmount(): void {
    this.view?.destroy();
    this.view = null;
    this.suggestMode.flush().catch(() => undefined); // stored now rather than left to a timer
  }

  /** The article is closed: unmount for good and stop background work. */
  destroy(): void {
    this.unmount();
    this.suggestMode.dispose();
  }

  private apply(tr: Transaction): void {
    const view = this.view;
    if (!view) return;
    const before = this.state;
    this.state = view.state.apply(tr);
    view.updateState(this.state);
    for (const l of this.listeners) l();
    const committed = committedDoc(this.state);
    const previous = committedDoc(before);
    // Leaving suggest mode reverts to an equal copy of the base: not a change of the article.
    const changed = committed !== previous && !(isSuggesting(before) && !isSuggesting(this.state) && committed.eq(previous));
    if (changed) for (const l of this.docListeners) l(committed);
    this.suggestMode.changed();
  }

  /**
   * The article's document: what autosave stores. While suggesting it is the
   * document as it was when suggest mode began; the editor shows more.
   */
  committedDoc(): PMNode {
    return committedDoc(this.state);
  }

  /** True while edits are recorded as suggestions. */
  get suggesting(): boolean {
    return this.suggestMode.active;
  }

  /**
   * Turn suggest mode on or off. Problems (no profile yet, suggestions that could
   * not be stored) are shown above the text; returns whether the mode changed.
   */
  async setSuggesting(on: boolean): Promise<boolean> {
    try {
      if (on) await this.suggestMode.start();
      else await this.suggestMode.stop();
      for (const l of this.listeners) l();
      return true;
    } catch (err) {
      const t = this.context.t;
      if (err instanceof NoProfileError) this.notice(t('suggest.noProfile'), 'suggest-profile');
      else this.notice(t(on ? 'suggest.startFailed' : 'suggest.stopFailed', { reason: reasonFor(err, t) }), 'suggest-store');
      return false;
    }
  }

  toggleSuggesting(): Promise<boolean> {
    return this.setSuggesting(!this.suggesting);
  }

  /**
   * Store the suggestions being typed and show them as stored ones, staying in
   * suggest mode. Call before anything that sends editor positions to the store or
   * decides suggestions. Rejects when they cannot be stored (nothing is lost).
   */
  settleSuggestions(): Promise<void> {
    return this.suggestMode.settle();
  }

  private notice(message: string, testId: string, timeoutMs = 0): void {
    if (this.view) showEditorNotice(this.view, message, { testId, closeLabel: this.context.t('editorTools.close'), timeoutMs });
  }

  /** Subscribe to every state change (selection or document). For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Current editor state; a new object after every transaction. */
  getState = (): EditorState => this.state;

  /** Called after each change of the document (not of the selection alone). */
  onDocChange(listener: (doc: PMNode) => void): () => void {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  }

  /** The link dialog listens here; Mod-K and the toolbar trigger it. */
  onLinkRequest(listener: () => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  requestLink(): void {
    for (const l of this.linkListeners) l();
  }

  get editorView(): EditorView | null {
    return this.view;
  }

  /** True while an IME composition is in progress: nothing may dispatch into the view then. */
  get composing(): boolean {
    return this.view?.composing ?? false;
  }

  /**
   * Run a command from outside the editor (toolbar, menu). Refused while an IME
   * composition is running, since a dispatch then would break the composition,
   * and while the article is being left ({@link setFrozen}).
   */
  run(command: Command, focus = true): boolean {
    const view = this.view;
    if (!view || view.composing || this.frozen) return false;
    const done = command(view.state, view.dispatch, view);
    if (focus) view.focus();
    return done;
  }

  /** Whether `command` could run now (toolbar enabled state). */
  can(command: Command): boolean {
    return command(this.state);
  }

  /** Focus the editor, now or as soon as it is mounted. */
  focus(): void {
    if (this.frozen) return;
    if (this.view) this.view.focus();
    else this.focusOnMount = true;
  }

  /** Re-label placeholders after the UI language changed. */
  setPlaceholders(texts: PlaceholderTexts): void {
    this.placeholderTexts = texts;
    if (this.view && !this.view.composing) this.view.dispatch(this.view.state.tr.setMeta('placeholders', true).setMeta('addToHistory', false));
  }
}
