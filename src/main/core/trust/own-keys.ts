import type { Database } from 'better-sqlite3';
import { toIsoWithOffset } from '../../../shared/dates';
import { fingerprintOf, generateKeyPair, signBytes } from './ed25519';

export interface OwnKey {
  profileId: string;
  publicKey: Uint8Array;
  fingerprint: string;
}

interface OwnKeyRow {
  profile_id: string;
  public_key: Buffer;
  private_key: Buffer;
  fingerprint: string;
}

/**
 * The local profile's Ed25519 key pair, made when the profile is created (or on
 * first use for a profile made before keys existed). The private key is read only
 * to sign and to export it to a file the user names.
 */
export class OwnKeys {
  constructor(private readonly db: Database) {}

  private row(profileId: string): OwnKeyRow | undefined {
    return this.db.prepare('SELECT * FROM profile_keys WHERE profile_id = ?').get(profileId) as OwnKeyRow | undefined;
  }

  /** The profile's key, made now if it has none yet. */
  ensure(profileId: string): OwnKey {
    let row = this.row(profileId);
    if (!row) {
      const pair = generateKeyPair();
      this.db
        .prepare('INSERT OR IGNORE INTO profile_keys (profile_id, public_key, private_key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(profileId, Buffer.from(pair.publicKey), Buffer.from(pair.privateKeyDer), fingerprintOf(pair.publicKey), toIsoWithOffset(new Date()));
      row = this.row(profileId)!;
    }
    return { profileId, publicKey: new Uint8Array(row.public_key), fingerprint: row.fingerprint };
  }

  /** Is this fingerprint one of this machine's own keys? */
  isOwn(fingerprint: string): boolean {
    return this.db.prepare('SELECT 1 FROM profile_keys WHERE fingerprint = ?').get(fingerprint) !== undefined;
  }

  sign(profileId: string, data: Uint8Array): Uint8Array {
    this.ensure(profileId);
    return signBytes(new Uint8Array(this.row(profileId)!.private_key), data);
  }

  /** The private key itself (PKCS#8 DER), only for writing it to a file the user chose. */
  privateKeyForExport(profileId: string): Uint8Array {
    this.ensure(profileId);
    return new Uint8Array(this.row(profileId)!.private_key);
  }
}
