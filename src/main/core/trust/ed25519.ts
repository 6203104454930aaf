import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

/**
 * Ed25519 with node's built-in crypto. Public keys travel as their raw 32 bytes
 * (the JWK `x`), private keys are kept as PKCS#8 DER.
 */

export interface KeyPair {
  publicKey: Uint8Array;
  privateKeyDer: Uint8Array;
}

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey.export({ format: 'jwk' }).x!),
    privateKeyDer: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
  };
}

const rawPublicKey = (x: string) => new Uint8Array(Buffer.from(x, 'base64url'));

/** The name of a key: SHA-256 of the raw public key, lower-case hex. */
export function fingerprintOf(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

export function signBytes(privateKeyDer: Uint8Array, data: Uint8Array): Uint8Array {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' });
  return new Uint8Array(sign(null, data, key));
}

/** True only for a well-formed 32-byte key whose signature over `data` holds. */
export function verifyBytes(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/** The private key as a PEM file, for `newsroom profile export-key`. */
export function privateKeyPem(privateKeyDer: Uint8Array): string {
  return createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
}
