import { basename, resolve } from 'node:path';
import type { ImportReport } from '../../../shared/import-report';
import { ImportError } from '../../core/import/errors';
import { assemble } from '../../core/import/parsed';
import { readSource } from '../../core/import/read';
import { PROGRESS_FROM_BYTES, sourceBytes, sourceForPath } from '../../core/import/read-paths';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

function describe(report: ImportReport): string[] {
  const lines = [
    `  headline: ${report.headline || '-'}`,
    `  date ${report.publishedAt ?? '-'}, agency ${report.agencyTag || '-'}, ${report.paragraphs} paragraphs, ${report.figures.length} figures, byline ${report.byline.join(', ') || '-'}` +
      (report.encoding ? `, ${report.encoding}` : ''),
  ];
  report.figures.forEach((f, i) =>
    lines.push(`  figure ${i + 1}: ${f.image ?? '(photo awaited)'} — ${f.caption.slice(0, 80) || '(no caption)'}${f.credit ? ` [${f.credit}]` : ''}${f.candidate ? ' (caption by its shape alone: check it is not body text)' : ''}`),
  );
  for (const d of report.dropped) lines.push(`  dropped (${d.reason}): ${d.text.slice(0, 80)}`);
  for (const w of report.warnings) lines.push(`  warning: ${w.message}`);
  return lines;
}

const STAGES: Record<string, string> = { unzip: 'checking the archive', convert: 'converting', structure: 'recognising the parts' };

interface Outcome {
  file: string;
  id: string | null;
  revision: string | null;
  report: ImportReport | null;
  error: string | null;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'newsroom import <file|folder…> [--json] [--dry-run] [--db PATH]',
  summary: 'Import text, Word (.docx) and web-page files, or story folders (one article plus its photos)',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, this.usage);
    if (!positionals.length) throw new CliError(`usage: ${this.usage}`, 2);
    const dryRun = values['dry-run'] ?? false;
    const core = dryRun ? null : ctx.openCore();
    const outcomes: Outcome[] = [];
    try {
      // Each file is all or nothing on its own: a refused file is reported and the others go on.
      for (const arg of positionals) {
        const outcome: Outcome = { file: arg, id: null, revision: null, report: null, error: null };
        try {
          const progress = values.json ? undefined : (e: { name: string; stage: string; fraction: number }) => ctx.err(`${e.name}: ${STAGES[e.stage] ?? e.stage} (${Math.round(e.fraction * 100)}%)`);
          if (!core) {
            // A dry run reads and converts here without opening the database: nothing is stored, so there is no call to make.
            const source = sourceForPath(arg);
            const report = progress && sourceBytes(source) >= PROGRESS_FROM_BYTES ? progress : undefined;
            outcome.report = assemble(await readSource(source, report && ((stage, fraction) => report({ name: source.name, stage, fraction })))).report;
          } else {
            const { items } = await call(core, 'previewImportPaths', { paths: [resolve(arg)] }, { progress });
            const item = items[0];
            if (!item?.importId) throw new ImportError(item?.error ?? `${arg} could not be read`, 'corrupt');
            const committed = await call(core, 'commitImport', { importId: item.importId });
            Object.assign(outcome, { id: committed.articleId, revision: committed.revisionName, report: committed.report });
          }
        } catch (err) {
          if (!(err instanceof ImportError) && !(err instanceof CliError)) throw err;
          outcome.error = err.message;
        }
        outcomes.push(outcome);
        // Left-out running text is said on stderr too, whatever the output format, so a script cannot miss it.
        const loss = outcome.report?.warnings.find((w) => w.code === 'text_left_out');
        if (loss) ctx.err(`newsroom: ${basename(arg)}: ${loss.message}`);
        if (values.json) continue;
        if (outcome.error) ctx.err(`newsroom: ${outcome.error}`);
        else {
          ctx.out(`${outcome.id ?? '(dry run)'}  ${basename(arg)}  "${outcome.report!.headline}"`);
          for (const line of describe(outcome.report!)) ctx.out(line);
        }
      }
    } finally {
      core?.close();
    }
    if (values.json) ctx.out(JSON.stringify(outcomes, null, 2));
    return outcomes.some((o) => o.error) ? 1 : 0;
  },
};
