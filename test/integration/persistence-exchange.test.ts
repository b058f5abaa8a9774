import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PersistenceError } from '../../src/persistence/errors.js';
import * as admins from '../../src/persistence/repositories/admins.js';
import * as auditLog from '../../src/persistence/repositories/audit-log.js';
import * as dialogState from '../../src/persistence/repositories/dialog-state.js';
import * as links from '../../src/persistence/repositories/exchange-links.js';
import * as notifications from '../../src/persistence/repositories/notifications.js';
import * as people from '../../src/persistence/repositories/people.js';
import * as sessions from '../../src/persistence/repositories/sessions.js';
import { SecretBox } from '../../src/persistence/secrets.js';
import { BACKENDS, dumpAllRows, useDatabase } from '../unit/persistence/backends.js';

const box = SecretBox.fromKey(randomBytes(32));
const T0 = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const newLink = (password: string): links.NewExchangeLink => ({
  ewsUrl: 'https://mail.contoso.example/EWS/Exchange.asmx',
  upn: 'svc-concierge@contoso.example',
  password,
  access: 'impersonation',
  serverVersion: 'Exchange2016',
  testMailbox: 'alice@contoso.example',
});

describe.each(BACKENDS)('Exchange link and shared state on $kind', ({ kind }) => {
  const ctx = useDatabase(kind);

  describe('exchange_links', () => {
    it('link makes the first link, generation 1, with the password sealed to its row', async () => {
      expect(await links.getActive(ctx.db)).toBeUndefined();
      const first = await links.link(ctx.db, box, { ...newLink('First-Pw-Canary-1'), caPem: '-----BEGIN CERTIFICATE-----\nMII…\n-----END CERTIFICATE-----' }, T0);
      expect(first).toMatchObject({ generation: 1, status: 'active', access: 'impersonation', linkedAt: T0, lastSuccessAt: null, lastError: null, passwordExpiresAt: null });
      expect(first.passwordSealed).toMatch(/^v1:/);
      expect(await links.getActive(ctx.db)).toEqual(first);
      expect(links.revealPassword(box, first)).toBe('First-Pw-Canary-1');
      // Bound to its row: the same envelope under another id does not open.
      const err = (() => {
        try {
          links.revealPassword(box, { id: 'another-row', passwordSealed: first.passwordSealed });
        } catch (e) {
          return e;
        }
      })();
      expect((err as PersistenceError).code).toBe('SecretUndecryptable');
    });

    it('re-linking supersedes the previous link in the same transaction and erases its secret', async () => {
      const before = (await links.getActive(ctx.db))!;
      const second = await links.link(ctx.db, box, newLink('Second-Pw-Canary-2'), at(1000));
      expect(second.generation).toBe(before.generation + 1);
      expect(await links.getActive(ctx.db)).toEqual(second);
      const old = (await links.getById(ctx.db, before.id))!;
      expect(old).toMatchObject({ status: 'superseded', passwordSealed: null });
      expect(() => links.revealPassword(box, old)).toThrow(/superseded/);
      expect((await links.history(ctx.db)).map((l) => [l.generation, l.status])).toEqual([
        [second.generation, 'active'],
        [before.generation, 'superseded'],
      ]);
    });

    it('concurrent re-links serialise: distinct generations, exactly one current link', async () => {
      const results = await Promise.all([1, 2, 3, 4].map((n) => links.link(ctx.db, box, newLink(`Concurrent-Pw-${n}`), at(2000 + n))));
      expect(new Set(results.map((r) => r.generation)).size).toBe(4);
      const rows = await ctx.db.selectFrom('exchange_links').select(['generation', 'status', 'password_enc']).execute();
      const current = rows.filter((r) => r.status !== 'superseded');
      expect(current).toHaveLength(1);
      expect(current[0]!.generation).toBe(Math.max(...rows.map((r) => r.generation)));
      expect(rows.filter((r) => r.password_enc !== null)).toHaveLength(1);
    });

    it('the database itself refuses a second current link and a superseded link that keeps its secret', async () => {
      const active = (await links.getActive(ctx.db))!;
      const row = { ...(await ctx.db.selectFrom('exchange_links').selectAll().where('id', '=', active.id).executeTakeFirstOrThrow()), last_error: null };
      await expect(ctx.db.insertInto('exchange_links').values({ ...row, id: 'dup', generation: 999 }).execute()).rejects.toThrow(/exchange_links_one_current/);
      await expect(ctx.db.updateTable('exchange_links').set({ status: 'superseded' }).where('id', '=', active.id).execute()).rejects.toThrow(/secret_erased/);
    });

    it('records success, errors, password expiry and status on the current link only', async () => {
      const current = (await links.getActive(ctx.db))!;
      const error: links.LinkError = { code: 'ErrorAccessDenied', message: 'Access is denied.', hint: 'Grant ApplicationImpersonation.', at: at(5000).toISOString() };
      expect(await links.recordSuccess(ctx.db, current.id, at(4000))).toBe(true);
      expect(await links.recordError(ctx.db, current.id, error)).toBe(true);
      expect(await links.setPasswordExpiry(ctx.db, current.id, new Date('2026-04-01T00:00:00Z'))).toBe(true);
      expect(await links.markFailing(ctx.db, current.id)).toBe(true);
      expect(await links.getActive(ctx.db)).toMatchObject({ id: current.id, status: 'failing', lastSuccessAt: at(4000), lastError: error, passwordExpiresAt: new Date('2026-04-01T00:00:00Z') });
      expect(await links.markActive(ctx.db, current.id)).toBe(true);
      expect((await links.getActive(ctx.db))!.status).toBe('active');
      // A late report about an old generation changes nothing.
      const old = (await links.history(ctx.db)).find((l) => l.status === 'superseded')!;
      expect(await links.recordSuccess(ctx.db, old.id, at(6000))).toBe(false);
      expect(await links.markActive(ctx.db, old.id)).toBe(false);
      expect((await links.getById(ctx.db, old.id))!.status).toBe('superseded');
    });

    it('sessions.getWithCalendar reads the session, the current link and the account\'s person in one query', async () => {
      const link = await links.link(ctx.db, box, newLink('Person-Pw-Canary-1'), T0);
      await links.recordSuccess(ctx.db, link.id, at(1234));
      await links.setPasswordExpiry(ctx.db, link.id, at(86_400_000));
      const scrypt = { logN: 10, r: 8, p: 1 };
      // An account with no person (an administrator): the link, and no person.
      const admin = await admins.create(ctx.db, { email: 'root@contoso.example', password: 'Root-Passw0rd-Long', role: 'admin' }, scrypt);
      const adminSession = await sessions.create(ctx.db, admin.id, { ttlMs: 3_600_000 });
      const forAdmin = await sessions.getWithCalendar(ctx.db, adminSession.sessionId);
      expect(forAdmin).toEqual({ session: await sessions.get(ctx.db, adminSession.sessionId), link: await links.getActive(ctx.db), person: undefined });

      const account = await admins.create(ctx.db, { email: 'alice@contoso.example', password: 'Alice-Passw0rd-Long', role: 'user' }, scrypt);
      const invited = await people.create(ctx.db, { email: 'alice@contoso.example', invitedBy: 'admin@contoso.example' }, T0);
      await people.attachAccount(ctx.db, invited!.id, account.id, T0);
      await people.markLinked(ctx.db, invited!.id, { mailbox: 'alice@contoso.example', timeZone: 'Europe/Berlin' }, T0);
      const session = await sessions.create(ctx.db, account.id, { ttlMs: 3_600_000 });
      const withCalendar = await sessions.getWithCalendar(ctx.db, session.sessionId);
      // Equal to the separate reads, timestamps and all.
      expect(withCalendar?.session).toEqual(await sessions.get(ctx.db, session.sessionId));
      expect(withCalendar?.link).toEqual(await links.getActive(ctx.db));
      expect(withCalendar?.link?.id).toBe(link.id);
      expect(withCalendar?.link?.lastSuccessAt).toEqual(at(1234));
      expect(withCalendar?.person).toEqual(await people.forAccount(ctx.db, account.id));
      expect(withCalendar?.person).toEqual({ id: invited!.id, email: 'alice@contoso.example', state: 'linked', mailbox: 'alice@contoso.example', timeZone: 'Europe/Berlin' });
      expect(await sessions.getWithCalendar(ctx.db, 'not-a-session')).toBeUndefined();
    });

    it('no password appears in plain text anywhere in the database', async () => {
      const dump = await dumpAllRows(ctx.db);
      expect(dump).toContain('svc-concierge@contoso.example');
      for (const pw of ['First-Pw-Canary-1', 'Second-Pw-Canary-2', 'Concurrent-Pw-', 'Pw-Canary']) expect(dump).not.toContain(pw);
      // Nor base64 of it (a lazy "encryption").
      expect(dump).not.toContain(Buffer.from('Concurrent-Pw-').toString('base64').slice(0, 16));
    });
  });

  describe('notifications_sent', () => {
    it('tryClaim is true for the first caller only, also when they race', async () => {
      expect(await notifications.tryClaim(ctx.db, 'password-expiry', 'link-1:14d')).toBe(true);
      expect(await notifications.tryClaim(ctx.db, 'password-expiry', 'link-1:14d')).toBe(false);
      expect(await notifications.tryClaim(ctx.db, 'password-expiry', 'link-1:7d')).toBe(true);
      const raced = await Promise.all(Array.from({ length: 8 }, () => notifications.tryClaim(ctx.db, 'password-expiry', 'link-1:2026-03-30')));
      expect(raced.filter(Boolean)).toHaveLength(1);
      expect(await notifications.wasClaimed(ctx.db, 'password-expiry', 'link-1:7d')).toBe(true);
    });

    it('release gives a claim back for a retry', async () => {
      expect(await notifications.tryClaim(ctx.db, 'k', 'retry')).toBe(true);
      await notifications.release(ctx.db, 'k', 'retry');
      expect(await notifications.wasClaimed(ctx.db, 'k', 'retry')).toBe(false);
      expect(await notifications.tryClaim(ctx.db, 'k', 'retry')).toBe(true);
    });
  });

  describe('audit_log', () => {
    it('appends and lists newest first, with filters and a before-cursor', async () => {
      const e1 = await auditLog.append(ctx.db, { actor: 'alice@example.com', action: 'exchange.link', target: 'svc@contoso.example', result: 'ok', detail: { generation: 1, checks: ['tls', 'auth'] }, at: T0 });
      const e2 = await auditLog.append(ctx.db, { actor: 'alice@example.com', action: 'admin.sign_in', result: 'ok' });
      const e3 = await auditLog.append(ctx.db, { actor: 'system', action: 'exchange.link', result: 'failed', detail: [1, 'two', null] });
      expect(e1).toMatchObject({ actor: 'alice@example.com', target: 'svc@contoso.example', at: T0, detail: { generation: 1, checks: ['tls', 'auth'] } });
      expect(e2).toMatchObject({ target: null, detail: null });
      expect(e2.at).toBeInstanceOf(Date);
      expect(typeof e1.id).toBe('number');
      expect(e3.detail).toEqual([1, 'two', null]);
      expect((await auditLog.list(ctx.db)).map((e) => e.id)).toEqual([e3.id, e2.id, e1.id]);
      expect((await auditLog.list(ctx.db, { action: 'exchange.link' })).map((e) => e.id)).toEqual([e3.id, e1.id]);
      expect((await auditLog.list(ctx.db, { actor: 'alice@example.com', result: 'ok' }, 1)).map((e) => e.id)).toEqual([e2.id]);
      expect((await auditLog.list(ctx.db, {}, 10, e2.id)).map((e) => e.id)).toEqual([e1.id]);
      expect((await auditLog.list(ctx.db, { since: T0, until: at(1) })).map((e) => e.id)).toEqual([e1.id]);
      expect(await auditLog.list(ctx.db, { target: 'nothing' })).toEqual([]);
    });

    it('UPDATE, DELETE and TRUNCATE are rejected by the database', async () => {
      const e = await auditLog.append(ctx.db, { actor: 'mallory', action: 'audit.tamper', result: 'ok' });
      await expect(ctx.db.updateTable('audit_log').set({ result: 'nothing happened' }).where('id', '=', e.id).execute()).rejects.toThrow(/append-only: UPDATE/);
      await expect(ctx.db.deleteFrom('audit_log').where('id', '=', e.id).execute()).rejects.toThrow(/append-only: DELETE/);
      await expect(sql`TRUNCATE audit_log`.execute(ctx.db)).rejects.toThrow(/append-only: TRUNCATE/);
      expect((await auditLog.list(ctx.db, { actor: 'mallory' }))[0]).toMatchObject({ id: e.id, result: 'ok' });
    });
  });

  describe('dialog_state', () => {
    it('put, get, replace and delete, per session and user', async () => {
      const state = { intent: 'BookRoom', slots: { room: 'Fuji', start: '2026-03-02T10:00:00Z' }, awaiting: 'confirm', attempts: [1, 2] };
      await dialogState.put(ctx.db, { sessionId: 'amzn1.session.1', user: 'alice', state, expiresAt: at(60_000) }, T0);
      expect(await dialogState.get(ctx.db, 'amzn1.session.1', 'alice', T0)).toEqual(state);
      expect(await dialogState.get(ctx.db, 'amzn1.session.1', 'bob', T0)).toBeUndefined();
      await dialogState.put(ctx.db, { sessionId: 'amzn1.session.1', user: 'alice', state: ['replaced'], expiresAt: at(60_000) }, T0);
      expect(await dialogState.get(ctx.db, 'amzn1.session.1', 'alice', T0)).toEqual(['replaced']);
      expect(await dialogState.delete(ctx.db, 'amzn1.session.1', 'alice')).toBe(true);
      expect(await dialogState.get(ctx.db, 'amzn1.session.1', 'alice', T0)).toBeUndefined();
    });

    it('take reads and removes in one step: of two racing takes, one gets the state', async () => {
      await dialogState.put(ctx.db, { sessionId: 's3', user: 'alice', state: { pending: 'create' }, expiresAt: at(60_000) }, T0);
      const both = await Promise.all([dialogState.take(ctx.db, 's3', 'alice', T0), dialogState.take(ctx.db, 's3', 'alice', T0)]);
      expect(both.filter((x) => x !== undefined)).toEqual([{ pending: 'create' }]);
      expect(await dialogState.get(ctx.db, 's3', 'alice', T0)).toBeUndefined();
    });

    it('expired state is not returned, and pruneExpired removes it', async () => {
      await dialogState.put(ctx.db, { sessionId: 's2', user: 'alice', state: 'pending', expiresAt: at(1000) }, T0);
      expect(await dialogState.get(ctx.db, 's2', 'alice', at(999))).toBe('pending');
      expect(await dialogState.get(ctx.db, 's2', 'alice', at(1000))).toBeUndefined();
      expect(await dialogState.pruneExpired(ctx.db, at(1000))).toBe(1);
    });
  });
});
