import { ProfileRole } from '../../../shared/review/model';
import { Fingerprint, groupFingerprint, type KnownKey } from '../../../shared/review/trust';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

const USAGE = [
  'newsroom trust <fingerprint> --name NAME --role reporter|editor|desk [--db PATH]',
  '       newsroom trust --list [--json] [--db PATH]',
  '       newsroom trust --revoke <fingerprint> [--db PATH]',
].join('\n');

function describe(k: KnownKey): string {
  const who = k.kind === 'seen' ? `not trusted; packages say ${k.claimedName ?? '?'} (${k.claimedRole ?? '?'})` : `${k.name} (${k.role})`;
  return `${k.kind.padEnd(7)}  ${groupFingerprint(k.fingerprint)}  ${who}`;
}

/** Which colleagues' keys this machine trusts: only the user sets this, never a package. */
export const trust: Command = {
  name: 'trust',
  usage: USAGE,
  summary: 'Trust a colleague\u2019s signing key (by fingerprint), list known keys, or revoke trust',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      { name: { type: 'string' }, role: { type: 'string' }, list: { type: 'boolean' }, revoke: { type: 'boolean' }, json: { type: 'boolean' } },
      USAGE,
    );
    // A fingerprint may be typed in its groups: `trust 3f2a 9c01 … --name …`.
    const typed = positionals.join('');
    const core = ctx.openCore();
    try {
      if (values.list) {
        if (typed) throw new CliError(`usage: ${USAGE}`, 2);
        const { own, keys } = await call(core, 'listKeys', {});
        if (values.json) ctx.out(JSON.stringify({ own, keys }, null, 2));
        else {
          if (own) ctx.out(describe(own));
          for (const k of keys) ctx.out(describe(k));
          if (!own && !keys.length) ctx.out('no keys yet: set a profile (newsroom profile set) and open signed packages');
        }
        return 0;
      }
      const fingerprint = Fingerprint.safeParse(typed);
      if (!fingerprint.success) throw new CliError(`${typed ? `"${typed.slice(0, 80)}": ` : ''}a key fingerprint is 64 hexadecimal digits (spaces allowed)\nusage: ${USAGE}`, 2);
      if (values.revoke) {
        const left = await call(core, 'untrustKey', { fingerprint: fingerprint.data });
        ctx.out(`no longer trusted: ${groupFingerprint(fingerprint.data)}${left ? ' (still listed as seen)' : ''}`);
        return 0;
      }
      if (!values.name || !values.role) throw new CliError(`give --name and --role for the key's owner\nusage: ${USAGE}`, 2);
      if (!ProfileRole.safeParse(values.role).success) throw new CliError('--role must be reporter, editor or desk', 2);
      const key = await call(core, 'trustKey', { fingerprint: fingerprint.data, name: values.name, role: values.role as ProfileRole });
      ctx.out(`trusted: ${describe(key)}`);
      return 0;
    } finally {
      core.close();
    }
  },
};
