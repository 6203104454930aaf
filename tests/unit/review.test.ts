import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Core } from '../../src/main/core/core';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import { proposeFromTransform } from '../../src/shared/review/suggest';
import { storeFixture, type StoreFixture } from '../support/store-fixture';
import { callOk, findText as find } from '../support/calls';

let fx: StoreFixture;
let core: Core;

const call = <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => callOk(core, name, input);

const failure = (name: CallName, input: unknown) => fx.fail(name, input);

const reporter = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' } as const;

async function newArticle() {
  const doc = createDocument({ headline: 'Từng bước đáp ứng yêu cầu', lead: 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.', paragraphs: ['Cải cách hành chính là nhiệm vụ trọng tâm.'], authors: ['Tiến Thành'] });
  return call('createArticle', { document: documentToStored(doc) });
}

beforeEach(() => ({ core } = fx = storeFixture()));
afterEach(() => fx.cleanup());

describe('profiles', () => {
  it('has none on first run, then keeps one local profile whose id survives edits', async () => {
    expect(await call('getLocalProfile', {})).toBeNull();
    const p = await call('setLocalProfile', { ...reporter });
    const q = await call('setLocalProfile', { ...reporter, role: 'editor', displayName: '  Tiến Thành  ' });
    expect(q.id).toBe(p.id);
    expect(q).toMatchObject({ role: 'editor', displayName: 'Tiến Thành' });
    expect(await call('listProfiles', {})).toHaveLength(1);
  });

  it('refuses bad profiles and review work without a profile', async () => {
    expect((await failure('setLocalProfile', { ...reporter, color: 'red' })).message).toMatch(/colour/);
    expect((await failure('setLocalProfile', { ...reporter, displayName: '   ' })).message).toMatch(/display name/);
    const a = await newArticle();
    expect(await failure('changeStatus', { id: a.meta.id, to: 'submitted' })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/profile/) });
  });
});

describe('workflow', () => {
  it('records who, when and why for each transition and saves a revision', async () => {
    await call('setLocalProfile', { ...reporter });
    const a = await newArticle();
    const r = await call('changeStatus', { id: a.meta.id, to: 'submitted', note: 'Nhờ anh xem giúp' });
    expect(r.status).toBe('submitted');
    expect(r.revision).toBe(a.revision + 1);
    expect((await call('getArticle', { id: a.meta.id })).meta.status).toBe('submitted');
    const log = await call('listTransitions', { id: a.meta.id });
    expect(log).toEqual([expect.objectContaining({ from: 'draft', to: 'submitted', note: 'Nhờ anh xem giúp', overrideReason: null })]);
    const revisions = await call('listRevisions', { articleId: a.meta.id });
    // The timeline finds each move by the revision it made.
    expect(revisions.items[0]).toMatchObject({ reason: 'status', status: 'submitted', articleRevision: log[0]!.revision });
    const list = await call('listArticles', { status: 'submitted' });
    expect(list.items.map((i) => i.id)).toEqual([a.meta.id]);
  });

  it('refuses a reporter approving and lets the desk publish without approval only with a logged reason', async () => {
    await call('setLocalProfile', { ...reporter });
    const a = await newArticle();
    await call('changeStatus', { id: a.meta.id, to: 'submitted' });
    expect(await failure('changeStatus', { id: a.meta.id, to: 'in_edit' })).toMatchObject({ code: 'forbidden' });
    await call('setLocalProfile', { ...reporter, role: 'desk' });
    expect((await failure('changeStatus', { id: a.meta.id, to: 'published' })).message).toMatch(/approved/);
    const r = await call('changeStatus', { id: a.meta.id, to: 'published', overrideReason: 'Tin khẩn của tỉnh' });
    expect(r.transition.overrideReason).toBe('Tin khẩn của tỉnh');
    expect((await call('getArticle', { id: a.meta.id })).meta.publishedAt).not.toBeNull();
  });

  it('spikes and recovers to the state it was in', async () => {
    await call('setLocalProfile', { ...reporter, role: 'editor' });
    const a = await newArticle();
    await call('changeStatus', { id: a.meta.id, to: 'submitted' });
    await call('changeStatus', { id: a.meta.id, to: 'spiked', note: 'Trùng bài' });
    expect((await failure('changeStatus', { id: a.meta.id, to: 'approved' })).code).toBe('forbidden');
    await call('changeStatus', { id: a.meta.id, to: 'submitted' });
    expect((await call('listTransitions', { id: a.meta.id })).map((t) => t.to)).toEqual(['submitted', 'spiked', 'submitted']);
  });
});

