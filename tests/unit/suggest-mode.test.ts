import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { EditorState, TextSelection, type Command, type Plugin, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { setBlockType, toggleMark } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../src/shared/schema';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import { applyChange } from '../../src/shared/review/suggest';
import { createCore, type Core } from '../../src/main/core/core';
import { ApiError, type ApiClient } from '../../src/shared/api';
import { callOk, findText } from '../support/calls';
import { tempDir } from '../support/temp';

// Renderer modules are loaded by path: they belong to the web TypeScript project, not this one.
const SUGGEST = '../../src/renderer/src/editor/plugins/suggest/';
const S = (await import(`${SUGGEST}suggest-state`)) as {
  suggestPlugin: (onRefused: () => void) => Plugin;
  suggestKey: { getState(state: EditorState): { active: boolean; steps: readonly unknown[]; storedIds: readonly string[]; decorations: { find(): { from: number; to: number }[] } } };
  committedDoc: (state: EditorState) => PMNode;
  isSuggesting: (state: EditorState) => boolean;
  startSuggestingTr: (state: EditorState, author: { id: string; name: string; color: string }) => Transaction;
  stopSuggestingTr: (state: EditorState) => Transaction;
  suggestUndo: Command;
  suggestRedo: Command;
};
const M = (await import(`${SUGGEST}suggest-mode`)) as {
  SuggestMode: new (host: {
    articleId: string;
    client: ApiClient;
    getState(): EditorState;
    dispatch(tr: Transaction): boolean;
    composing(): boolean;
    saveFirst(): Promise<void>;
    reportError(error: unknown): void;
    reportRecovery(outcome: { stored: number } | { error: unknown }): void;
    reviewChanged(): void;
  }) => {
    start(): Promise<void>;
    stop(): Promise<void>;
    settle(): Promise<void>;
    flush(): Promise<void>;
    changed(): void;
    recoverPending(): Promise<void>;
    dispose(): void;
    active: boolean;
  };
  NoProfileError: new (message: string) => Error;
};

const author = { id: 'p1', name: 'Thu Hà', color: '#9c27b0' };
const article = () =>
  createDocument({ headline: 'Từng bước đáp ứng yêu cầu', lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.', paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.'], authors: ['Tiến Thành'] });

/** An editor state as the app builds it for suggest mode: the suggest plugin before the history. */
function editor(doc = article(), onRefused = () => undefined): EditorState {
  return EditorState.create({ doc, schema, plugins: [S.suggestPlugin(onRefused), history({ newGroupDelay: 700 })] });
}

/** Apply a command, as the view would. */
function run(state: EditorState, command: Command): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

/** Type `text` replacing the first occurrence of `find` (or at its end with `at: 'end'`), `time` ms after the epoch. */
function type(state: EditorState, find: string, text: string, options: { at?: 'end'; time?: number } = {}): EditorState {
  const range = findText(state.doc, find);
  const from = options.at === 'end' ? range.to : range.from;
  const tr = state.tr.insertText(text, from, options.at === 'end' ? range.to : range.to);
  if (options.time !== undefined) tr.setTime(options.time);
  return state.apply(tr);
}

