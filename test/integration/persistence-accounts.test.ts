import { describe, expect, it } from 'vitest';
import { PersistenceError } from '../../src/persistence/errors.js';
import * as admins from '../../src/persistence/repositories/admins.js';
import * as sessions from '../../src/persistence/repositories/sessions.js';
import * as setupTokens from '../../src/persistence/repositories/setup-tokens.js';
import { hashToken } from '../../src/persistence/tokens.js';
import { BACKENDS, dumpAllRows, useDatabase } from '../unit/persistence/backends.js';

/** Cheap scrypt for tests that are not about hashing strength. */
const FAST = { logN: 10, r: 8, p: 1 };
const HOUR = 3_600_000;
const T0 = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(BACKENDS)('accounts on $kind', ({ kind }) => {
  const ctx = useDatabase(kind);

  describe('admins', () => {
    it('create stores the address lower-case, and finds it in any case', async () => {
      expect(await admins.count(ctx.db)).toBe(0);
      const a = await admins.create(ctx.db, { email: '  Alice@Example.COM ', password: 'first-Secret-1' }, FAST);
      expect(a).toMatchObject({ email: 'alice@example.com', role: 'admin' });
      expect(a.createdAt).toBeInstanceOf(Date);
      expect(await admins.findByEmail(ctx.db, 'ALICE@example.com')).toEqual(a);
      expect(await admins.findById(ctx.db, a.id)).toEqual(a);
      expect(await admins.findByEmail(ctx.db, 'nobody@example.com')).toBeUndefined();
      expect(await admins.count(ctx.db)).toBe(1);
      expect(a).not.toHaveProperty('passwordHash');
    });

    it('refuses a second account with the same address, in any case', async () => {
      await admins.create(ctx.db, { email: 'bob@example.com', password: 'x', role: 'user' }, FAST);
      const err = await admins.create(ctx.db, { email: 'BOB@example.com', password: 'y' }, FAST).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PersistenceError);
      expect((err as PersistenceError).code).toBe('AdminEmailTaken');
    });

    it('verifyPassword returns the account only for the right password', async () => {
      await admins.create(ctx.db, { email: 'carol@example.com', password: 'Right-Password-9' }, FAST);
      expect(await admins.verifyPassword(ctx.db, 'Carol@Example.com', 'Right-Password-9')).toMatchObject({ email: 'carol@example.com' });
      expect(await admins.verifyPassword(ctx.db, 'carol@example.com', 'right-password-9')).toBeUndefined();
      expect(await admins.verifyPassword(ctx.db, 'nobody@example.com', 'Right-Password-9')).toBeUndefined();
    });

    it('setPassword replaces the password', async () => {
      const d = await admins.create(ctx.db, { email: 'dave@example.com', password: 'old-one' }, FAST);
      expect(await admins.setPassword(ctx.db, d.id, 'new-one', FAST)).toBe(true);
      expect(await admins.verifyPassword(ctx.db, d.email, 'old-one')).toBeUndefined();
      expect(await admins.verifyPassword(ctx.db, d.email, 'new-one')).toMatchObject({ id: d.id });
      expect(await admins.setPassword(ctx.db, 'no-such-id', 'x', FAST)).toBe(false);
    });

    it('keeps no password in plain text', async () => {
      await admins.create(ctx.db, { email: 'erin@example.com', password: 'Plain-Text-Canary-42' }, FAST);
      expect(await dumpAllRows(ctx.db)).not.toContain('Plain-Text-Canary-42');
    });
  });

  describe('setup tokens', () => {
    it('consume succeeds once; a second consume fails', async () => {
      const { token, expiresAt } = await setupTokens.create(ctx.db, { ttlMs: HOUR, now: T0 });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toEqual(at(HOUR));
      expect(await setupTokens.consume(ctx.db, token, at(1000))).toBe(true);
      expect(await setupTokens.consume(ctx.db, token, at(2000))).toBe(false);
    });

    it('only one of several concurrent consumers wins', async () => {
      const { token } = await setupTokens.create(ctx.db, { ttlMs: HOUR, now: T0 });
      const results = await Promise.all(Array.from({ length: 6 }, () => setupTokens.consume(ctx.db, token, at(1000))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('an expired or unknown token does not work', async () => {
      const { token } = await setupTokens.create(ctx.db, { ttlMs: HOUR, now: T0 });
      expect(await setupTokens.consume(ctx.db, token, at(HOUR))).toBe(false);
      expect(await setupTokens.consume(ctx.db, 'made-up-token', T0)).toBe(false);
    });

    it('stores only the hash of the token, and prunes old ones', async () => {
      const { token } = await setupTokens.create(ctx.db, { ttlMs: HOUR, now: T0 });
      const dump = await dumpAllRows(ctx.db);
      expect(dump).not.toContain(token);
      expect(dump).toContain(hashToken(token));
      expect(await setupTokens.pruneExpired(ctx.db, at(2 * HOUR))).toBeGreaterThanOrEqual(4);
      expect(await ctx.db.selectFrom('setup_tokens').selectAll().execute()).toEqual([]);
    });

    it('a consume inside a failed transaction does not burn the token', async () => {
      const { token } = await setupTokens.create(ctx.db, { ttlMs: HOUR, now: T0 });
      await expect(
        ctx.db.transaction().execute(async (trx) => {
          expect(await setupTokens.consume(trx, token, at(1))).toBe(true);
          throw new Error('creating the admin failed');
        }),
      ).rejects.toThrow('creating the admin failed');
      expect(await setupTokens.consume(ctx.db, token, at(2))).toBe(true);
    });
  });

  describe('sessions', () => {
    const admin = () => admins.create(ctx.db, { email: `s-${Math.random().toString(36).slice(2)}@example.com`, password: 'x' }, FAST);

    it('create returns a fresh id each time; get finds it with its admin until it expires', async () => {
      const a = await admin();
      const s1 = await sessions.create(ctx.db, a.id, { ttlMs: HOUR, now: T0 });
      const s2 = await sessions.create(ctx.db, a.id, { ttlMs: HOUR, now: T0 });
      expect(s1.sessionId).not.toBe(s2.sessionId);
      expect(s1.csrfToken).not.toBe(s2.csrfToken);
      const got = await sessions.get(ctx.db, s1.sessionId, at(1000));
      expect(got).toMatchObject({ adminId: a.id, csrfToken: s1.csrfToken, expiresAt: at(HOUR), lastSeenAt: T0, admin: { id: a.id, email: a.email, role: 'admin' } });
      expect(got!.idHash).toBe(hashToken(s1.sessionId));
      expect(await sessions.get(ctx.db, s1.sessionId, at(HOUR))).toBeUndefined();
      expect(await sessions.get(ctx.db, 'not-a-session', T0)).toBeUndefined();
    });

    it('stores only the hash of the cookie value', async () => {
      const s = await sessions.create(ctx.db, (await admin()).id, { ttlMs: HOUR, now: T0 });
      expect(await dumpAllRows(ctx.db)).not.toContain(s.sessionId);
    });

    it('touch records activity and slides the expiry, but does not revive an expired session', async () => {
      const s = await sessions.create(ctx.db, (await admin()).id, { ttlMs: HOUR, now: T0 });
      expect(await sessions.touch(ctx.db, s.sessionId, { now: at(30 * 60_000), ttlMs: HOUR })).toBe(true);
      expect(await sessions.get(ctx.db, s.sessionId, at(HOUR + 1000))).toMatchObject({ lastSeenAt: at(30 * 60_000), expiresAt: at(90 * 60_000) });
      expect(await sessions.touch(ctx.db, s.sessionId, { now: at(2 * HOUR) })).toBe(false);
      expect(await sessions.get(ctx.db, s.sessionId, at(2 * HOUR))).toBeUndefined();
    });

    it('delete signs one session out; deleteAllFor signs an account out everywhere', async () => {
      const a = await admin();
      const b = await admin();
      const [a1, a2, b1] = await Promise.all([a, a, b].map((x) => sessions.create(ctx.db, x.id, { ttlMs: HOUR, now: T0 })));
      expect(await sessions.delete(ctx.db, a1!.sessionId)).toBe(true);
      expect(await sessions.delete(ctx.db, a1!.sessionId)).toBe(false);
      expect(await sessions.get(ctx.db, a2!.sessionId, T0)).toBeDefined();
      expect(await sessions.deleteAllFor(ctx.db, a.id)).toBe(1);
      expect(await sessions.get(ctx.db, a2!.sessionId, T0)).toBeUndefined();
      expect(await sessions.get(ctx.db, b1!.sessionId, T0)).toBeDefined();
    });

    it('pruneExpired removes expired sessions only', async () => {
      const id = (await admin()).id;
      const old = await sessions.create(ctx.db, id, { ttlMs: 1000, now: at(-10 * HOUR) });
      const live = await sessions.create(ctx.db, id, { ttlMs: 100 * HOUR, now: T0 });
      expect(await sessions.pruneExpired(ctx.db, T0)).toBeGreaterThanOrEqual(1);
      expect(await sessions.get(ctx.db, old.sessionId, at(-10 * HOUR))).toBeUndefined();
      expect(await sessions.get(ctx.db, live.sessionId, T0)).toBeDefined();
    });

    it('csrfMatches compares exactly', async () => {
      const s = await sessions.create(ctx.db, (await admin()).id, { ttlMs: HOUR, now: T0 });
      expect(sessions.csrfMatches(s, s.csrfToken)).toBe(true);
      expect(sessions.csrfMatches(s, s.csrfToken.slice(1))).toBe(false);
      expect(sessions.csrfMatches(s, undefined)).toBe(false);
    });
  });
});
