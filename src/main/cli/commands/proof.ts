import { readFileSync } from 'node:fs';
import { documentFromStored } from '../../../shared/document';
import { textParagraphs } from '../../../shared/proofing/paragraphs';
import type { ArticleFinding } from '../../../shared/proofing/rules/engine';
import { defaultProfileTag, printedAgencyTag } from '../../../shared/proofing/agency';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

/** The JSON shape of one finding: offsets in UTF-16 code units within the paragraph, the English message. */
function toJson(f: ArticleFinding, id?: string) {
  return {
    ...(id ? { id } : {}),
    part: f.part,
    paragraph: f.paragraph,
    start: f.start,
    end: f.end,
    text: f.text,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: f.message.en,
    suggestions: f.suggestions,
  };
}

function toLine(f: ArticleFinding): string {
  const fix = f.suggestions.length ? ` → ${f.suggestions.map((s) => (s === '' ? '(remove)' : s)).join(' | ')}` : '';
  return `  ${f.part} ${f.paragraph + 1}:${f.start + 1}  ${f.severity}  "${f.text}"  ${f.message.en} [${f.rule}]${fix}`;
}

function readStdinText(): string {
  const bytes = readFileSync(0);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return text.replace(/^\uFEFF/, '').normalize('NFC');
}

export const proofCommand: Command = {
  name: 'proof',
  usage: 'newsroom proof <id…> [--json] | newsroom proof --stdin [--lang vi|en] [--agency TAG] [--json] [--db PATH]',
  summary: 'Check spelling and house style; --stdin reads UTF-8 text, each non-empty line one body paragraph',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      { json: { type: 'boolean' }, stdin: { type: 'boolean' }, lang: { type: 'string' }, agency: { type: 'string' } },
      this.usage,
    );
    if (values.stdin === (positionals.length > 0)) throw new CliError(`usage: ${this.usage}`, 2);
    const results: { id?: string; findings: ArticleFinding[] }[] = [];
    let text = '';
    if (values.stdin) {
      try {
        text = readStdinText();
      } catch {
        throw new CliError('standard input is not UTF-8 text');
      }
    }
    // The store holds the newsroom dictionary, so even --stdin checks open it.
    const core = ctx.openCore();
    try {
      if (values.stdin) results.push({ findings: core.proofing.proofParagraphs(textParagraphs(text), values.lang ?? 'vi', values.agency ?? '') });
      else {
        const { items: profiles } = await call(core, 'listPublicationProfiles', {});
        const profileTag = defaultProfileTag(profiles);
        for (const id of positionals) {
          const article = await call(core, 'getArticle', { id });
          const doc = documentFromStored(article.document);
          results.push({ id, findings: core.proofing.proofDocument(doc, article.meta.language ?? 'vi', printedAgencyTag(article.meta.agencyTag, profileTag)) });
        }
      }
    } finally {
      core.close();
    }
    if (values.json) {
      ctx.out(JSON.stringify(results.flatMap((r) => r.findings.map((f) => toJson(f, r.id))), null, 2));
      return 0;
    }
    for (const r of results) {
      ctx.out(`${r.id ?? 'stdin'}  ${r.findings.length} finding(s)`);
      for (const f of r.findings) ctx.out(toLine(f));
    }
    return 0;
  },
};
