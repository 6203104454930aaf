import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Core } from '../../src/main/core/core';
import { buildPackage, unpackBytes } from '../../src/main/core/handoff';
import { rulesPathFor } from '../../src/main/core/proofing/rules-file';
import { createDocument, documentToStored } from '../../src/shared/document';
import { DEFAULT_RULES } from '../../src/shared/proofing/rules/default-rules';
import { machines, type Machines } from '../support/machines';
import { callOk as call } from '../support/calls';
import { runCli } from '../support/cli';

let fleet: Machines;
let dir: string;
const open = (name: string): Core => fleet.open(name);
const dbOf = (name: string) => join(dir, `${name}.db`);

beforeEach(() => ({ dir } = fleet = machines()));
afterEach(() => fleet.cleanup());

const REPORTER = { displayName: 'Tiến Thành', initials: 'TT', role: 'reporter', color: '#1a7f5a' } as const;
const DESK = { displayName: 'Thu Hà', initials: 'TH', role: 'desk', color: '#2f5fa8' } as const;
const OTHER_DESK = { displayName: 'Quang Huy', initials: 'QH', role: 'desk', color: '#884422' } as const;

/** A loanword the paper prints that neither word list knows: flagged until a dictionary has it. */
const NAME = 'homestay';
const flagged = async (core: Core) => (await call(core, 'proofText', { paragraphs: [`Khách nghỉ ở ${NAME} của bản.`] })).findings.some((f) => f.category === 'spelling' && f.text === NAME);

async function article(core: Core): Promise<string> {
  const doc = createDocument({ headline: 'Bản mới', lead: 'Sáng nay.', paragraphs: ['Một đoạn.'], authors: ['Tiến Thành'] });
  return (await call(core, 'createArticle', { document: documentToStored(doc) })).meta.id;
}

const words = async (core: Core) => (await call(core, 'listNewsroomDictionary', {})).entries.map((e) => e.word);
const offered = async (core: Core) => (await call(core, 'listNewsroomDictionary', {})).offered.map((e) => `${e.word} (${e.offeredBy})`);

