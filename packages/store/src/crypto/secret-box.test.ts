import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.js';

function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

const secretError = expect.objectContaining({ kind: 'secret', name: 'StoreError' });

describe('createSecretBox', () => {
  it('round-trips text, unicode and the empty string', async () => {
    const box = await createSecretBox({ masterSecret: 'correct horse battery staple' });
    for (const plaintext of ['sk-live-123', '', 'clé secrète 🔑', 'x'.repeat(10_000)]) {
      expect(box.decrypt(box.encrypt(plaintext))).toBe(plaintext);
    }
  });

  it('writes a versioned format with a fresh 12-byte IV each time', async () => {
    const box = await createSecretBox({ masterSecret: 'master' });
    const first = box.encrypt('same');
    const second = box.encrypt('same');
    const [version, keyId, iv, sealed] = first.split('.');
    expect(version).toBe('v1');
    expect(keyId).toBe(box.keyId);
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(sealed ?? '', 'base64url')).toHaveLength('same'.length + 16);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it('detects tampering with the ciphertext, the tag, the IV or the header', async () => {
    const box = await createSecretBox({ masterSecret: 'master' });
    const ciphertext = box.encrypt('provider api key');
    const [version, keyId, iv, sealed] = ciphertext.split('.') as [string, string, string, string];
    const tampered = [
      [version, keyId, iv, flipCharacter(sealed, 0)],
      [version, keyId, iv, flipCharacter(sealed, sealed.length - 2)],
      [version, keyId, flipCharacter(iv, 3), sealed],
      [version, keyId, iv, sealed.slice(0, -4)],
      ['v2', keyId, iv, sealed],
    ].map((parts) => parts.join('.'));
    for (const text of tampered) {
      expect(() => box.decrypt(text)).toThrow(secretError);
    }
  });

  it('refuses another master secret, naming the key id it was written under', async () => {
    const writer = await createSecretBox({ masterSecret: 'first secret' });
    const reader = await createSecretBox({ masterSecret: 'second secret' });
    expect(reader.keyId).not.toBe(writer.keyId);
    const ciphertext = writer.encrypt('token');
    expect(() => reader.decrypt(ciphertext)).toThrow(secretError);
    expect(() => reader.decrypt(ciphertext)).toThrow(writer.keyId);
  });

  it('refuses a forged key id even when the bytes are otherwise intact', async () => {
    const writer = await createSecretBox({ masterSecret: 'first secret' });
    const reader = await createSecretBox({ masterSecret: 'second secret' });
    const [version, , iv, sealed] = writer.encrypt('token').split('.');
    expect(() => reader.decrypt([version, reader.keyId, iv, sealed].join('.'))).toThrow(secretError);
  });

  it('binds a ciphertext to its context', async () => {
    const box = await createSecretBox({ masterSecret: 'master' });
    const ciphertext = box.encrypt('token', 'model_deployments:a');
    expect(box.decrypt(ciphertext, 'model_deployments:a')).toBe('token');
    expect(() => box.decrypt(ciphertext, 'model_deployments:b')).toThrow(secretError);
    expect(() => box.decrypt(ciphertext)).toThrow(secretError);
  });

  it('decrypts under previous secrets during a rotation and says what needs re-encrypting', async () => {
    const old = await createSecretBox({ masterSecret: 'old secret' });
    const rotated = await createSecretBox({ masterSecret: 'new secret', previousSecrets: ['old secret'] });
    const legacy = old.encrypt('token');
    expect(rotated.decrypt(legacy)).toBe('token');
    expect(rotated.needsRotation(legacy)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('token'))).toBe(false);
  });

  it('derives the same key from the same secret, as text or bytes', async () => {
    const fromText = await createSecretBox({ masterSecret: 'master' });
    const fromBytes = await createSecretBox({ masterSecret: new TextEncoder().encode('master') });
    expect(fromBytes.decrypt(fromText.encrypt('token'))).toBe('token');
  });

  it('rejects an empty master secret', async () => {
    await expect(createSecretBox({ masterSecret: '' })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
