import type { BundleResult, ExportJobStatus } from '../../../shared/export';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';
import { exportWordFiles } from './export-word';

function describe(result: BundleResult): string {
  if (result.ok) return `${result.kind === 'publish' ? 'published' : 'preview  '}  ${result.slug}  ${result.path}`;
  const reasons = result.blocking.length ? result.blocking.map((i) => `${i.code} (${i.where})`).join(', ') : (result.message ?? 'failed');
  return `FAILED     ${result.slug || result.id}  ${reasons}`;
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'newsroom export <id…> | --status approved | --all  --out DIR [--zip] [--profile NAME] [--publish] [--override-proofing REASON] [--format bundle|docx] [--db PATH]',
  summary: 'Export articles as publishable bundles (--publish publishes approved ones) or as Word files (--format docx)',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      {
        out: { type: 'string' },
        status: { type: 'string' },
        all: { type: 'boolean' },
        zip: { type: 'boolean' },
        profile: { type: 'string' },
        publish: { type: 'boolean' },
        'override-proofing': { type: 'string' },
        format: { type: 'string' },
      },
      this.usage,
    );
    const format = values.format ?? 'bundle';
    if (format !== 'bundle' && format !== 'docx') throw new CliError(`--format takes "bundle" or "docx", not "${format}"`, 2);
    if (format === 'docx') {
      if (!values.out || !positionals.length || values.status !== undefined || values.all || values.zip || values.publish || values.profile !== undefined) {
        throw new CliError(`--format docx takes article ids and --out DIR only\nusage: ${this.usage}`, 2);
      }
      return exportWordFiles(ctx, positionals, values.out);
    }
    const selectors = [positionals.length > 0, values.status !== undefined, values.all === true].filter(Boolean).length;
    if (!values.out || selectors !== 1) throw new CliError(`give article ids, --status approved or --all, and --out DIR\nusage: ${this.usage}`, 2);
    if (values.status !== undefined && values.status !== 'approved') throw new CliError('--status takes only "approved"', 2);
    const core = ctx.openCore();
    let status: ExportJobStatus;
    try {
      const { jobId } = await call(core, 'startExport', {
        ...(positionals.length ? { ids: positionals } : values.all ? { all: true } : { status: 'approved' as const }),
        outDir: values.out,
        zip: values.zip ?? false,
        profile: values.profile ?? 'default',
        publish: values.publish ?? false,
        ...(values['override-proofing'] !== undefined ? { proofingOverride: values['override-proofing'] } : {}),
      });
      let printed = 0;
      for (;;) {
        status = await call(core, 'exportJob', { jobId });
        for (; printed < status.results.length; printed++) {
          const r = status.results[printed]!;
          (r.ok ? ctx.out : ctx.err)(describe(r));
          if (!r.ok) for (const issue of r.blocking) ctx.err(`  ${issue.severity}: ${issue.message}`);
        }
        if (status.finished) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      core.close();
    }
    if (status.error) throw new CliError(status.error);
    const ok = status.results.filter((r) => r.ok);
    const published = ok.filter((r) => r.kind === 'publish').length;
    const failed = status.results.length - ok.length;
    ctx.out(`${ok.length} exported (${published} published, ${ok.length - published} preview), ${failed} failed${status.indexPath ? `; index ${status.indexPath}` : ''}`);
    return failed ? 1 : 0;
  },
};
