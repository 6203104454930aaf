import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ProfileRole } from '../../../shared/review/model';
import { colorFor, initialsOf } from '../../../shared/review/profile-defaults';
import { groupFingerprint } from '../../../shared/review/trust';
import { privateKeyPem } from '../../core/trust/ed25519';
import { ownKeyEntry } from '../../core/trust/key-list';
import { parseCommandArgs } from '../args';
import { call } from '../call';
import { CliError, type Command } from '../command';

const USAGE = [
  'newsroom profile set --name NAME --role reporter|editor|desk [--initials XY] [--color #RRGGBB] [--db PATH]',
  '       newsroom profile show [--json] [--db PATH]',
  '       newsroom profile export-key --out FILE [--db PATH]',
].join('\n');

/** This machine's profile: who signs packages and makes workflow moves from here. */
export const profile: Command = {
  name: 'profile',
  usage: USAGE,
  summary: "Set or show this database's profile (name, role, signing key fingerprint); export its private key to a new file",
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.args,
      { name: { type: 'string' }, role: { type: 'string' }, initials: { type: 'string' }, color: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
      USAGE,
    );
    const [action, ...extra] = positionals;
    if (extra.length || !action) throw new CliError(`usage: ${USAGE}`, 2);
    const core = ctx.openCore();
    try {
      if (action === 'set') {
        const current = await call(core, 'getLocalProfile', {});
        const displayName = values.name ?? current?.displayName;
        const role = values.role ?? current?.role;
        if (!displayName || !role) throw new CliError(`give --name and --role\nusage: ${USAGE}`, 2);
        if (!ProfileRole.safeParse(role).success) throw new CliError('--role must be reporter, editor or desk', 2);
        const saved = await call(core, 'setLocalProfile', {
          displayName,
          role: role as ProfileRole,
          initials: values.initials ?? (values.name || !current ? initialsOf(displayName) : current.initials),
          color: values.color ?? current?.color ?? colorFor(displayName),
        });
        ctx.out(`profile ${current ? 'updated' : 'created'}: ${saved.displayName} (${saved.initials}, ${saved.role})`);
        ctx.out(`key fingerprint: ${groupFingerprint(ownKeyEntry(core)!.fingerprint)}`);
        return 0;
      }
      if (action === 'show') {
        const me = await call(core, 'getLocalProfile', {});
        if (!me) throw new CliError('this database has no profile yet; make one with: newsroom profile set --name NAME --role reporter|editor|desk');
        const fingerprint = ownKeyEntry(core)!.fingerprint;
        if (values.json) ctx.out(JSON.stringify({ ...me, fingerprint }, null, 2));
        else {
          ctx.out(`${me.displayName} (${me.initials}), ${me.role}`);
          ctx.out(`id: ${me.id}`);
          ctx.out(`key fingerprint: ${groupFingerprint(fingerprint)}`);
        }
        return 0;
      }
      if (action === 'export-key') {
        if (!values.out) throw new CliError(`give --out FILE\nusage: ${USAGE}`, 2);
        const me = core.review.people.local();
        if (!me) throw new CliError('this database has no profile yet, so it has no key to export');
        const path = resolve(values.out);
        try {
          // 'wx': never overwrite a file that is already there; 0600: readable by this user only.
          writeFileSync(path, privateKeyPem(core.review.ownKeys.privateKeyForExport(me.id)), { flag: 'wx', mode: 0o600 });
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw new CliError(`${path} already exists; the key was not written (choose a new file name)`);
          throw new CliError(`${path}: the key could not be written (${(err as Error).message})`);
        }
        ctx.out(`private key of ${me.displayName} written to ${path}; keep it secret: anyone holding it can sign packages as you`);
        return 0;
      }
      throw new CliError(`unknown profile action "${action}"\nusage: ${USAGE}`, 2);
    } finally {
      core.close();
    }
  },
};
