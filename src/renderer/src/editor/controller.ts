import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import { buildNodeViews, buildPlugins } from './setup';
import type { EditorContext } from './context';
import type { PlaceholderTexts } from './placeholders';

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
      }),
    });
  }

  /** Create the view inside `dom`. Called once by the React component. */
  mount(dom: HTMLElement, attributes: Record<string, string>): EditorView {
    if (this.view) this.view.destroy();
    this.view = new EditorView(dom, {
      state: this.state,
      nodeViews: buildNodeViews(this.context),
      attributes: { spellcheck: 'true', ...attributes },
      dispatchTransaction: (tr) => this.apply(tr),
    });
    if (this.focusOnMount) {
      this.focusOnMount = false;
      this.view.focus();
    }
    return this.view;
  }

  unmount(): void {
    this.view?.destroy();
    this.view = null;
  }

  private apply(tr: Transaction): void {
    const view = this.view;
    if (!view) return;
    this.state = view.state.apply(tr);
    view.updateState(this.state);
    for (const l of this.listeners) l();
    if (tr.docChanged) for (const l of this.docListeners) l(this.state.doc);
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
   * composition is running, since a dispatch then would break the composition.
   */
  run(command: Command, focus = true): boolean {
    const view = this.view;
    if (!view || view.composing) return false;
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
    if (this.view) this.view.focus();
    else this.focusOnMount = true;
  }

  /** Re-label placeholders after the UI language changed. */
  setPlaceholders(texts: PlaceholderTexts): void {
    this.placeholderTexts = texts;
    if (this.view && !this.view.composing) this.view.dispatch(this.view.state.tr.setMeta('placeholders', true).setMeta('addToHistory', false));
  }
}
