import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPasswordHash } from '../../../src/persistence/passwords.js';
import { hashToken, newToken } from '../../../src/persistence/tokens.js';

const FAST = { logN: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one, with the default parameters', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(new RegExp(`^scrypt\\$${DEFAULT_SCRYPT.logN}\\$8\\$1\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`));
    expect(stored).not.toContain('correct horse');
    expect(await verifyPasswordHash('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPasswordHash('correct horse battery stapl', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash and normalises Unicode (NFC)', async () => {
    const a = await hashPassword('pässword', FAST);
    const b = await hashPassword('pässword', FAST);
    expect(a).not.toBe(b);
    expect(await verifyPasswordHash('pa\u0308ssword', a)).toBe(true);
  });

  it('treats malformed or absurd stored values as a mismatch, not a crash', async () => {
    for (const bad of ['', 'plain', 'scrypt$99$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==', 'bcrypt$2b$...', 'scrypt$x$8$1$a$b']) {
      expect(await verifyPasswordHash('x', bad)).toBe(false);
    }
  });

  it('says when a hash is weaker than the current parameters', async () => {
    expect(needsRehash(await hashPassword('x', FAST))).toBe(true);
  });
});

describe('tokens', () => {
  it('are 256-bit base64url and hash to 64 hex digits', () => {
    const t = newToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).toBe(hashToken(t));
  });
});
