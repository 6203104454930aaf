import { resolve } from 'node:path';
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
      const built = await call(core, 'packArticleToFile', { id, file: resolve(values.out), purpose, includePrivateMetadata: values['include-location'] });
      ctx.out(`${built.file}  ${built.bytes} bytes, ${built.entries} entries, sent by ${built.sender.displayName} (${built.sender.role})`);
      if (built.senderKey) ctx.out(`signed with key ${groupFingerprint(fingerprintOf(new Uint8Array(Buffer.from(built.senderKey, 'base64url'))))}`);
      for (const missing of built.missingMedia) ctx.err(`warning: photo ${missing} is not in this database and was left out`);
      return 0;
    } finally {
      core.close();
    }
  },
};
