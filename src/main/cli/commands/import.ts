import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ApiError } from '../../../shared/api';
import type { ImportReport } from '../../../shared/import-report';
import { ImportError } from '../../core/import/errors';
import { IMPORT_LIMITS } from '../../core/import/limits';
import { assemble, cleanLine } from '../../core/import/parsed';
import { checkSize, readSource, type ImportSource } from '../../core/import/read';
import type { DocxProgress } from '../../core/import/docx';
import { parseCommandArgs } from '../args';
import { CliError, type Command } from '../command';

/** Files of a story folder (sub-folders included, as a reporter's zip unpacks), checked by size before reading. */
function readFolder(dir: string): ImportSource {
  const files: { path: string; bytes: Uint8Array }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        if (files.length >= IMPORT_LIMITS.folderFiles) throw new ImportError(`${dir} holds more than ${IMPORT_LIMITS.folderFiles} files; a story folder has one article and its photos.`, 'folder');
        const size = statSync(full).size;
        if (size > IMPORT_LIMITS.docxBytes) throw new ImportError(`${entry.name} in ${basename(dir)} is too large to import; nothing was imported.`, 'too_large');
        files.push({ path: cleanLine(relative(dir, full).split('\\').join('/')), bytes: readFileSync(full) });
      }
    }
  };
  walk(dir);
  return { kind: 'folder', name: cleanLine(basename(resolve(dir))), files };
}

/** One argument as an import source; a file's size is checked before it is read. */
function sourceFor(arg: string): ImportSource {
  let stats;
  try {
    stats = statSync(arg);
  } catch {
    throw new ImportError(`${arg}: no such file or folder`, 'empty');
  }
  if (stats.isDirectory()) return readFolder(arg);
  checkSize(basename(arg), stats.size);
  return { kind: 'file', name: cleanLine(basename(arg)), bytes: readFileSync(arg) };
}

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

/** Files above this size report their progress on stderr (a long Word file takes seconds). */
const PROGRESS_FROM_BYTES = 1024 * 1024;
const STAGES = { unzip: 'checking the archive', convert: 'converting', structure: 'recognising the parts' } as const;

function progressFor(source: ImportSource, err: ((line: string) => void) | null): DocxProgress | undefined {
  const size = source.kind === 'file' ? source.bytes.length : source.files.reduce((n, f) => n + f.bytes.length, 0);
  if (!err || size < PROGRESS_FROM_BYTES) return undefined;
  return (stage, fraction) => err(`${source.name}: ${STAGES[stage]} (${Math.round(fraction * 100)}%)`);
}

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
          const source = sourceFor(arg);
          const progress = progressFor(source, values.json ? null : ctx.err);
          if (!core) outcome.report = assemble(await readSource(source, progress)).report;
          else {
            const [item] = await core.imports.preview([source], progress && ((_name, stage, fraction) => progress(stage, fraction)));
            if (!item?.importId) throw new ImportError(item?.error ?? `${arg} could not be read`, 'corrupt');
            const committed = await core.imports.commit(item.importId);
            Object.assign(outcome, { id: committed.articleId, revision: committed.revisionName, report: committed.report });
          }
        } catch (err) {
          if (!(err instanceof ImportError) && !(err instanceof ApiError)) throw err;
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
