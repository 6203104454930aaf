import { resolve } from 'node:path';
import type { UnpackResult } from '../../../shared/review/model';
import { groupFingerprint } from '../../../shared/review/trust';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

const OUTCOMES: Record<string, string> = {
  created: 'new article',
  unchanged: 'same version as here; review records merged',
  updated: 'their newer version is now current',
  older: 'this machine has the newer version; kept it, review records merged',
  conflict: 'changed on both machines: their version is kept as a parallel revision, yours is unchanged',
};

/** Who signed the package, as this machine sees it. */
function signerLine(result: UnpackResult): string {
  const { signer, sender } = result;
  if (signer.signature === 'unsigned') return `UNSIGNED: nothing proves it comes from ${sender.displayName} (${sender.role})`;
  const key = groupFingerprint(signer.fingerprint!);
  if (signer.trusted) return `signed by ${signer.trustedAs!.name} (${signer.trustedAs!.role}), trusted key ${key}`;
  return `signed by key ${key}, NOT TRUSTED on this machine (it says ${sender.displayName}, ${sender.role}); if that is right: newsroom trust ${signer.fingerprint} --name "${sender.displayName}" --role ${sender.role}`;
}

export const unpack: Command = {
  name: 'unpack',
  usage: 'newsroom unpack <file.newsroom> [--json] [--db PATH]',
  summary: 'Open a handoff package: bring in the article, its history, comments and suggestions',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { json: { type: 'boolean' } }, this.usage);
    if (positionals.length !== 1) throw new CliError(`usage: ${this.usage}`, 2);
    const [file] = positionals as [string];
    const core = ctx.openCore();
    try {
      const result = await call(core, 'unpackPackageFile', { file: resolve(file) });
      if (values.json) {
        ctx.out(JSON.stringify(result, null, 2));
      } else {
        ctx.out(`${result.articleId}  "${result.headline}"  from ${result.sender.displayName} (${result.sender.role})`);
        ctx.out(`  ${OUTCOMES[result.outcome]}`);
        ctx.out(`  ${signerLine(result)}`);
        ctx.out(`  status here: ${result.status.replace('_', ' ')}`);
        if (result.claimedStatus) {
          ctx.err(`warning: the package claims the article is ${result.claimedStatus}; that does not count here until an editor or the desk on this machine confirms it`);
        }
        const a = result.added;
        ctx.out(`  added ${a.revisions} revisions, ${a.comments} comments, ${a.suggestions} suggestions, ${a.transitions} status changes, ${a.media} photos`);
        const d = result.dictionary;
        if (d.merged) ctx.out(`  newsroom dictionary: ${d.merged} new entr${d.merged === 1 ? 'y' : 'ies'} merged (signed by a key trusted as desk)`);
        if (d.offered) ctx.out(`  newsroom dictionary: ${d.offered} new entr${d.offered === 1 ? 'y' : 'ies'} offered, not merged (the signer is not trusted as desk); see newsroom dictionary list --offered`);
        if (result.conflict) ctx.out(`  conflict ${result.conflict.id}: compare with revision ${result.conflict.revisionId}, then keep yours or take theirs in the app`);
        for (const id of result.missingMedia) ctx.err(`warning: photo ${id} is missing (not in the package nor here)`);
      }
      return result.outcome === 'conflict' ? 4 : 0;
    } finally {
      core.close();
    }
  },
};
