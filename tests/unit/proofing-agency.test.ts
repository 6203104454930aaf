import { englishSpeller, vietnameseSpeller } from '../../src/main/core/proofing/dictionaries';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { createDocument, documentFromStored, documentToStored } from '../../src/shared/document';
import type { PreflightResult } from '../../src/shared/export';
import { defaultProfileTag, printedAgencyTag } from '../../src/shared/proofing/agency';
import { documentParagraphs } from '../../src/shared/proofing/paragraphs';
import { DEFAULT_RULES } from '../../src/shared/proofing/rules/default-rules';
import type { ArticleFinding } from '../../src/shared/proofing/rules/engine';
import { callOk as call } from '../support/calls';
import { runCli } from '../support/cli';
import { tempDbPerTest } from '../support/temp-per-test';

const PROTOCOL = '../../src/renderer/src/editor/plugins/proofing/protocol';
const { ProofingSession } = (await import(PROTOCOL)) as { ProofingSession: new (s: { vi(): unknown; en(): unknown }) => { handle(message: unknown): { findings?: ArticleFinding[] } } };
// The dictionaries as the core loads them (read once per process).
const vi = vietnameseSpeller();
const en = englishSpeller();

const temp = tempDbPerTest();
const LEAD = '(BLC) – Năm 2024, tỉnh Lai Châu đổi mới công tác cán bộ.';

describe('the doubled agency tag when the article’s own field is empty', () => {
  it('preflight, newsroom proof and the editor’s check all take the export profile’s tag, and agree', async () => {
    const core = createCore({ databasePath: temp.db, host: 'browser' });
    const document = documentToStored(createDocument({ headline: 'Đổi mới công tác cán bộ', lead: LEAD, paragraphs: ['Các cấp, ngành tập trung thực hiện.'], authors: ['Tiến Thành'] }));
    const article = await call(core, 'createArticle', { meta: { agencyTag: '' }, document });
    const id = article.meta.id;
    const { items: profiles } = await call(core, 'listPublicationProfiles', {});
    expect(defaultProfileTag(profiles)).toBe('BLC');

    const preflight: PreflightResult = await call(core, 'preflightArticle', { id });
    expect(preflight.errors).toEqual([expect.objectContaining({ code: 'proofing_error', where: 'lead', params: expect.objectContaining({ rule: 'agency.with-field', text: '(BLC) – ' }) })]);

    // The editor's checker asks for exactly this tag, then the worker session checks with it.
    const tag = printedAgencyTag(article.meta.agencyTag, defaultProfileTag(profiles));
    const session = new ProofingSession({ vi: () => vi, en: () => en });
    session.handle({ type: 'configure', rules: DEFAULT_RULES, language: 'vi', newsroomWords: [], personalWords: [] });
    const paragraphs = documentParagraphs(documentFromStored(article.document));
    const editorFindings = session.handle({ type: 'check', id: 1, paragraphs, agencyTag: tag }).findings!.filter((f) => f.severity === 'error');
    expect(editorFindings.map((f) => [f.part, f.rule, f.text])).toEqual([['lead', 'agency.with-field', '(BLC) – ']]);
    core.close();

    const cli = await runCli(['proof', id, '--json', '--db', temp.db]);
    expect(cli.code).toBe(0);
    const fromCli = (JSON.parse(cli.out) as { part: string; rule: string; text: string }[]).filter((f) => f.rule.startsWith('agency.'));
    expect(fromCli.map((f) => [f.part, f.rule, f.text])).toEqual([['lead', 'agency.with-field', '(BLC) – ']]);
  });

  it('the article’s own tag wins; with neither there is nothing to double', () => {
    expect(printedAgencyTag(' TTXVN ', 'BLC')).toBe('TTXVN');
    expect(printedAgencyTag('', ' BLC ')).toBe('BLC');
    expect(printedAgencyTag(undefined, '')).toBe('');
  });
});
