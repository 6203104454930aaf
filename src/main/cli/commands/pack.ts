import { resolve } from 'node:path';
import { HandoffError, packArticleToFile } from '../../core/handoff';
import { groupFingerprint } from '../../../shared/review/trust';
import { fingerprintOf } from '../../core/trust/ed25519';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

export const pack: Command = {
  name: 'pack',
  usage: 'newsroom pack <id> --out FILE [--to review|desk] [--include-location] [--db PATH]',
  summary: 'Write a handoff package (<slug>.newsroom) for review on another machine',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.args, { out: { type: 'string' }, to: { type: 'string' }, 'include-location': { type: 'boolean' } }, this.usage);
    if (positionals.length !== 1 || !values.out) throw new CliError(`usage: ${this.usage}`, 2);
    const purpose = values.to ?? 'review';
    if (purpose !== 'review' && purpose !== 'desk') throw new CliError('--to must be review or desk', 2);
    const core = ctx.openCore();
    try {
      const [id] = positionals as [string];
      await call(core, 'getArticle', { id }); // a clear "no such article" first
      if (!core.review.people.local()) throw new CliError('this database has no profile yet; make one with: newsroom profile set --name NAME --role reporter|editor|desk, then pack again');
      let built;
      try {
        built = await packArticleToFile(core, id, resolve(values.out), purpose, { includePrivateMetadata: values['include-location'] });
      } catch (err) {
        if (err instanceof HandoffError) throw new CliError(err.message);
        throw err;
      }
      const m = built.manifest.entries;
      ctx.out(`${built.path}  ${built.bytes.length} bytes, ${m.length} entries, sent by ${built.manifest.sender.displayName} (${built.manifest.sender.role})`);
      ctx.out(`signed with key ${groupFingerprint(fingerprintOf(new Uint8Array(Buffer.from(built.manifest.senderKey!, 'base64url'))))}`);
      for (const missing of built.missingMedia) ctx.err(`warning: photo ${missing} is not in this database and was left out`);
      return 0;
    } finally {
      core.close();
    }
  },
};
