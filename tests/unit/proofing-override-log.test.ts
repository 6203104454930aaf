import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import { createExportService } from '../../src/main/core/export/handlers';
import { createDocument, documentToStored } from '../../src/shared/document';
import { callOk as call } from '../support/calls';
import { runCli } from '../support/cli';
import { tempDbPerTest } from '../support/temp-per-test';

const temp = tempDbPerTest();
const DESK = { displayName: 'Thu Hà', initials: 'TH', role: 'desk', color: '#2f5fa8' } as const;
const REASON = 'Tin khẩn, sửa sau';

/** An article whose lead repeats the agency tag the details panel adds: a proofing error that blocks until overridden. */
async function doubledTag(core: Core): Promise<string> {
  const document = documentToStored(createDocument({ headline: 'Đổi mới công tác cán bộ', lead: '(BLC) – Năm 2024, tỉnh Lai Châu đổi mới công tác cán bộ.', paragraphs: ['Các cấp, ngành tập trung thực hiện.'], authors: ['Tiến Thành'] }));
  return (await call(core, 'createArticle', { meta: { agencyTag: 'BLC' }, document })).meta.id;
}

describe('proofing overrides are logged in the article’s history', () => {
  it('an export past proofing errors records who, the reason and the findings; a refused one records nothing', async () => {
    let core = createCore({ databasePath: temp.db, host: 'browser' });
    await call(core, 'setLocalProfile', DESK);
    const id = await doubledTag(core);
    core.close();
    const out = join(temp.dir, 'out');
    expect((await runCli(['export', id, '--out', out, '--db', temp.db])).code).not.toBe(0);
    core = createCore({ databasePath: temp.db, host: 'browser' });
    expect(await call(core, 'listProofingOverrides', { id })).toEqual([]);
    core.close();
    expect((await runCli(['export', id, '--out', out, '--override-proofing', `  ${REASON} `, '--db', temp.db])).code).toBe(0);
    core = createCore({ databasePath: temp.db, host: 'browser' });
    const log = await call(core, 'listProofingOverrides', { id });
    expect(log).toEqual([
      expect.objectContaining({ articleId: id, kind: 'preview', reason: REASON, profileName: 'Thu Hà', findings: [{ part: 'lead', rule: 'agency.with-field', text: '(BLC) – ' }] }),
    ]);
    expect(log[0]!.revision).toBe((await call(core, 'getArticle', { id })).revision);
    core.close();
  });

  it('publishing an approved article past proofing errors logs a publish override beside the status move', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      await call(core, 'setLocalProfile', DESK);
      const id = await doubledTag(core);
      for (const to of ['submitted', 'in_edit', 'approved'] as const) await call(core, 'changeStatus', { id, to });
      const service = createExportService(core);
      const profile = service.profiles.get('default');
      const refused = await service.exportArticle(id, { outDir: join(temp.dir, 'out'), zip: false, profile, publish: true });
      expect(refused.ok).toBe(false);
      const done = await service.exportArticle(id, { outDir: join(temp.dir, 'out'), zip: false, profile, publish: true, proofingOverride: REASON });
      expect(done.ok).toBe(true);
      const article = await call(core, 'getArticle', { id });
      expect(article.meta.status).toBe('published');
      expect(await call(core, 'listProofingOverrides', { id })).toEqual([expect.objectContaining({ kind: 'publish', reason: REASON, revision: article.revision, findings: [expect.objectContaining({ rule: 'agency.with-field' })] })]);
    } finally {
      core.close();
    }
  });

  it('only the desk may export past proofing errors: a reporter’s reason is refused with a sentence, nothing written or logged', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      await call(core, 'setLocalProfile', { ...DESK, displayName: 'Tiến Thành', role: 'reporter' });
      const id = await doubledTag(core);
      const service = createExportService(core);
      const out = join(temp.dir, 'out');
      const refused = await service.exportArticle(id, { outDir: out, zip: false, profile: service.profiles.get('default'), publish: false, proofingOverride: REASON });
      expect(refused).toMatchObject({ ok: false, message: 'only a desk profile may export past proofing errors; fix them, or ask the desk' });
      expect(existsSync(join(out, refused.slug))).toBe(false);
      expect(await call(core, 'listProofingOverrides', { id })).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('a reason given for an article without proofing errors logs nothing', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const document = documentToStored(createDocument({ headline: 'Đổi mới', lead: 'Năm 2024, tỉnh Lai Châu đổi mới.', paragraphs: ['Các cấp thực hiện.'], authors: ['Tiến Thành'] }));
      const id = (await call(core, 'createArticle', { document })).meta.id;
      const service = createExportService(core);
      const done = await service.exportArticle(id, { outDir: join(temp.dir, 'out'), zip: false, profile: service.profiles.get('default'), publish: false, proofingOverride: REASON });
      expect(done.ok).toBe(true);
      expect(await call(core, 'listProofingOverrides', { id })).toEqual([]);
    } finally {
      core.close();
    }
  });
});