describe('the newsroom dictionary in the store', () => {
  it('starts with the paper’s default list: Lai Châu’s districts, communes, ethnic groups and Giàng A Chớ', async () => {
    const core = open('a');
    const all = await words(core);
    for (const w of ['Tam Đường', 'Mường Tè', 'Nậm Nhùn', 'Pa Vây Sử', 'Mông', 'Dao', 'Hà Nhì', 'Giàng A Chớ']) expect(all).toContain(w);
    const row = core.db.prepare("SELECT kind, added_by FROM newsroom_words WHERE word = 'Hà Nhì'").get();
    expect(row).toEqual({ kind: 'ethnic', added_by: null });
  });

  it('the desk adds and removes a name from the API; every check then knows it, or flags it again', async () => {
    const core = open('a');
    await call(core, 'setLocalProfile', DESK);
    expect(await flagged(core)).toBe(true);
    const added = await call(core, 'addNewsroomWord', { word: '  homestay ', kind: 'word' });
    expect(added).toMatchObject({ word: 'homestay', kind: 'word', addedBy: 'Thu Hà' });
    expect(await flagged(core)).toBe(false);
    await call(core, 'addNewsroomWord', { word: 'Nậm   Xe', kind: 'place' });
    expect((await call(core, 'listNewsroomDictionary', { query: 'NẬM X' })).entries.map((e) => e.word)).toEqual(['Nậm Xe']);
    expect(await call(core, 'removeNewsroomWord', { word: 'homestay' })).toEqual({ removed: true });
    expect(await flagged(core)).toBe(true);
    expect(await call(core, 'removeNewsroomWord', { word: 'homestay' })).toEqual({ removed: false });
  });

  it('only a desk profile may edit; a reporter reads it and is refused with a sentence, nothing changed', async () => {
    const core = open('a');
    await call(core, 'setLocalProfile', REPORTER);
    expect((await call(core, 'listNewsroomDictionary', {})).canEdit).toBe(false);
    const r = await core.call('addNewsroomWord', { word: NAME });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Only a desk profile may change the newsroom dictionary/) } });
    const removal = await core.call('removeNewsroomWord', { word: 'Mông' });
    expect(removal.ok).toBe(false);
    expect(await words(core)).toContain('Mông');
    expect(await words(core)).not.toContain(NAME);
  });

  it('an empty entry is refused with a sentence', async () => {
    const core = open('a');
    await call(core, 'setLocalProfile', DESK);
    const r = await core.call('addNewsroomWord', { word: '   ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a rules file from before the move gives its dictionary to the store once and loses nothing else', async () => {
    const first = open('a');
    first.close();
    const path = rulesPathFor(dbOf('a'));
    const legacy = { ...DEFAULT_RULES, version: 4, dictionary: [NAME, 'Mông'] };
    writeFileSync(path, JSON.stringify(legacy));
    const core = open('a');
    expect(await words(core)).toContain(NAME);
    const after = JSON.parse(readFileSync(path, 'utf8'));
    expect(after.dictionary).toBeUndefined();
    expect(after.version).toBe(4);
    expect(after.rules).toHaveLength(DEFAULT_RULES.rules.length);
  });
});

describe('newsroom dictionary on the command line', () => {
  it('add, list, remove as the desk; a reporter is refused', async () => {
    open('a').close();
    expect((await runCli(['profile', 'set', '--name', 'Thu Hà', '--initials', 'TH', '--role', 'desk', '--db', dbOf('a')])).code).toBe(0);
    const add = await runCli(['dictionary', 'add', 'Nậm Xe', 'Sì Thầu Chải', '--kind', 'place', '--db', dbOf('a')]);
    expect(add).toMatchObject({ code: 0, out: 'added: Nậm Xe (place)\nadded: Sì Thầu Chải (place)' });
    const list = await runCli(['dictionary', 'list', 'nậm', '--db', dbOf('a')]);
    expect(list.out.split('\n')).toEqual(['Nậm Nhùn\tplace', 'Nậm Xe\tplace\tThu Hà']);
    const removed = await runCli(['dictionary', 'remove', 'Nậm Xe', 'Không Có', '--db', dbOf('a')]);
    expect(removed).toMatchObject({ code: 3, out: 'removed: Nậm Xe', err: 'not in the dictionary: Không Có' });
    expect((await runCli(['dictionary', 'list', 'nậm', '--db', dbOf('a')])).out).toBe('Nậm Nhùn\tplace');
    expect((await runCli(['profile', 'set', '--name', 'Tiến Thành', '--initials', 'TT', '--role', 'reporter', '--db', dbOf('a')])).code).toBe(0);
    const refused = await runCli(['dictionary', 'add', 'Nậm Xe', '--db', dbOf('a')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Only a desk profile may change the newsroom dictionary/);
  });
});

describe('the newsroom dictionary travels with handoff packages', () => {
  it('a package carries the sender’s entries; a receiver that trusts the signer as desk merges them', async () => {
    const sender = open('desk-a');
    await call(sender, 'setLocalProfile', DESK);
    await call(sender, 'addNewsroomWord', { word: NAME, kind: 'word' });
    const pkg = await buildPackage(sender, await article(sender));
    const carried = JSON.parse(strFromU8(unzipSync(pkg.bytes)['dictionary.json']!));
    expect(carried).toContainEqual({ word: NAME, kind: 'word' });

    const receiver = open('desk-b');
    await call(receiver, 'setLocalProfile', OTHER_DESK);
    await call(receiver, 'trustKey', { fingerprint: (await call(sender, 'listKeys', {})).own!.fingerprint, name: 'Thu Hà', role: 'desk' });
    expect(await flagged(receiver)).toBe(true);
    const result = await unpackBytes(receiver, pkg.bytes);
    expect(result.dictionary).toEqual({ merged: 1, offered: 0 });
    expect(await words(receiver)).toContain(NAME);
    expect(await offered(receiver)).toEqual([]);
    expect(await flagged(receiver)).toBe(false);
    const row = receiver.db.prepare('SELECT kind, added_by FROM newsroom_words WHERE word = ?').get(NAME);
    expect(row).toEqual({ kind: 'word', added_by: 'Thu Hà' });
  });

  it('from a signer not trusted as desk the entries are only offered; the desk accepts or declines them', async () => {
    const sender = open('reporter');
    await call(sender, 'setLocalProfile', REPORTER);
    // A reporter's store may hold words the desk never approved (here written straight to its own database).
    sender.db.prepare("INSERT INTO newsroom_words (word, kind, added_by, added_at) VALUES (?, 'place', 'Tiến Thành', '2026-01-01T00:00:00Z'), ('Pú Đao', 'place', 'Tiến Thành', '2026-01-01T00:00:00Z')").run(NAME);
    const pkg = await buildPackage(sender, await article(sender));

    const desk = open('desk');
    await call(desk, 'setLocalProfile', DESK);
    // Trusted, but only as a reporter: still not the desk's word.
    await call(desk, 'trustKey', { fingerprint: (await call(sender, 'listKeys', {})).own!.fingerprint, name: 'Tiến Thành', role: 'reporter' });
    const result = await unpackBytes(desk, pkg.bytes);
    expect(result.dictionary).toEqual({ merged: 0, offered: 2 });
    expect(await words(desk)).not.toContain(NAME);
    expect(await offered(desk)).toEqual(['homestay (Tiến Thành)', 'Pú Đao (Tiến Thành)']);
    expect(await flagged(desk)).toBe(true);

    expect(await call(desk, 'decideOfferedWords', { words: [NAME], accept: true })).toEqual({ accepted: 1, declined: 0 });
    expect(await call(desk, 'decideOfferedWords', { words: ['Pú Đao'], accept: false })).toEqual({ accepted: 0, declined: 1 });
    expect(await words(desk)).toContain(NAME);
    expect(await words(desk)).not.toContain('Pú Đao');
    expect(await offered(desk)).toEqual([]);
  });

  it('an unsigned package’s entries are offered, never merged', async () => {
    const sender = open('desk-a');
    await call(sender, 'setLocalProfile', DESK);
    await call(sender, 'addNewsroomWord', { word: NAME, kind: 'place' });
    const files = unzipSync((await buildPackage(sender, await article(sender))).bytes);
    delete files['signature.json'];
    const { zipSync } = await import('fflate');
    const receiver = open('desk-b');
    await call(receiver, 'setLocalProfile', OTHER_DESK);
    const result = await unpackBytes(receiver, zipSync(files));
    expect(result.signer.signature).toBe('unsigned');
    expect(result.dictionary).toEqual({ merged: 0, offered: 1 });
    expect(await words(receiver)).not.toContain(NAME);
  });

  it('a package made before the dictionary travelled opens as before', async () => {
    const sender = open('desk-a');
    await call(sender, 'setLocalProfile', DESK);
    const files = unzipSync((await buildPackage(sender, await article(sender))).bytes);
    delete files['signature.json'];
    delete files['dictionary.json'];
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    manifest.entries = manifest.entries.filter((e: { name: string }) => e.name !== 'dictionary.json');
    const { strToU8, zipSync } = await import('fflate');
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const receiver = open('desk-b');
    await call(receiver, 'setLocalProfile', OTHER_DESK);
    const result = await unpackBytes(receiver, zipSync(files));
    expect(result).toMatchObject({ outcome: 'created', dictionary: { merged: 0, offered: 0 } });
  });
});
