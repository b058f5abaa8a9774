import { afterEach, describe, expect, it } from 'vitest';
import { dialogState, hashToken, newToken, openDatabase, type Database } from '../../../src/persistence/index.js';
import { dumpAllRows } from '../../unit/persistence/backends.js';
import { useSimulator } from '../../support/use-simulator.js';
import { adminRequest } from '../../support/server.js';
import { acceptInvitation, asUser, inviteOne, linkedServer, linkFromInbox, peopleSimulator, tokenOf, USER_PASSWORD } from './support.js';

/** Who may do what: users are not administrators, CSRF guards every change, revoked and removed users can do nothing. */
describe('people: access, revocation and removal', () => {
  const sim = useSimulator(peopleSimulator);
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });
  /** Tokens already read from the simulator's inboxes (each test enrols the same people in a fresh database). */
  const seen: string[] = [];

  /** Carol and Bob invited, accepted and linked; Carol also holds an Alexa token and a pending assistant turn. */
  async function enrolled() {
    database = await openDatabase({});
    const store = { db: database.db };
    const { app, admin } = await linkedServer(store.db, sim);
    const signedIn = [];
    for (const email of ['carol@contoso.com', 'bob@contoso.com']) {
      const out = await inviteOne(app, admin, email);
      const token = tokenOf(linkFromInbox(sim, email, seen));
      seen.push(token);
      const me = await acceptInvitation(app, token);
      const linked = await asUser(app, me, 'POST', '/api/v1/me/exchange', {});
      expect(linked.json().person, linked.body).toMatchObject({ state: 'linked', mailbox: email });
      signedIn.push({ id: out.user.id, me });
    }
    const [carol, bob] = signedIn as [(typeof signedIn)[0], (typeof signedIn)[0]];
    const account = await store.db.selectFrom('people').select('account_id').where('id', '=', carol.id).executeTakeFirstOrThrow();
    await store.db.insertInto('oauth_tokens').values({ token_hash: hashToken(newToken()), kind: 'refresh', account_id: account.account_id!, client_id: 'alexa', scope: 'calendar', expires_at: new Date(Date.now() + 3_600_000) }).execute();
    // Pending turns under both keys the assistant uses: the mailbox, and account/mailbox (signed-in channels).
    await dialogState.put(store.db, { sessionId: 'alexa-session-1', user: 'carol@contoso.com', state: { pending: 'create' }, expiresAt: new Date(Date.now() + 600_000) });
    await dialogState.put(store.db, { sessionId: 'chat-session-1', user: `${account.account_id!}/carol@contoso.com`, state: { pending: 'cancel' }, expiresAt: new Date(Date.now() + 600_000) });
    await dialogState.put(store.db, { sessionId: 'chat-session-2', user: 'bob@contoso.com', state: { pending: 'move' }, expiresAt: new Date(Date.now() + 600_000) });
    return { app, admin, carol, bob, carolAccount: account.account_id!, store };
  }

  it('gives a user no administrator route, and no way to act on someone else', async () => {
    const { app, carol, bob, store } = await enrolled();
    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/audit/export?format=csv'],
      ['POST', `/api/v1/users/${bob.id}/revoke`],
      ['POST', `/api/v1/users/${bob.id}/resend`],
      ['DELETE', `/api/v1/users/${bob.id}`],
    ] as const) {
      const res = await asUser(app, carol.me, method, url);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json().code).toBe('Forbidden');
    }
    const invited = await asUser(app, carol.me, 'POST', '/api/v1/users/invitations', { email: 'dave@contoso.com' });
    expect(invited.statusCode).toBe(403);
    const imported = await asUser(app, carol.me, 'POST', '/api/v1/users/import', { csv: 'dave@contoso.com' });
    expect(imported.statusCode).toBe(403);
    // Bob is untouched, and nobody new was enrolled.
    const people = await store.db.selectFrom('people').select(['email', 'state']).orderBy('email').execute();
    expect(people).toEqual([
      { email: 'bob@contoso.com', state: 'linked' },
      { email: 'carol@contoso.com', state: 'linked' },
    ]);
    expect((await asUser(app, bob.me, 'GET', '/api/v1/me')).statusCode).toBe(200);
    await app.close();
  });

  it('refuses every change without the CSRF token, and changes nothing', async () => {
    const { app, admin, carol, bob, store } = await enrolled();
    const before = await dumpAllRows(store.db);
    const noCsrf = (cookie: string, method: 'POST' | 'DELETE', url: string, payload?: object) => app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const attempts = [
      noCsrf(admin.cookie, 'POST', '/api/v1/users/invitations', { email: 'dave@contoso.com' }),
      noCsrf(admin.cookie, 'POST', '/api/v1/users/import', { csv: 'dave@contoso.com' }),
      noCsrf(admin.cookie, 'POST', `/api/v1/users/${bob.id}/resend`),
      noCsrf(admin.cookie, 'POST', `/api/v1/users/${bob.id}/revoke`),
      noCsrf(admin.cookie, 'DELETE', `/api/v1/users/${bob.id}`),
      noCsrf(carol.me.cookie, 'POST', '/api/v1/me/exchange', {}),
      noCsrf(carol.me.cookie, 'DELETE', '/api/v1/me/exchange'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('CsrfTokenMissing');
    }
    expect(await dumpAllRows(store.db)).toBe(before);
    await app.close();
  });

  it('revokes: sessions, Alexa tokens and pending turns end, the password stops working', async () => {
    const { app, admin, carol, bob, carolAccount, store } = await enrolled();
    const res = await adminRequest(app, admin, 'POST', `/api/v1/users/${carol.id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: carol.id, state: 'revoked' });

    expect((await asUser(app, carol.me, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await asUser(app, carol.me, 'POST', '/api/v1/me/exchange', {})).statusCode).toBe(401);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'carol@contoso.com', password: USER_PASSWORD } });
    expect(signIn.statusCode).toBe(401);
    expect(await store.db.selectFrom('sessions').select('id_hash').where('admin_id', '=', carolAccount).execute()).toEqual([]);
    const tokens = await store.db.selectFrom('oauth_tokens').select('revoked_at').where('account_id', '=', carolAccount).execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.revoked_at).toBeInstanceOf(Date);
    expect((await store.db.selectFrom('dialog_state').select('user_id').execute()).map((r) => r.user_id)).toEqual(['bob@contoso.com']);

    // Resending to someone who already accepted is refused with the way forward.
    const resend = await adminRequest(app, admin, 'POST', `/api/v1/users/${carol.id}/resend`);
    expect(resend.statusCode).toBe(409);
    expect(resend.json()).toMatchObject({ code: 'InvitationAlreadyAccepted' });
    expect(resend.json().hint).toContain('remove the user');

    // Bob is unaffected.
    expect((await asUser(app, bob.me, 'GET', '/api/v1/me')).json().person).toMatchObject({ state: 'linked' });
    const audit = await adminRequest(app, admin, 'GET', '/api/v1/audit?action=person.revoke');
    expect(audit.json().entries[0]).toMatchObject({ actor: 'admin@contoso.com', target: 'carol@contoso.com', result: 'ok', detail: { sessions: 1, tokens: 1, dialogs: 2 } });
    await app.close();
  });

  it('removes: no row about the person is left but the append-only audit trail', async () => {
    const { app, admin, carol, bob, carolAccount, store } = await enrolled();
    const res = await adminRequest(app, admin, 'DELETE', `/api/v1/users/${carol.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ removed: true });

    const dump = await dumpAllRows(store.db);
    const [beforeAudit, rest] = dump.split('== audit_log\n');
    const afterAudit = rest!.split('\n== ').slice(1).join('\n== ');
    for (const trace of ['carol@contoso.com', carol.id, carolAccount]) {
      expect(beforeAudit).not.toContain(trace);
      expect(afterAudit).not.toContain(trace);
    }
    expect(rest).toContain('person.remove');
    expect((await asUser(app, carol.me, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'carol@contoso.com', password: USER_PASSWORD } });
    expect(signIn.statusCode).toBe(401);
    expect((await adminRequest(app, admin, 'DELETE', `/api/v1/users/${carol.id}`)).json()).toMatchObject({ status: 404, code: 'UserUnknown' });
    const users = (await adminRequest(app, admin, 'GET', '/api/v1/users')).json().users;
    expect(users.map((u: { id: string }) => u.id)).toEqual([bob.id]);
    // Removed people can be invited again from scratch.
    expect((await inviteOne(app, admin, 'carol@contoso.com')).user.state).toBe('invited');
    await app.close();
  });
});
