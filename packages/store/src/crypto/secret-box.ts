import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { StoreError } from '../store-error.js';

/**
 * Ciphertext format, version 1: `v1.<key id>.<iv>.<ciphertext and tag>`, the last two base64url.
 * - The master secret goes through scrypt (N=2^15, r=8, p=1, a fixed salt naming the format), so a short or
 *   guessable master secret still costs an attacker a memory-hard step per guess; HKDF-SHA256 then derives the
 *   AES-256-GCM key and, separately, a 4-byte key id that names the master secret without revealing it.
 * - A random 12-byte IV per encryption; the 16-byte GCM tag follows the ciphertext.
 * - The additional authenticated data is `v1.<key id>` plus the caller's context (for a stored row, its table and
 *   id), so a ciphertext copied to another row, or a header edited, fails to decrypt.
 */
const VERSION = 'v1';
const SCRYPT_SALT = 'switchyard/secret-box/v1/scrypt';
const SCRYPT_OPTIONS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface DerivedKey {
  id: string;
  key: Buffer;
}

export interface SecretBox {
  /** The id of the key new ciphertexts are written with. */
  readonly keyId: string;
  encrypt(plaintext: string, context?: string): string;
  /** Throws a StoreError of kind `secret` on a wrong key, a tampered ciphertext or a different context. */
  decrypt(ciphertext: string, context?: string): string;
  /** True when the ciphertext was written under an older master secret and should be re-encrypted. */
  needsRotation(ciphertext: string): boolean;
}

export interface SecretBoxOptions {
  masterSecret: string | Uint8Array;
  /** Earlier master secrets, still accepted for decryption while data is re-encrypted under the new one. */
  previousSecrets?: ReadonlyArray<string | Uint8Array>;
}

function scryptAsync(secret: string | Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, SCRYPT_SALT, 32, SCRYPT_OPTIONS, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

async function deriveKey(secret: string | Uint8Array): Promise<DerivedKey> {
  if (secret.length === 0) throw new StoreError('invalid', 'the master secret is empty');
  const root = await scryptAsync(secret);
  const key = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'switchyard/secret-box/v1/aes-256-gcm', 32));
  const id = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'switchyard/secret-box/v1/key-id', 4));
  return { id: id.toString('hex'), key };
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}\u0000${context}`, 'utf8');
}

function parse(ciphertext: string): { keyId: string; iv: Buffer; sealed: Buffer } {
  const parts = ciphertext.split('.');
  const [version, keyId, iv, sealed] = parts;
  if (parts.length !== 4 || version !== VERSION || keyId === undefined || iv === undefined || sealed === undefined) {
    throw new StoreError('secret', 'not a Switchyard v1 ciphertext');
  }
  const ivBytes = Buffer.from(iv, 'base64url');
  const sealedBytes = Buffer.from(sealed, 'base64url');
  if (ivBytes.length !== IV_BYTES || sealedBytes.length < TAG_BYTES) {
    throw new StoreError('secret', 'malformed ciphertext');
  }
  return { keyId, iv: ivBytes, sealed: sealedBytes };
}

function seal(current: DerivedKey, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(current.id, context));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${current.id}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

function open(keys: ReadonlyMap<string, DerivedKey>, ciphertext: string, context: string): string {
  const { keyId, iv, sealed } = parse(ciphertext);
  const derived = keys.get(keyId);
  if (derived === undefined) {
    throw new StoreError('secret', `ciphertext was written under another master secret (key id ${keyId})`);
  }
  const decipher = createDecipheriv('aes-256-gcm', derived.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(keyId, context));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new StoreError('secret', 'ciphertext failed authentication (tampered, or another context)');
  }
}

/** Derives the keys once (scrypt takes tens of milliseconds); encrypt and decrypt are then synchronous. */
export async function createSecretBox(options: SecretBoxOptions): Promise<SecretBox> {
  const current = await deriveKey(options.masterSecret);
  const keys = new Map<string, DerivedKey>([[current.id, current]]);
  for (const previous of options.previousSecrets ?? []) {
    const derived = await deriveKey(previous);
    if (!keys.has(derived.id)) keys.set(derived.id, derived);
  }
  return {
    keyId: current.id,
    encrypt: (plaintext, context = '') => seal(current, plaintext, context),
    decrypt: (ciphertext, context = '') => open(keys, ciphertext, context),
    needsRotation: (ciphertext) => parse(ciphertext).keyId !== current.id,
  };
}
