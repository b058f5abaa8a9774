import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admins, hashToken, SecretBox, sessions } from '../../../src/persistence/index.js';
import { buildServer } from '../../../src/server/app.js';
import { dumpAllRows, useDatabase } from '../../unit/persistence/backends.js';
import { useSimulator } from '../../support/use-simulator.js';
import { adminRequest, SVC } from '../../support/server.js';
import { acceptInvitation, asUser, USER_PASSWORD, invitationMails, inviteOne, linkedServer, linkFromInbox, peopleSimulator, tokenOf } from './support.js';

/**
 * Enrolment against the simulator: the invitation email lands in the invitee's Inbox with a working link,
 * the invitee accepts (fresh session), links their Exchange calendar, and every refusal says why.
 */
describe('inviting, accepting and linking a calendar', () => {
  const sim = useSimulator(peopleSimulator);

  describe('by email through Exchange', () => {
    const store = useDatabase('pglite');

    it('mails the invitation from the service account; the link in the Inbox works once', async () => {
      const { app, admin, logs } = await linkedServer(store.db, sim);
      const out = await inviteOne(app, admin, 'Alice@Contoso.com', 'Alice Wong');
      expect(out).toMatchObject({ delivery: 'email', user: { email: 'alice@contoso.com', displayName: 'Alice Wong', state: 'invited', invitation: { delivery: 'email' } } });
      expect(out.inviteUrl).toBeUndefined();

      const mails = invitationMails(sim, 'alice@contoso.com');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.from.email).toBe(SVC.upn);
      expect(mails[0]!.body.value).toContain('Hello Alice Wong,');
      const link = linkFromInbox(sim, 'alice@contoso.com');
      // No public URL configured: the link is built on the origin the admin's request came to.
      expect(link).toMatch(/^http:\/\/localhost(:80)?\/invite#token=[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(link);

      const opened = await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.json()).toMatchObject({ email: 'alice@contoso.com', displayName: 'Alice Wong' });
      const days = (Date.parse(opened.json().expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      // Stored hashed: the token is nowhere in the database, its sha256 is.
      const dump = await dumpAllRows(store.db);
      expect(dump).not.toContain(token);
      expect(dump).toContain(hashToken(token));

      // Session fixation: a session id planted in the browser before accepting is not the one after.
      const boss = await admins.findByEmail(store.db, 'admin@contoso.com');
      const planted = await sessions.create(store.db, boss!.id, { ttlMs: 60_000 });
      const me = await acceptInvitation(app, token, `concierge_session=${planted.sessionId}`);
      expect(me.body).toMatchObject({ email: 'alice@contoso.com', role: 'user' });
      expect(me.cookie).not.toBe(`concierge_session=${planted.sessionId}`);
      const plantedNow = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `concierge_session=${planted.sessionId}` } });
      expect(plantedNow.statusCode).toBe(401);
      const mine = await asUser(app, me, 'GET', '/api/v1/me');
      expect(mine.json()).toMatchObject({ email: 'alice@contoso.com', role: 'user', person: { state: 'accepted' } });

      // The link worked once.
      const again = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password: 'Another-Passw0rd-1' } });
      expect(again.statusCode).toBe(410);
      expect(again.json()).toMatchObject({ code: 'InvitationUsed' });
      expect((await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).json().code).toBe('InvitationUsed');

      // Linking: the address resolves to exactly her mailbox and impersonation reads her calendar.
      const linked = await asUser(app, me, 'POST', '/api/v1/me/exchange', { timeZone: 'Europe/Berlin' });
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json().person).toMatchObject({ state: 'linked', mailbox: 'alice@contoso.com', timeZone: 'Europe/Berlin' });
      expect(linked.json().person.lastError).toBeUndefined();

      const list = await adminRequest(app, admin, 'GET', '/api/v1/users');
      const alice = list.json().users.find((u: { email: string }) => u.email === 'alice@contoso.com');
      expect(alice).toMatchObject({ state: 'linked', mailbox: 'alice@contoso.com', invitation: { delivery: 'email' } });
      expect(alice.invitation.usedAt).toBeTypeOf('string');
      expect(alice.linkedAt).toBeTypeOf('string');

      const audit = await adminRequest(app, admin, 'GET', '/api/v1/audit?target=alice@contoso.com&limit=50');
      const actions = audit.json().entries.map((e: { action: string; result: string }) => `${e.action}:${e.result}`);
      expect(actions).toEqual(expect.arrayContaining(['person.invite:ok', 'invitation.email:ok', 'invitation.accept:ok', 'person.link:ok']));

      // Secrets never reach the log: not the invitation token (it is in a GET path), not the password.
      const logged = logs.lines.join('');
      expect(logged).toContain('/api/v1/invitations/accept');
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(USER_PASSWORD);

      // Unlinking goes back to 'accepted'.
      const unlinked = await asUser(app, me, 'DELETE', '/api/v1/me/exchange');
      expect(unlinked.json().person).toMatchObject({ state: 'accepted' });
      expect(unlinked.json().person.mailbox).toBeUndefined();
      await app.close();
    });

    it('linked without a time zone, a person gets the zone their mailbox keeps its working hours in', async () => {
      const { app, admin } = await linkedServer(store.db, sim);
      await inviteOne(app, admin, 'dave@contoso.com', 'Dave Lee');
      const me = await acceptInvitation(app, tokenOf(linkFromInbox(sim, 'dave@contoso.com')));
      const linked = await asUser(app, me, 'POST', '/api/v1/me/exchange', {});
      expect(linked.statusCode, linked.body).toBe(200);
      // Tokyo Standard Time in Exchange: answers in Tokyo time, not UTC.
      expect(linked.json().person).toMatchObject({ state: 'linked', mailbox: 'dave@contoso.com', timeZone: 'Asia/Tokyo' });
      await app.close();
    });

    it('refuses revoked, expired and unknown links with their own codes', async () => {
      const { app, admin } = await linkedServer(store.db, sim);
      const first = await inviteOne(app, admin, 'carol@contoso.com');
      const oldToken = tokenOf(linkFromInbox(sim, 'carol@contoso.com'));
      const resent = await adminRequest(app, admin, 'POST', `/api/v1/users/${first.user.id}/resend`);
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json()).toMatchObject({ delivery: 'email', user: { state: 'invited' } });
      expect(invitationMails(sim, 'carol@contoso.com')).toHaveLength(2);
      const newToken = tokenOf(linkFromInbox(sim, 'carol@contoso.com', [oldToken]));

      const revoked = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token: oldToken, password: 'Carol-Passw0rd-12' } });
      expect(revoked.statusCode).toBe(410);
      expect(revoked.json()).toMatchObject({ code: 'InvitationRevoked' });
      expect(revoked.json().hint).toMatch(/newest invitation|new invitation/);

      await store.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashToken(newToken)).execute();
      const expired = await app.inject({ method: 'GET', url: `/api/v1/invitations/${newToken}` });
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ code: 'InvitationExpired' });
      const expiredAccept = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token: newToken, password: 'Carol-Passw0rd-12' } });
      expect(expiredAccept.json()).toMatchObject({ code: 'InvitationExpired' });
      expect(await admins.findByEmail(store.db, 'carol@contoso.com')).toBeUndefined();

      const unknown = await app.inject({ method: 'GET', url: `/api/v1/invitations/${randomBytes(32).toString('base64url')}` });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'InvitationUnknown' });

      // An invitation revoked by the admin before it was used.
      await adminRequest(app, admin, 'POST', `/api/v1/users/${first.user.id}/resend`);
      const third = tokenOf(linkFromInbox(sim, 'carol@contoso.com', [oldToken, newToken]));
      expect((await adminRequest(app, admin, 'POST', `/api/v1/users/${first.user.id}/revoke`)).json().user).toMatchObject({ state: 'revoked' });
      const afterRevoke = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token: third, password: 'Carol-Passw0rd-12' } });
      expect(afterRevoke.json()).toMatchObject({ status: 410, code: 'InvitationRevoked' });
      const refusals = await adminRequest(app, admin, 'GET', '/api/v1/audit?action=invitation.accept&result=refused');
      expect(refusals.json().entries.map((e: { detail: { code: string } }) => e.detail.code)).toEqual(expect.arrayContaining(['InvitationRevoked', 'InvitationExpired']));
      await app.close();
    });
  });

  describe('when the service account cannot send', () => {
    const store = useDatabase('pglite');

    it('hands the admin the link to forward, with the reason, and the link works', async () => {
      // No Exchange link yet: nothing can be sent.
      const { app, admin } = await linkedServer(store.db, undefined);
      const out = await inviteOne(app, admin, 'dave@contoso.com', 'Dave Lee');
      expect(out.delivery).toBe('manual');
      expect(out.deliveryProblem).toMatchObject({ code: 'ExchangeNotLinked' });
      expect(out.deliveryProblem!.message).toContain('dave@contoso.com');
      expect(out.deliveryProblem!.hint).toContain('send the invitation link to dave@contoso.com yourself');
      const opened = await app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(out.inviteUrl!)}` });
      expect(opened.json()).toMatchObject({ email: 'dave@contoso.com', displayName: 'Dave Lee' });
      const listed = await adminRequest(app, admin, 'GET', '/api/v1/users');
      expect(listed.json().users[0]).toMatchObject({ email: 'dave@contoso.com', invitation: { delivery: 'manual' } });
      await app.close();
    });

    it('falls back to manual when Exchange refuses the service account', async () => {
      const { app, admin } = await linkedServer(store.db, sim);
      const svc = sim.exchange.directory.findMailbox(SVC.upn)!;
      sim.exchange.directory.updateMailbox(svc, { password: 'Someone-Changed-It-1!' });
      try {
        const out = await inviteOne(app, admin, 'bob@contoso.com');
        expect(out.delivery).toBe('manual');
        expect(out.deliveryProblem?.code).toBe('HttpUnauthorized');
        expect(out.deliveryProblem?.message).toMatch(/^The invitation email to bob@contoso.com was not sent through Exchange: Exchange rejected the credentials of svc@contoso.com/);
        expect(out.inviteUrl).toMatch(/\/invite#token=/);
        expect(invitationMails(sim, 'bob@contoso.com')).toHaveLength(0);
      } finally {
        sim.exchange.directory.updateMailbox(sim.exchange.directory.findMailbox(SVC.upn)!, { password: SVC.password });
      }
      await app.close();
    });

    it('builds links on the configured public URL', async () => {
      const server = await buildServer({ db: store.db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'silent', publicUrl: 'https://concierge.contoso.com/' });
      const signIn = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'admin@contoso.com', password: 'Console-Admin-Passw0rd' } });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const admin = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, csrf: signIn.json().csrfToken as string };
      const out = await inviteOne(server.app, admin, 'erin@contoso.com');
      expect(out.inviteUrl).toMatch(/^https:\/\/concierge\.contoso\.com\/invite#token=[A-Za-z0-9_-]{43}$/);
      await server.app.close();
    });
  });

  describe('when the invited address does not match the mailbox', () => {
    const store = useDatabase('pglite');

    /** Invites while no link exists (so the link comes back to forward), then links the service account. */
    async function invitedAndAccepted(email: string) {
      const unlinked = await linkedServer(store.db, undefined);
      const out = await inviteOne(unlinked.app, unlinked.admin, email);
      await unlinked.app.close();
      const { app, admin } = await linkedServer(store.db, sim);
      const me = await acceptInvitation(app, tokenOf(out.inviteUrl!));
      return { app, admin, me };
    }

    it('names the mailbox the address resolves to instead, with the Shell fix, and marks the person failing', async () => {
      const { app, admin, me } = await invitedAndAccepted('bob@contoso.co');
      const res = await asUser(app, me, 'POST', '/api/v1/me/exchange', {});
      expect(res.statusCode).toBe(422);
      const p = res.json();
      expect(p.code).toBe('MailboxMismatch');
      expect(p.detail).toBe('The address bob@contoso.co you were invited with does not match the email address of your mailbox in Microsoft Exchange: it resolves to the mailbox bob@contoso.com (Bob Smith), whose primary address is bob@contoso.com.');
      expect(p.hint).toContain('Verify that the email address you invited the user with matches the email address in your Microsoft Exchange server');
      expect(p.hint).toContain('Set-Mailbox -Identity bob -PrimarySmtpAddress bob@contoso.co');
      expect(p.hint).toContain('re-invite the user as bob@contoso.com');

      const listed = (await adminRequest(app, admin, 'GET', '/api/v1/users')).json().users.find((u: { email: string }) => u.email === 'bob@contoso.co');
      expect(listed).toMatchObject({ state: 'failing', lastError: { code: 'MailboxMismatch', message: p.detail, hint: p.hint } });
      expect(listed.mailbox).toBeUndefined();
      expect((await asUser(app, me, 'GET', '/api/v1/me')).json().person).toMatchObject({ state: 'failing', lastError: { code: 'MailboxMismatch' } });
      await app.close();
    });

    it('says when the address resolves to nothing', async () => {
      const { app, me } = await invitedAndAccepted('nobody@contoso.com');
      const res = await asUser(app, me, 'POST', '/api/v1/me/exchange', {});
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'MailboxNotFound' });
      expect(res.json().detail).toContain('nobody@contoso.com');
      expect(res.json().detail).toContain('resolves it to nothing');
      expect(res.json().hint).toContain('Set-Mailbox -Identity <alias> -PrimarySmtpAddress nobody@contoso.com');
      await app.close();
    });
  });

  describe('when the access method does not reach the mailbox', () => {
    const store = useDatabase('pglite');

    it('reuses the EWS error and its Shell fix', async () => {
      // Delegation: the seed gives svc Editor on alice's calendar only (the analyzer's test mailbox), none on dave's.
      const unlinked = await linkedServer(store.db, undefined);
      const out = await inviteOne(unlinked.app, unlinked.admin, 'dave@contoso.com');
      await unlinked.app.close();
      const { app, admin } = await linkedServer(store.db, sim, 'delegation');
      const me = await acceptInvitation(app, tokenOf(out.inviteUrl!));
      const res = await asUser(app, me, 'POST', '/api/v1/me/exchange', {});
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toMatch(/^Error(AccessDenied|FolderNotFound)$/);
      expect(res.json().detail).toContain('dave@contoso.com');
      expect(res.json().hint).toContain('Add-MailboxFolderPermission -Identity "dave:\\Calendar" -User svc -AccessRights Editor');
      const listed = (await adminRequest(app, admin, 'GET', '/api/v1/users')).json().users[0];
      expect(listed).toMatchObject({ state: 'failing', lastError: { code: res.json().code } });
      await app.close();
    });
  });
});