describe('suggest mode in the editor state', () => {
  it('shows edits in the editor while the committed document stays as it was', () => {
    let state = editor();
    const base = state.doc;
    state = state.apply(S.startSuggestingTr(state, author));
    state = type(state, 'trọng tâm', 'then chốt');
    expect(state.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
    expect(S.committedDoc(state)).toBe(base);
    const marks = S.suggestKey.getState(state).decorations.find();
    expect(marks.length).toBeGreaterThanOrEqual(2); // the inserted words and the struck-through old ones
  });

  it('keeps suggested edits out of the history, so undo after leaving never replays one', () => {
    let state = editor();
    state = type(state, 'yêu cầu', ' mới', { at: 'end', time: 1000 }); // a direct edit before suggesting
    state = state.apply(S.startSuggestingTr(state, author));
    state = state.apply(state.tr.delete(findText(state.doc, 'trọng tâm').from, findText(state.doc, 'trọng tâm').to).setTime(5000));
    state = state.apply(S.stopSuggestingTr(state));
    expect(S.isSuggesting(state)).toBe(false);
    expect(state.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ trọng tâm.');
    state = run(state, undo);
    // The direct edit is undone; the suggested deletion does not come back as a direct one.
    expect(state.doc.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu');
    expect(state.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ trọng tâm.');
  });

  it('undo and redo inside suggest mode take back and replay suggested edits in groups', () => {
    let state = editor();
    state = state.apply(S.startSuggestingTr(state, author));
    state = type(state, 'yêu cầu', ' m', { at: 'end', time: 1000 });
    state = type(state, 'yêu cầu m', 'ới', { at: 'end', time: 1200 }); // same group: typed within 700 ms
    state = type(state, 'trọng tâm', 'then chốt', { time: 5000 });
    state = run(state, S.suggestUndo);
    expect(state.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ trọng tâm.');
    expect(state.doc.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu mới');
    state = run(state, S.suggestUndo);
    expect(state.doc.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu');
    expect(S.suggestKey.getState(state).steps).toHaveLength(0);
    // Nothing left to take back: undo stops here instead of reaching the article's history.
    expect(S.suggestUndo(state)).toBe(true);
    state = run(state, S.suggestRedo);
    expect(state.doc.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu mới');
    expect(S.committedDoc(state).child(0).textContent).toBe('Từng bước đáp ứng yêu cầu');
  });

  it('refuses an edit a suggestion cannot express, and says so', async () => {
    const refused = vi.fn();
    let state = editor(article(), refused);
    state = state.apply(S.startSuggestingTr(state, author));
    const inBody = findText(state.doc, 'trọng tâm').from;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inBody)));
    const before = state.doc;
    state = run(state, setBlockType(schema.nodes.heading!, { level: 2 }));
    expect(state.doc).toBe(before);
    await new Promise((r) => setTimeout(r));
    expect(refused).toHaveBeenCalledOnce();
    // Formatting can be suggested.
    const word = findText(state.doc, 'hội nghị');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, word.from, word.to)));
    state = run(state, toggleMark(schema.marks.strong!));
    expect(S.suggestKey.getState(state).steps).toHaveLength(1);
  });

  it('outside suggest mode nothing changes: edits are direct and undoable as usual', () => {
    let state = editor();
    state = type(state, 'trọng tâm', 'then chốt');
    expect(S.committedDoc(state)).toBe(state.doc);
    expect(S.suggestUndo(state)).toBe(false);
  });
});

describe('suggest mode storing suggestions', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let client: ApiClient;
  let state: EditorState;
  let errors: unknown[];
  let mode: InstanceType<typeof M.SuggestMode>;
  let recoveries: unknown[];
  let storage: Map<string, string>;
  const newMode = () =>
    new M.SuggestMode({
      articleId,
      client,
      getState: () => state,
      dispatch: (tr) => {
        state = state.apply(tr);
        return true;
      },
      composing: () => false,
      saveFirst: async () => undefined,
      reportError: (err) => errors.push(err),
      reportRecovery: (outcome) => recoveries.push(outcome),
      reviewChanged: () => undefined,
    });
  let articleId: string;
  /** When set, every call fails as if the store were busy. */
  let failing: boolean;

  beforeEach(async () => {
    dir = tempDir();
    core = createCore({ databasePath: join(dir.dir, 'n.db'), host: 'browser' });
    failing = false;
    client = new Proxy({} as ApiClient, {
      get: (_t, name: string) => (input: never) => (failing ? Promise.reject(new ApiError('busy', 'database busy')) : callOk(core, name as never, input)),
    });
    storage = new Map<string, string>();
    recoveries = [];
    vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) });
    const created = await callOk(core, 'createArticle', { document: documentToStored(article()) });
    articleId = created.meta.id;
    state = editor(documentFromStored(created.document));
    errors = [];
    mode = newMode();
  });

  afterEach(() => {
    mode.dispose();
    core.close();
    dir.cleanup();
    vi.unstubAllGlobals();
  });

  const open = () => callOk(core, 'listSuggestions', { articleId, status: 'open' });

  it('needs a profile', async () => {
    await expect(mode.start()).rejects.toBeInstanceOf(M.NoProfileError);
    expect(mode.active).toBe(false);
  });

  it('stores what is typed as one suggestion per edit, replacing the set as typing goes on, and leaves the article untouched', async () => {
    await callOk(core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
    await mode.start();
    state = type(state, 'yêu cầu', ' m', { at: 'end', time: 1000 });
    await mode.flush();
    expect((await open()).map((s) => s.change)).toHaveLength(1);
    state = type(state, 'yêu cầu m', 'ới', { at: 'end', time: 1100 });
    state = type(state, 'trọng tâm', 'then chốt', { time: 1200 });
    await mode.flush();
    const stored = await open();
    expect(stored).toHaveLength(2); // the first set was withdrawn, not kept beside the new one
    expect([...S.suggestKey.getState(state).storedIds].sort()).toEqual(stored.map((s) => s.id).sort());
    const saved = documentFromStored((await callOk(core, 'getArticle', { id: articleId })).document);
    expect(saved.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu');
    // Accepting them gives exactly what was typed.
    let accepted = saved;
    for (const s of stored) accepted = applyChange(accepted, s).transform.doc;
    expect(accepted.eq(state.doc)).toBe(true);

    // Leaving the mode takes the local edits back; the stored suggestions stay.
    await mode.stop();
    expect(state.doc.eq(saved)).toBe(true);
    expect(await open()).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('withdraws its suggestions when the typing is undone', async () => {
    await callOk(core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
    await mode.start();
    state = type(state, 'trọng tâm', 'then chốt', { time: 1000 });
    await mode.flush();
    expect(await open()).toHaveLength(1);
    state = run(state, S.suggestUndo);
    await mode.flush();
    expect(await open()).toEqual([]);
  });

  it('keeps the mode and the text when storing fails, and reports it', async () => {
    await callOk(core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
    await mode.start();
    state = type(state, 'trọng tâm', 'then chốt', { time: 1000 });
    failing = true;
    await expect(mode.stop()).rejects.toThrow(/busy/);
    expect(mode.active).toBe(true);
    expect(state.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
    expect(errors).toHaveLength(1);
    // Once the store answers again, leaving works and the suggestion is there.
    failing = false;
    await mode.stop();
    expect(mode.active).toBe(false);
    expect(await open()).toHaveLength(1);
    expect(errors.at(-1)).toBeNull();
  });

  it('settle stores, shows them as stored suggestions and stays in suggest mode on a fresh base', async () => {
    await callOk(core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
    await mode.start();
    state = type(state, 'trọng tâm', 'then chốt', { time: 1000 });
    await mode.settle();
    expect(mode.active).toBe(true);
    expect(S.suggestKey.getState(state).steps).toHaveLength(0);
    expect(state.doc.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ trọng tâm.');
    state = type(state, 'yêu cầu', ' mới', { at: 'end', time: 5000 });
    await mode.flush();
    expect(await open()).toHaveLength(2); // the settled one is not withdrawn by the next set
  });

  it('keeps what a crash would lose in local storage and stores it when the article opens again', async () => {
    await callOk(core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
    await mode.start();
    state = type(state, 'trọng tâm', 'then chốt', { time: 1000 });
    await mode.flush();
    state = type(state, 'yêu cầu', ' mới', { at: 'end', time: 5000 });
    mode.changed();
    await new Promise((r) => setTimeout(r, 400)); // the copy is kept; the store (800 ms) has not run
    mode.dispose(); // the page dies here
    expect(await open()).toHaveLength(1);
    expect([...storage.keys()].some((k) => k.startsWith('newsroom.suggest-pending.'))).toBe(true);

    const reopened = newMode();
    await reopened.recoverPending();
    const stored = await open();
    expect(stored).toHaveLength(2); // the earlier set was replaced by the kept one, not doubled
    expect(recoveries).toEqual([{ stored: 2 }]);
    expect([...storage.keys()].some((k) => k.startsWith('newsroom.suggest-pending.'))).toBe(false);
    await reopened.recoverPending(); // nothing left: nothing happens
    expect(recoveries).toHaveLength(1);
    reopened.dispose();
  });

  it('keeps nothing for a crash once what was typed is taken back', async () => {
    await callOk(core, 'setLocalProfile', { displayName: 'Thu Hà', initials: 'TH', role: 'editor', color: '#9c27b0' });
    await mode.start();
    state = type(state, 'trọng tâm', 'then chốt', { time: 1000 });
    mode.changed();
    await new Promise((r) => setTimeout(r, 400));
    expect([...storage.keys()].some((k) => k.startsWith('newsroom.suggest-pending.'))).toBe(true);
    state = run(state, S.suggestUndo);
    await mode.flush();
    expect([...storage.keys()].some((k) => k.startsWith('newsroom.suggest-pending.'))).toBe(false);
    const reopened = newMode();
    await reopened.recoverPending();
    expect(recoveries).toEqual([]);
    expect(await open()).toEqual([]);
    reopened.dispose();
  });
});
