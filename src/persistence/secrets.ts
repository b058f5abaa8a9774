import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inspect } from 'node:util';
import { PersistenceError } from './errors.js';

/**
 * Secrets at rest: AES-256-GCM (NIST SP 800-38D) with a fresh 96-bit IV per seal and additional
 * authenticated data (AAD) naming the record the secret belongs to, e.g. `exchange_links:<id>:password`,
 * so a ciphertext copied onto another row does not open.
 *
 * Envelope: `v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>`. The key id is a label, not a secret: it lets
 * `open` say "wrong key" instead of "tampered". Error messages never contain the plaintext or the key.
 */
const VERSION = 'v1';
const KEY_LENGTH = 32;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function keyError(message: string): PersistenceError {
  return new PersistenceError('SecretKeyInvalid', message, 'Generate one with `openssl rand -base64 32` (32 random bytes, base64).');
}

function malformed(why: string): PersistenceError {
  return new PersistenceError('SecretMalformed', `The stored secret is not a valid ${VERSION} envelope (${why}).`, 'The record was damaged or written by something else; link the Exchange account again.');
}

/** The default key id: the first 8 hex digits of a domain-separated sha256 of the key. */
function fingerprint(key: Buffer): string {
  return 'k' + createHash('sha256').update('concierge secret key id\0').update(key).digest('hex').slice(0, 8);
}

function additionalData(keyId: string, aad: string): Buffer {
  // The header is authenticated too, so the key id cannot be swapped without detection.
  return Buffer.from(`${VERSION}\0${keyId}\0${aad}`, 'utf8');
}

export class SecretBox {
  readonly keyId: string;
  readonly #key: Buffer;

  private constructor(key: Buffer, keyId: string) {
    this.#key = key;
    this.keyId = keyId;
  }

  /**
   * @param key exactly 32 bytes (copied, so the caller may wipe its buffer).
   * @param keyId a label written into every envelope; defaults to a fingerprint of the key.
   * @example const box = SecretBox.fromKey(parseKey(config.secretKey));
   */
  static fromKey(key: Buffer, keyId?: string): SecretBox {
    if (!Buffer.isBuffer(key) || key.length !== KEY_LENGTH) {
      throw keyError(`The secret key must be exactly ${KEY_LENGTH} bytes, not ${Buffer.isBuffer(key) ? key.length : 'a non-Buffer'}.`);
    }
    if (keyId !== undefined && !KEY_ID.test(keyId)) throw keyError('A key id must be 1-32 letters, digits, "_" or "-".');
    const copy = Buffer.alloc(KEY_LENGTH);
    key.copy(copy);
    return new SecretBox(copy, keyId ?? fingerprint(copy));
  }

  /** Encrypts `plaintext` for the record named by `aad`; every call uses a new random IV. */
  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_LENGTH });
    cipher.setAAD(additionalData(this.keyId, aad));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
  }

  /** Decrypts an envelope made by `seal` with the same key and the same `aad`; throws a PersistenceError otherwise. */
  open(sealed: string, aad: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5) throw malformed(`${parts.length} fields instead of 5`);
    const [version, keyId, ivB64, tagB64, ctB64] = parts as [string, string, string, string, string];
    if (version !== VERSION) throw malformed(`version "${version.slice(0, 8)}"`);
    if (![ivB64, tagB64, ctB64].every((p) => B64.test(p))) throw malformed('not base64');
    const iv = Buffer.from(ivB64, 'base64');
    const tag = Buffer.from(tagB64, 'base64');
    if (iv.length !== IV_LENGTH || tag.length !== TAG_LENGTH) throw malformed('bad IV or tag length');
    if (keyId !== this.keyId) {
      throw new PersistenceError(
        'SecretWrongKey',
        `The secret was sealed with key "${keyId.slice(0, 32)}", but this server has key "${this.keyId}".`,
        'Start the server with the key it was sealed with (CONCIERGE_SECRET_KEY or the key file), or link the Exchange account again.',
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_LENGTH });
      decipher.setAAD(additionalData(keyId, aad));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new PersistenceError(
        'SecretUndecryptable',
        'The secret failed authentication: it was altered, belongs to another record, or was sealed with a different key under the same key id.',
        'Link the Exchange account again to store a fresh secret; if this keeps happening, check the database for tampering.',
      );
    }
  }

  /** Never the key. */
  toJSON(): { keyId: string } {
    return { keyId: this.keyId };
  }

  toString(): string {
    return `SecretBox(${this.keyId})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/**
 * Parses a base64 (or base64url) encoded 32-byte key, e.g. the value of CONCIERGE_SECRET_KEY.
 * The message of a failure says what is wrong with the value without repeating it.
 */
export function parseKey(encoded: string): Buffer {
  const text = encoded.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (text === '' || !B64.test(text)) throw keyError('The secret key is not base64.');
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_LENGTH) throw keyError(`The secret key must decode to ${KEY_LENGTH} bytes; it decodes to ${key.length}.`);
  return key;
}

async function readKeyFile(path: string): Promise<Buffer> {
  const text = await readFile(path, 'utf8');
  try {
    return parseKey(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new PersistenceError('SecretKeyInvalid', `The key file ${path} does not hold a usable key: ${why}`, 'Restore the file from your backup; a new key cannot open secrets sealed with the old one.', { cause: err });
  }
}

/**
 * Reads the base64 key in `path`, or creates the file with a new random key (mode 0600, folder 0700) when
 * it does not exist. Creation is atomic (written and synced under a temporary name, then hard-linked into
 * place), so two processes starting together end up with the same key.
 */
export async function loadOrCreateKeyFile(path: string): Promise<{ key: Buffer; created: boolean }> {
  try {
    return { key: await readKeyFile(path), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw wrapFileError(path, err);
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_LENGTH);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${key.toString('base64')}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
    return { key, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { key: await readKeyFile(path), created: false };
    throw wrapFileError(path, err);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function wrapFileError(path: string, err: unknown): unknown {
  if (err instanceof PersistenceError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return new PersistenceError('SecretKeyFileUnreadable', `Cannot read or create the key file ${path} (${code}).`, 'Check the path and that the server may read and write its folder.', { cause: err });
}
