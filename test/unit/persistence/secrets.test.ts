import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PersistenceError } from '../../../src/persistence/errors.js';
import { loadOrCreateKeyFile, parseKey, SecretBox } from '../../../src/persistence/secrets.js';

const KEY = Buffer.alloc(32, 7);
const SECRET = 'Sv¢-Pässw0rd:with:colons';
const AAD = 'exchange_links:1b4e28ba-2fa1-11d2-883f-0016d3cca427:password';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PersistenceError);
    expect((err as Error).message).not.toContain(SECRET);
    return (err as PersistenceError).code;
  }
  return undefined;
}

describe('SecretBox', () => {
  const box = SecretBox.fromKey(KEY);

  it('round-trips, in the v1 envelope, with a fresh IV every time', () => {
    const a = box.seal(SECRET, AAD);
    const b = box.seal(SECRET, AAD);
    expect(a).toMatch(/^v1:k[0-9a-f]{8}:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
    expect(a).not.toContain(SECRET);
    expect(box.open(a, AAD)).toBe(SECRET);
    expect(box.open(b, AAD)).toBe(SECRET);
    expect(box.open(box.seal('', AAD), AAD)).toBe('');
  });

  it('uses the given key id, and a stable fingerprint by default', () => {
    expect(SecretBox.fromKey(KEY, 'prod-2026').seal('x', AAD).split(':')[1]).toBe('prod-2026');
    expect(SecretBox.fromKey(KEY).keyId).toBe(box.keyId);
    expect(SecretBox.fromKey(randomBytes(32)).keyId).not.toBe(box.keyId);
  });

  it('detects tampering with the ciphertext, the tag, the IV or the key id', () => {
    const sealed = box.seal(SECRET, AAD);
    const [v, id, iv, tag, ct] = sealed.split(':') as [string, string, string, string, string];
    const flip = (b64: string) => {
      const buf = Buffer.from(b64, 'base64');
      buf[0]! ^= 1;
      return buf.toString('base64');
    };
    expect(codeOf(() => box.open([v, id, iv, tag, flip(ct)].join(':'), AAD))).toBe('SecretUndecryptable');
    expect(codeOf(() => box.open([v, id, iv, flip(tag), ct].join(':'), AAD))).toBe('SecretUndecryptable');
    expect(codeOf(() => box.open([v, id, flip(iv), tag, ct].join(':'), AAD))).toBe('SecretUndecryptable');
    // A truncated tag must not be accepted (GCM allows short tags unless told otherwise).
    expect(codeOf(() => box.open([v, id, iv, Buffer.from(tag, 'base64').subarray(0, 12).toString('base64'), ct].join(':'), AAD))).toBe('SecretMalformed');
    const relabelled = SecretBox.fromKey(KEY, 'other');
    expect(codeOf(() => relabelled.open(['v1', 'other', iv, tag, ct].join(':'), AAD))).toBe('SecretUndecryptable');
  });

  it('refuses another record\'s secret (AAD mismatch)', () => {
    const sealed = box.seal(SECRET, AAD);
    expect(codeOf(() => box.open(sealed, 'exchange_links:another-id:password'))).toBe('SecretUndecryptable');
  });

  it('says "wrong key" when the key id differs, and "undecryptable" when a different key has the same id', () => {
    const sealed = box.seal(SECRET, AAD);
    const other = SecretBox.fromKey(randomBytes(32));
    expect(codeOf(() => other.open(sealed, AAD))).toBe('SecretWrongKey');
    const sameLabel = SecretBox.fromKey(randomBytes(32), 'prod');
    expect(codeOf(() => sameLabel.open(SecretBox.fromKey(KEY, 'prod').seal(SECRET, AAD), AAD))).toBe('SecretUndecryptable');
  });

  it('rejects malformed envelopes with SecretMalformed', () => {
    for (const bad of ['', 'plaintext', 'v2:k:aaaa:bbbb:cccc', 'v1:k:***:bbbb:cccc', 'v1:a:b:c:d:e']) {
      expect(codeOf(() => box.open(bad, AAD))).toBe('SecretMalformed');
    }
  });

  it('never shows the key through JSON.stringify, util.inspect, format or String', () => {
    const hexKey = KEY.toString('hex');
    const b64Key = KEY.toString('base64');
    for (const text of [JSON.stringify(box), JSON.stringify({ box }), inspect(box, { showHidden: true, depth: 10 }), format('%o %O %s', box, box, box), String(box)]) {
      expect(text).not.toContain(hexKey);
      expect(text).not.toContain(b64Key);
      expect(text).not.toMatch(/7, 7, 7/);
      expect(text).toContain(box.keyId);
    }
    expect(Object.keys(box)).toEqual(['keyId']);
  });

  it('copies the key, so wiping the caller\'s buffer does not break it', () => {
    const k = randomBytes(32);
    const b = SecretBox.fromKey(k);
    const sealed = b.seal(SECRET, AAD);
    k.fill(0);
    expect(b.open(sealed, AAD)).toBe(SECRET);
  });

  it('rejects keys that are not 32 bytes and ids that would break the envelope', () => {
    expect(() => SecretBox.fromKey(Buffer.alloc(16))).toThrow(/exactly 32 bytes, not 16/);
    expect(() => SecretBox.fromKey(KEY, 'a:b')).toThrow(PersistenceError);
  });
});

describe('parseKey', () => {
  it('accepts base64 and base64url of 32 bytes, with surrounding whitespace', () => {
    const k = randomBytes(32);
    expect(parseKey(`  ${k.toString('base64')}\n`).equals(k)).toBe(true);
    expect(parseKey(k.toString('base64url')).equals(k)).toBe(true);
  });

  it('rejects other lengths and non-base64 without echoing the value', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseKey(short)).toThrow(/decodes to 16/);
    try {
      parseKey(short);
    } catch (err) {
      expect((err as Error).message).not.toContain(short);
      expect((err as PersistenceError).code).toBe('SecretKeyInvalid');
    }
    expect(() => parseKey('not base64 at all!')).toThrow(/not base64/);
    expect(() => parseKey('')).toThrow(PersistenceError);
  });
});

describe('loadOrCreateKeyFile', () => {
  it('creates a 0600 key file once, then reads the same key back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concierge-key-'));
    const path = join(dir, 'nested', 'secret.key');
    const first = await loadOrCreateKeyFile(path);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o077).toBe(0);
    expect(parseKey(await readFile(path, 'utf8')).equals(first.key)).toBe(true);
    const second = await loadOrCreateKeyFile(path);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('gives every concurrent caller the same key', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'concierge-key-')), 'secret.key');
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(path)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    for (const r of results) expect(r.key.equals(results[0]!.key)).toBe(true);
  });

  it('refuses a file that holds no valid key, without printing its content', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'concierge-key-')), 'secret.key');
    await writeFile(path, 'hunter2-not-a-key');
    const err = await loadOrCreateKeyFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PersistenceError);
    expect((err as PersistenceError).code).toBe('SecretKeyInvalid');
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).not.toContain('hunter2');
  });
});
