import { createCipheriv, createHash, randomBytes, scrypt } from 'node:crypto';

/**
 * The passphrase container around an exported zip (`.skexport`), documented in FORMAT.md:
 *
 *   "SKEXPORT1" (9 bytes) | salt (16) | check (32) | nonce (12) | ciphertext | GCM tag (16)
 *
 * scrypt (N=2^17, r=8, p=1; RFC 7914) turns the passphrase and salt into 64 bytes: the first
 * 32 are the AES-256-GCM key, the last 32 are hashed (SHA-256) into `check`. The check lets
 * a wrong passphrase be told apart from a damaged file without decrypting anything. The
 * header (magic to nonce) is the GCM additional data, so it cannot be altered unnoticed.
 */

export const CONTAINER_MAGIC = Buffer.from('SKEXPORT1', 'ascii');
const SALT_BYTES = 16;
const CHECK_BYTES = 32;
const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const CONTAINER_HEADER_BYTES = CONTAINER_MAGIC.length + SALT_BYTES + CHECK_BYTES + NONCE_BYTES;
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

export function deriveKeys(passphrase: string, salt: Buffer): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    // 128·N·r bytes = 128 MiB of scrypt memory; Node's default ceiling is 32 MiB.
    scrypt(passphrase.normalize('NFC'), salt, 64, { ...SCRYPT_PARAMS, maxmem: 256 * 1024 * 1024 }, (error, derived) => {
      if (error) reject(error);
      else
        resolve({
          key: derived.subarray(0, 32),
          check: createHash('sha256').update(derived.subarray(32)).digest(),
        });
    });
  });
}

export function isContainer(bytes: Buffer): boolean {
  return bytes.length >= CONTAINER_MAGIC.length && bytes.subarray(0, CONTAINER_MAGIC.length).equals(CONTAINER_MAGIC);
}

/** An encrypting sink: write the header, then every chunk, then `finish()` writes the tag. */
export async function openSealer(
  passphrase: string,
  write: (chunk: Buffer) => void,
): Promise<{ write(chunk: Buffer): void; finish(): void }> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const { key, check } = await deriveKeys(passphrase, salt);
  const header = Buffer.concat([CONTAINER_MAGIC, salt, check, nonce]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(header);
  write(header);
  return {
    write: (chunk) => write(cipher.update(chunk)),
    finish: () => {
      write(cipher.final());
      write(cipher.getAuthTag());
    },
  };
}

/** The salt, check and nonce of a container header (CONTAINER_HEADER_BYTES long). */
export function containerLayout(header: Buffer): { salt: Buffer; check: Buffer; nonce: Buffer } {
  const saltAt = CONTAINER_MAGIC.length;
  const checkAt = saltAt + SALT_BYTES;
  const nonceAt = checkAt + CHECK_BYTES;
  return {
    salt: header.subarray(saltAt, checkAt),
    check: header.subarray(checkAt, nonceAt),
    nonce: header.subarray(nonceAt, nonceAt + NONCE_BYTES),
  };
}
