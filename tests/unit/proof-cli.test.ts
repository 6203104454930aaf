import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/shared/proofing/rules/default-rules';
import { runCli } from '../support/cli';
import { createCore } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';
import { tempDbPerTest } from '../support/temp-per-test';

const temp = tempDbPerTest();
const BIN = join(import.meta.dirname, '../../bin/newsroom.js');

function proofStdin(text: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'proof', '--stdin', '--json', '--db', temp.db, ...args], { input: text, encoding: 'utf8' });
  return { code: r.status, findings: r.status === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>[]) : [], err: r.stderr };
}

describe('newsroom proof --stdin', () => {
  it('prints each finding with its paragraph and UTF-16 offsets, and exits 0', () => {
    const { code, findings } = proofStdin('Mở đầu đúng.\n\n😀 Tooi vieejt bài, sử lý xong.\n');
    expect(code).toBe(0);
    expect(findings).toEqual([
      { part: 'body', paragraph: 1, start: 3, end: 7, text: 'Tooi', rule: 'spelling.keyboard', category: 'spelling', severity: 'warning', message: 'Vietnamese keyboard leftover (Telex/VNI).', suggestions: ['Tôi'] },
      { part: 'body', paragraph: 1, start: 8, end: 14, text: 'vieejt', rule: 'spelling.keyboard', category: 'spelling', severity: 'warning', message: 'Vietnamese keyboard leftover (Telex/VNI).', suggestions: ['việt'] },
      expect.objectContaining({ paragraph: 1, start: 20, end: 25, text: 'sử lý', rule: 'confusables.vi', category: 'spelling', suggestions: ['xử lý'] }),
    ]);
  });

  it('applies the rules file the desk saved beside the database', () => {
    const rules = DEFAULT_RULES.rules.map((r) => ((r as { id: string }).id === 'confusables.vi' ? { ...(r as object), enabled: false } : r));
    writeFileSync(join(temp.dir, 'house-style.json'), JSON.stringify({ ...DEFAULT_RULES, version: 2, rules }));
    const { code, findings } = proofStdin('Sử lý vi phạm.\n');
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });

  it('refuses a damaged rules file with one sentence naming it', () => {
    writeFileSync(join(temp.dir, 'house-style.json'), '{ not json');
    const { code, err } = proofStdin('Sử lý vi phạm.\n');
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('house-style.json cannot be read');
  });
});

describe('newsroom proof <id>', () => {
  it('checks a stored article by part and paragraph, the details panel agency tag included', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const document = documentToStored(createDocument({ headline: 'Tiêu đề đúng', lead: '(BLC) – Năm 2024, tỉnh đổi mới.', paragraphs: ['Đoạn một đúng.', 'Công tác triển khai thưc hiện.'], authors: ['Tiến Thành'] }));
    const created = await core.call('createArticle', { meta: { agencyTag: 'BLC' }, document });
    core.close();
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { meta: { id: string } }).meta.id;
    const r = await runCli(['proof', id, '--json', '--db', temp.db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out) as object[];
    expect(findings).toEqual([
      expect.objectContaining({ id, part: 'lead', paragraph: 0, start: 0, end: 8, rule: 'agency.with-field', severity: 'error', suggestions: [''] }),
      expect.objectContaining({ id, part: 'body', paragraph: 1, start: 20, end: 24, text: 'thưc', suggestions: expect.arrayContaining(['thực']) }),
    ]);
    const text = await runCli(['proof', id, '--db', temp.db]);
    expect(text.out).toMatch(/"thưc" .*→ thức \| thực/);
  });
});
