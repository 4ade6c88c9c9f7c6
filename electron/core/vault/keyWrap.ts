import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One 256-bit key sealed under another with AES-256-GCM: how vault.key (under the
 * passphrase's scrypt key) and vault.recovery (under the recovery key's HKDF key) each
 * hold the data key. The file's header is the authenticated data, so it cannot be
 * altered (its KDF parameters weakened, say) without the unwrap failing.
 */
export type KeyWrap = { alg: 'aes-256-gcm'; iv: string; tag: string; ciphertext: string };

export function sealKey(key: Buffer, wrappingKey: Buffer, header: Buffer): KeyWrap {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The sealed key, or null when the wrapping key (or the header) does not fit. */
export function openKey(wrap: KeyWrap, wrappingKey: Buffer, header: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(header);
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