describe('comments', () => {
  it('threads, replies, resolves and reopens; lists in document order', async () => {
    const me = await call('setLocalProfile', { ...reporter });
    const a = await newArticle();
    const doc = documentFromStored(a.document);
    const inBody = find(doc, 'nhiệm vụ');
    const inHeadline = find(doc, 'đáp ứng');
    const c1 = await call('addComment', { articleId: a.meta.id, ...inBody, body: 'Nêu rõ nhiệm vụ gì?' });
    const c2 = await call('addComment', { articleId: a.meta.id, ...inHeadline, body: 'Tít dài quá' });
    expect(c2.anchor).toMatchObject({ part: 'headline', quote: 'đáp ứng' });
    const reply = await call('replyToComment', { threadId: c1.id, body: 'Đã sửa' });
    expect(reply).toMatchObject({ threadId: c1.id, anchor: null, authorId: me.id });
    const resolved = await call('resolveComment', { threadId: c1.id, resolved: true });
    expect(resolved.resolvedBy).toBe(me.id);
    expect((await call('resolveComment', { threadId: c1.id, resolved: false })).resolvedAt).toBeNull();
    const list = await call('listComments', { articleId: a.meta.id });
    expect(list.map((c) => c.id)).toEqual([c2.id, c1.id, reply.id]);
  });

  it('re-anchors after the document changes and keeps a comment whose text was deleted as detached', async () => {
    await call('setLocalProfile', { ...reporter });
    const a = await newArticle();
    const doc = documentFromStored(a.document);
    const c1 = await call('addComment', { articleId: a.meta.id, ...find(doc, 'trọng tâm'), body: 'Từ này?' });
    const c2 = await call('addComment', { articleId: a.meta.id, ...find(doc, 'Sở Nội vụ'), body: 'Ghi đầy đủ tên' });
    // Another writer inserts text at the top and deletes the lead's commented words.
    const lead = find(doc, 'Sở Nội vụ ');
    const tr = EditorState.create({ doc }).tr.delete(lead.from, lead.to).insertText('TIN MỚI. ', 1);
    await call('saveArticle', { id: a.meta.id, document: documentToStored(tr.doc) });
    const list = await call('listComments', { articleId: a.meta.id });
    const moved = list.find((c) => c.id === c1.id)!;
    expect(moved.detached).toBe(false);
    expect(tr.doc.textBetween(moved.anchor!.from, moved.anchor!.to)).toBe('trọng tâm');
    const gone = list.find((c) => c.id === c2.id)!;
    expect(gone).toMatchObject({ detached: true, body: 'Ghi đầy đủ tên' });
    expect(gone.anchor!.quote).toBe('Sở Nội vụ');
    expect(list[list.length - 1]!.id).toBe(c2.id);
  });

  it('quotes only the text when the selection runs to the start of the next paragraph', async () => {
    await call('setLocalProfile', { ...reporter });
    const a = await newArticle();
    const doc = documentFromStored(a.document);
    const lead = find(doc, 'Sáng 10/6, Sở Nội vụ tổ chức hội nghị.');
    // A triple-click selects to the start of the next block: the lead's end plus its closing token.
    const c = await call('addComment', { articleId: a.meta.id, from: lead.from, to: lead.to + 2, body: 'Kiểm tra ngày' });
    expect(c.anchor!.quote).toBe('Sáng 10/6, Sở Nội vụ tổ chức hội nghị.');
    expect(c.anchor!.to).toBe(lead.to);
    expect(c.anchor!.part).toBe('lead');
  });

  it('refuses an empty selection and a comment by nobody', async () => {
    const a = await newArticle();
    expect((await failure('addComment', { articleId: a.meta.id, from: 3, to: 5, body: 'x' })).code).toBe('forbidden');
    await call('setLocalProfile', { ...reporter });
    expect((await failure('addComment', { articleId: a.meta.id, from: 3, to: 3, body: 'x' })).message).toMatch(/Select/);
    expect((await failure('addComment', { articleId: a.meta.id, from: 3, to: 5, body: '   ' })).message).toMatch(/empty/);
  });
});

