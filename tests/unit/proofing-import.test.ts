import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { tempDbPerTest } from '../support/temp-per-test';

const temp = tempDbPerTest();
const upload = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8').toString('base64') });

describe('proofing counts on the import review', () => {
  it('counts each previewed file’s findings by severity', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const preview = await core.call('previewImport', {
        files: [
          upload('sach.txt', 'Đào tạo cán bộ ở Lai Châu\n\nNăm 2024, tỉnh tập trung đào tạo cán bộ.\n\nCác cấp, ngành triển khai thực hiện.\n'),
          upload('loi.txt', 'Đào tạo cán bộ ở Lai Châu\n\nNăm 2024, tỉnh tập trung đào tạo cán bộ.\n\nCơ quan đã sử lý, tiếng vieejt.\n'),
        ],
      });
      if (!preview.ok) throw new Error(preview.error.message);
      const ids = (preview.value as { items: { importId: string }[] }).items.map((i) => i.importId);
      const counts = await Promise.all(ids.map((importId) => core.call('proofImport', { importId })));
      expect(counts.map((c) => (c.ok ? c.value : c.error))).toEqual([
        { errors: 0, warnings: 0, info: 0 },
        { errors: 1, warnings: 1, info: 0 },
      ]);
    } finally {
      core.close();
    }
  });

  it('counts a lead that repeats the tag the export profile prints, as the editor and preflight do', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const preview = await core.call('previewImport', {
        files: [upload('tag.txt', 'Đào tạo cán bộ ở Lai Châu\n\nLai Châu (BLC) – Năm 2024, tỉnh tập trung đào tạo cán bộ.\n\nCác cấp, ngành triển khai thực hiện.\n')],
      });
      if (!preview.ok) throw new Error(preview.error.message);
      const [item] = (preview.value as { items: { importId: string }[] }).items;
      const counts = await core.call('proofImport', { importId: item!.importId });
      expect(counts.ok ? counts.value : counts.error).toEqual({ errors: 1, warnings: 0, info: 0 });
    } finally {
      core.close();
    }
  });

  it('proofText checks decomposed (NFD) text as the NFC text the app stores', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    try {
      const reply = await core.call('proofText', { paragraphs: ['Cơ quan đã sử lý vụ việc.'.normalize('NFD')] });
      if (!reply.ok) throw new Error(reply.error.message);
      const findings = (reply.value as { findings: { rule: string; text: string }[] }).findings;
      expect(findings.filter((f) => f.rule.startsWith('confusables')).map((f) => f.text)).toEqual(['sử lý']);
    } finally {
      core.close();
    }
  });
});
