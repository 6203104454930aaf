import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/core';
import { createDocument, documentToStored } from '../../src/shared/document';
import type { PreflightResult } from '../../src/shared/export';
import { runCli } from '../support/cli';
import { tempDbPerTest } from '../support/temp-per-test';

const temp = tempDbPerTest();

/** An article whose lead repeats the agency tag the details panel adds, as on the page that printed "(BLC) – (BLC) –". */
async function doubledTagArticle(lead = '(BLC) – Năm 2024, tỉnh Lai Châu đổi mới công tác cán bộ.'): Promise<string> {
  const core = createCore({ databasePath: temp.db, host: 'browser' });
  try {
    const document = documentToStored(createDocument({ headline: 'Đổi mới công tác cán bộ', lead, paragraphs: ['Các cấp, ngành tập trung thực hiện.'], authors: ['Tiến Thành'] }));
    const created = await core.call('createArticle', { meta: { agencyTag: 'BLC' }, document });
    if (!created.ok) throw new Error(created.error.message);
    return (created.value as { meta: { id: string } }).meta.id;
  } finally {
    core.close();
  }
}

async function preflight(id: string, proofingOverride?: string): Promise<PreflightResult> {
  const core = createCore({ databasePath: temp.db, host: 'browser' });
  try {
    const r = await core.call('preflightArticle', { id, ...(proofingOverride ? { proofingOverride } : {}) });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as PreflightResult;
  } finally {
    core.close();
  }
}

describe('proofing in preflight', () => {
  it('a lead that repeats the agency tag is a blocking error naming the fix', async () => {
    const id = await doubledTagArticle();
    const r = await preflight(id);
    expect(r.exportable).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'proofing_error', where: 'lead', blocking: true, params: expect.objectContaining({ text: '(BLC) – ', rule: 'agency.with-field' }) })]);
    expect(r.errors[0]!.message).toContain('fix: remove it');
  });

  it('the desk override lists the error without blocking', async () => {
    const id = await doubledTagArticle();
    const r = await preflight(id, 'Tin khẩn, sửa sau');
    expect(r.exportable).toBe(true);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'proofing_error', blocking: false })]);
    expect(r.errors[0]!.message).toContain('Overridden by the desk: Tin khẩn, sửa sau');
  });

  it('a lead without the tag passes', async () => {
    const id = await doubledTagArticle('Năm 2024, tỉnh Lai Châu đổi mới công tác cán bộ.');
    const r = await preflight(id);
    expect(r.errors).toEqual([]);
    expect(r.exportable).toBe(true);
  });

  it('newsroom export writes no bundle until the desk overrides, and then writes it', async () => {
    const id = await doubledTagArticle();
    const out = join(temp.dir, 'out');
    const refused = await runCli(['export', id, '--out', out, '--db', temp.db]);
    expect(refused.code).not.toBe(0);
    expect(refused.out + refused.err).toContain('(BLC) – ');
    expect(existsSync(out) ? readdirSync(out).filter((n) => !n.startsWith('.')) : []).toEqual([]);
    const pf = await runCli(['preflight', id, '--db', temp.db]);
    expect(pf.code).toBe(1);
    expect(pf.out).toContain('proofing_error');
    // Only a desk profile may let it through.
    expect((await runCli(['profile', 'set', '--name', 'Thu Hà', '--initials', 'TH', '--role', 'desk', '--db', temp.db])).code).toBe(0);
    const overridden = await runCli(['export', id, '--out', out, '--override-proofing', 'Tin khẩn, sửa sau', '--db', temp.db]);
    expect(overridden.err).toBe('');
    expect(overridden.code).toBe(0);
    expect(readdirSync(out).some((n) => existsSync(join(out, n, 'index.html')))).toBe(true);
  });
});
