import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { documentToStored } from '../../../shared/document';
import { importPlainText } from '../../core/import/plain-text';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

/** Largest text file the importer reads; a real article is a few hundred KB at most. */
const MAX_TEXT_BYTES = 10 * 1024 * 1024;

function readText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (size > MAX_TEXT_BYTES) throw new CliError(`${file}: too large for a text article (${size} bytes, limit ${MAX_TEXT_BYTES})`);
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file}: not UTF-8 text; nothing was imported`);
  }
  if (text.includes('\0')) throw new CliError(`${file}: looks like a binary file, not text; nothing was imported`);
  return text;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'newsroom import <file…> [--json] [--dry-run] [--db PATH]',
  summary: 'Import plain-text articles (the layout of a saved article page)',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, this.usage);
    if (!positionals.length) throw new CliError(`usage: ${this.usage}`, 2);
    // Read and parse every file before writing any, so one bad file imports nothing half-way.
    const parsed = positionals.map((file) => ({ file, ...importPlainText(readText(file)) }));
    const results: { file: string; id: string | null; report: unknown }[] = [];
    const core = values['dry-run'] ? null : ctx.openCore();
    try {
      for (const p of parsed) {
        const id = core ? (await call(core, 'createArticle', { meta: p.meta, document: documentToStored(p.document) })).meta.id : null;
        results.push({ file: p.file, id, report: p.report });
        if (!values.json) {
          ctx.out(`${id ?? '(dry run)'}  ${basename(p.file)}  "${p.report.headline}"`);
          ctx.out(`  date ${p.report.publishedAt ?? '-'}, agency ${p.report.agencyTag || '-'}, ${p.report.paragraphs} paragraphs, ${p.report.captions.length} captions, byline ${p.report.byline.join(', ') || '-'}`);
          for (const d of p.report.dropped) ctx.out(`  dropped (${d.reason}): ${d.text.slice(0, 80)}`);
          for (const w of p.report.warnings) ctx.out(`  warning: ${w}`);
        }
      }
    } finally {
      core?.close();
    }
    if (values.json) ctx.out(JSON.stringify(results, null, 2));
    return 0;
  },
};
