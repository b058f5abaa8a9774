import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes for simulated accounts: scrypt from node:crypto, never the plain text. The format
 * `scrypt$N$r$p$salt$key` (base64) carries its own cost parameters, so a saved directory stays
 * readable if the defaults change.
 */

const COST = 2 ** 14;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEY_LENGTH, { N: COST, r: BLOCK_SIZE, p: PARALLELISM });
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True when `password` matches `hash`. A malformed hash never matches. Successful checks are
 * remembered (as a digest of hash and password, in memory only) because the EWS server checks Basic
 * credentials on every request and scrypt is deliberately slow.
 */
export function verifyPassword(password: string, hash: string): boolean {
  const memo = memoKey(password, hash);
  if (verified.has(memo)) return true;
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyText, 'base64');
  const cost = Number(n);
  if (!Number.isInteger(cost) || cost < 2 || expected.length === 0) return false;
  let actual: Buffer;
  try {
    actual = scryptSync(password, Buffer.from(saltText, 'base64'), expected.length, { N: cost, r: Number(r), p: Number(p), maxmem: 256 * cost * Number(r) + 1024 * 1024 });
  } catch {
    return false;
  }
  const ok = timingSafeEqual(actual, expected);
  if (ok) remember(memo);
  return ok;
}

const MEMO_LIMIT = 1000;
const verified = new Set<string>();

function memoKey(password: string, hash: string): string {
  return createHash('sha256').update(hash).update('\0').update(password).digest('base64');
}

function remember(key: string): void {
  if (verified.size >= MEMO_LIMIT) verified.clear();
  verified.add(key);
}