describe('suggestions through the API', () => {
  async function setup() {
    await call('setLocalProfile', { ...reporter, role: 'editor' });
    const a = await newArticle();
    const doc = documentFromStored(a.document);
    const state = EditorState.create({ doc });
    const head = find(doc, 'yêu cầu');
    const body = find(doc, 'trọng tâm');
    const changes = [
      ...proposeFromTransform(doc, state.tr.insertText(' mới', head.to).steps)!,
      ...proposeFromTransform(doc, state.tr.insertText('then chốt', body.from, body.to).steps)!,
    ];
    const created = await call('proposeSuggestions', { articleId: a.meta.id, changes });
    return { a, doc, created };
  }

  it('stores suggestions without touching the document; accept one, reject another, undo the acceptance', async () => {
    const { a, created } = await setup();
    expect((await call('getArticle', { id: a.meta.id })).revision).toBe(a.revision);
    const [head, body] = created;
    const accepted = await call('decideSuggestions', { articleId: a.meta.id, ids: [body!.id], decision: 'accept' });
    expect(accepted.decided).toEqual([body!.id]);
    let current = documentFromStored((await call('getArticle', { id: a.meta.id })).document);
    expect(current.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
    await call('decideSuggestions', { articleId: a.meta.id, ids: [head!.id], decision: 'reject' });
    current = documentFromStored((await call('getArticle', { id: a.meta.id })).document);
    expect(current.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu');
    expect(await call('listSuggestions', { articleId: a.meta.id, status: 'open' })).toEqual([]);
    const undone = await call('undoSuggestionDecision', { id: body!.id });
    expect(undone.suggestion.status).toBe('open');
    current = documentFromStored((await call('getArticle', { id: a.meta.id })).document);
    expect(current.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ trọng tâm.');
    // ... and it can be accepted again
    await call('decideSuggestions', { articleId: a.meta.id, ids: [body!.id], decision: 'accept' });
    current = documentFromStored((await call('getArticle', { id: a.meta.id })).document);
    expect(current.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
  });

  it('replaces a set it is still typing: own open suggestions withdrawn with the new ones in one step, nobody else’s', async () => {
    const { a, doc, created } = await setup();
    const head = find(doc, 'yêu cầu');
    const again = proposeFromTransform(doc, EditorState.create({ doc }).tr.insertText(' mới hơn', head.to).steps)!;
    const replaced = await call('proposeSuggestions', { articleId: a.meta.id, changes: again, withdraw: [created[0]!.id] });
    const open = await call('listSuggestions', { articleId: a.meta.id, status: 'open' });
    expect(open.map((s) => s.id).sort()).toEqual([created[1]!.id, replaced[0]!.id].sort());
    // Withdrawing everything (the text was typed and then undone) needs no new change.
    expect(await call('proposeSuggestions', { articleId: a.meta.id, changes: [], withdraw: [replaced[0]!.id] })).toEqual([]);
    expect((await failure('proposeSuggestions', { articleId: a.meta.id, changes: [] })).code).toBe('invalid_input');
    // Decided, or someone else's: refused, and nothing changes.
    await call('decideSuggestions', { articleId: a.meta.id, ids: [created[1]!.id], decision: 'reject' });
    expect((await failure('proposeSuggestions', { articleId: a.meta.id, changes: again, withdraw: [created[1]!.id] })).code).toBe('forbidden');
    const colleague = { ...reporter, displayName: 'Người khác', id: randomUUID(), createdAt: '2026-11-30T08:00:00+07:00' };
    core.review.people.remember(colleague);
    const theirs = await call('proposeSuggestions', { articleId: a.meta.id, changes: again });
    core.db.prepare('UPDATE review_suggestions SET author_id = ? WHERE id = ?').run(colleague.id, theirs[0]!.id);
    expect((await failure('proposeSuggestions', { articleId: a.meta.id, changes: again, withdraw: [theirs[0]!.id] })).code).toBe('forbidden');
    expect((await call('listSuggestions', { articleId: a.meta.id, status: 'open' })).map((s) => s.id)).toEqual([theirs[0]!.id]);
  });

  it('stores suggested text in NFC, as every other text entering an article', async () => {
    await call('setLocalProfile', { ...reporter, role: 'editor' });
    const a = await newArticle();
    const doc = documentFromStored(a.document);
    const head = find(doc, 'yêu cầu');
    const decomposed = ' mới'.normalize('NFD');
    const [change] = proposeFromTransform(doc, EditorState.create({ doc }).tr.insertText(decomposed, head.to).steps)!;
    expect(JSON.stringify(change!.change)).toContain(decomposed);
    const [stored] = await call('proposeSuggestions', { articleId: a.meta.id, changes: [change!] });
    expect(JSON.stringify(stored!.change)).toContain(' mới'.normalize('NFC'));
    expect(JSON.stringify(stored!.change)).not.toContain(decomposed);
  });

  it('accepts all open suggestions in one revision', async () => {
    const { a } = await setup();
    const r = await call('decideSuggestions', { articleId: a.meta.id, decision: 'accept' });
    expect(r.decided).toHaveLength(2);
    expect(r.revision).toBe(a.revision + 1);
    const current = documentFromStored((await call('getArticle', { id: a.meta.id })).document);
    expect(current.child(0).textContent).toBe('Từng bước đáp ứng yêu cầu mới');
    expect(current.child(2).textContent).toBe('Cải cách hành chính là nhiệm vụ then chốt.');
  });

  it('reports a suggestion whose text is gone and leaves it open; refuses stale proposals', async () => {
    const { a, doc, created } = await setup();
    const body = find(doc, 'nhiệm vụ trọng tâm');
    const tr = EditorState.create({ doc }).tr.delete(body.from, body.to);
    const saved = await call('saveArticle', { id: a.meta.id, document: documentToStored(tr.doc) });
    const r = await call('decideSuggestions', { articleId: a.meta.id, decision: 'accept', baseRevision: saved.revision });
    expect(r.decided).toEqual([created[0]!.id]);
    expect(r.failed).toEqual([{ id: created[1]!.id, reason: expect.stringMatching(/no longer in the article/) }]);
    expect((await call('listSuggestions', { articleId: a.meta.id, status: 'open' })).map((s) => s.id)).toEqual([created[1]!.id]);
    expect((await failure('proposeSuggestions', { articleId: a.meta.id, changes: [{ anchor: created[1]!.anchor, change: created[1]!.change }] })).code).toBe('invalid_input');
  });
});

describe('compare', () => {
  it('returns an inline diff of two documents', async () => {
    const a = createDocument({ headline: 'Tin một', paragraphs: ['Đoạn văn.'] });
    const b = createDocument({ headline: 'Tin hai', paragraphs: ['Đoạn văn.'] });
    const r = await call('compareDocuments', { a: documentToStored(a), b: documentToStored(b) });
    expect(r.changes).toBe(1);
    expect(r.parts[0]!.segments).toEqual([
      { kind: 'same', text: 'Tin ' },
      { kind: 'deleted', text: 'một' },
      { kind: 'inserted', text: 'hai' },
    ]);
  });
});

describe('revision authors', () => {
  it('records the local profile as the author of revisions', async () => {
    await call('setLocalProfile', { ...reporter });
    const a = await newArticle();
    await call('changeStatus', { id: a.meta.id, to: 'submitted' });
    const revisions = await call('listRevisions', { articleId: a.meta.id });
    expect(revisions.items.map((r) => r.author)).toEqual(['Tiến Thành', 'Tiến Thành']);
  });
});
