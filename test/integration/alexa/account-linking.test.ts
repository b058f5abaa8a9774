import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, hashToken, oauth, openDatabase, type Database } from '../../../src/persistence/index.js';
import type { ConciergeServer } from '../../../src/server/app.js';
import { LogCapture } from '../../support/server.js';
import { addPerson, alexaServer, authorizeParams, basic, CLIENT_ID, CLIENT_SECRET, FORM, form, hidden, linkedTokens, linkInBrowser, OTHER_REDIRECT_URI, REDIRECT_URI, signInForConsent, tokenRequest, type TokenAnswer } from './support.js';

const ALICE = { email: 'alice@contoso.com', password: 'Alice-Concierge-Passw0rd', state: 'linked' as const, mailbox: 'alice@contoso.com', timeZone: 'America/Los_Angeles' };
const BOB = { email: 'bob@contoso.com', password: 'Bob-Concierge-Passw0rd', state: 'accepted' as const };

/** Alexa account linking, as Alexa and the person's browser drive it, against an in-process server. */
describe('Alexa account linking (OAuth 2.0 authorization code grant)', () => {
  let database: Database;
  let server: ConciergeServer;
  const logs = new LogCapture();
  beforeAll(async () => {
    database = await openDatabase({});
    server = await alexaServer(database.db, { extra: { logStream: logs } });
    await addPerson(database.db, ALICE);
    await addPerson(database.db, BOB);
  });
  afterAll(async () => {
    await server?.app.close();
    await database?.close();
  });
  const app = () => server.app;
  const linkUrl = (params: Record<string, string>) => `/alexa/link?${form(params)}`;

  it('shows a script-free sign-in page, then a consent screen naming the account, then redirects to Alexa with a code and the state', async () => {
    const page = await app().inject({ method: 'GET', url: linkUrl(authorizeParams()) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<form method="post" action="/alexa/link/sign-in">');
    expect(page.body).toContain('name="password" type="password"');
    expect(page.body).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' https://pitangui.amazon.com https://layla.amazon.com");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(hidden(page.body, 'state')).toBe('alexa-state-123');

    const { res: consent, cookie, csrf } = await signInForConsent(app(), ALICE);
    expect(consent.statusCode).toBe(200);
    expect(consent.body).toContain('Allow Alexa to use your calendar?');
    expect(consent.body).toContain('signed in as <strong>alice@contoso.com</strong>');
    expect(consent.body).toMatch(/schedule, move and cancel events/);
    expect(cookie).toMatch(/^concierge_session=/);
    expect(csrf).toBeTruthy();

    // With the session from the sign-in, the authorize page goes straight to consent.
    const again = await app().inject({ method: 'GET', url: linkUrl(authorizeParams()), headers: { cookie: cookie! } });
    expect(again.body).toContain('Allow Alexa to use your calendar?');

    const back = await app().inject({ method: 'POST', url: '/alexa/link/consent', headers: { ...FORM, cookie: cookie! }, payload: form({ ...authorizeParams(), csrf: csrf!, decision: 'allow' }) });
    expect(back.statusCode).toBe(302);
    const location = new URL(String(back.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('alexa-state-123');
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored hashed, bound to the client and the redirect_uri, for 5 minutes.
    const row = await database.db.selectFrom('oauth_codes').selectAll().where('code_hash', '=', hashToken(code)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'calendar', used_at: null });
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(row.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(JSON.stringify(await database.db.selectFrom('oauth_codes').selectAll().execute())).not.toContain(code);

    const entries = await auditLog.list(database.db, { action: 'alexa.link' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok' });
  });

  it('exchanges the code for tokens (HTTP Basic), rotates the refresh token, and never caches', async () => {
    const back = await linkInBrowser(app(), ALICE);
    const res = await tokenRequest(app(), { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT_URI });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const tokens = res.json() as TokenAnswer;
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'calendar' });
    expect(tokens.access_token).not.toBe(tokens.refresh_token);
    const account = await oauth.accountForAccessToken(database.db, tokens.access_token);
    expect(account).toBeDefined();
    const stored = await database.db.selectFrom('oauth_tokens').selectAll().where('account_id', '=', account!).execute();
    expect(JSON.stringify(stored)).not.toContain(tokens.access_token);
    const refreshRow = stored.find((t) => t.token_hash === hashToken(tokens.refresh_token))!;
    expect(refreshRow.kind).toBe('refresh');
    expect(refreshRow.expires_at.getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);

    const refreshed = await tokenRequest(app(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const next = refreshed.json() as TokenAnswer;
    expect(next).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'calendar' });
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(await oauth.accountForAccessToken(database.db, next.access_token)).toBe(account);

    // Rotation: the spent refresh token is refused; the new one works once more.
    const replay = await tokenRequest(app(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect(replay.headers['cache-control']).toBe('no-store');
    expect((await tokenRequest(app(), { grant_type: 'refresh_token', refresh_token: next.refresh_token })).statusCode).toBe(200);
  });

  it('accepts client credentials in the body as well', async () => {
    const back = await linkInBrowser(app(), ALICE);
    const res = await tokenRequest(app(), { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID, client_secret: CLIENT_SECRET }, null);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a wrong client secret with 401 invalid_client, and never logs the secret', async () => {
    const back = await linkInBrowser(app(), ALICE);
    const code = back.searchParams.get('code')!;
    const res = await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, basic(CLIENT_ID, 'not-the-secret-at-all'));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid_client' });
    expect(res.json().error_description).toMatch(/CONCIERGE_ALEXA_CLIENT_SECRET/);
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(res.headers['cache-control']).toBe('no-store');
    const none = await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, null);
    expect(none.statusCode).toBe(401);
    // The refused attempts did not use up the code.
    expect((await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })).statusCode).toBe(200);
    const logged = logs.lines.join('');
    expect(logged).not.toContain(CLIENT_SECRET);
    expect(logged).not.toContain(ALICE.password);
    expect(logged).not.toContain(code);
  });

  it('shows an error page, and never redirects, for a redirect_uri or client that is not configured', async () => {
    const res = await app().inject({ method: 'GET', url: linkUrl(authorizeParams({ redirect_uri: 'https://evil.example.com/api/skill/link/M2TESTVENDOR' })) });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('not one of the Alexa addresses');
    expect(res.body).toContain('CONCIERGE_ALEXA_REDIRECT_URIS');
    expect(res.body).not.toContain('evil.example.com');
    const signIn = await app().inject({ method: 'POST', url: '/alexa/link/sign-in', headers: FORM, payload: form({ ...authorizeParams({ redirect_uri: `${REDIRECT_URI}/x` }), email: ALICE.email, password: ALICE.password }) });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.headers.location).toBeUndefined();
    expect(signIn.headers['set-cookie']).toBeUndefined();
    const client = await app().inject({ method: 'GET', url: linkUrl(authorizeParams({ client_id: 'someone-else' })) });
    expect(client.statusCode).toBe(400);
    expect(client.headers.location).toBeUndefined();
    expect(client.body).toContain('CONCIERGE_ALEXA_CLIENT_ID');
  });

  it('sends protocol errors back to a configured redirect_uri: unsupported response type, unknown scope', async () => {
    const token = await app().inject({ method: 'GET', url: linkUrl(authorizeParams({ response_type: 'token', redirect_uri: OTHER_REDIRECT_URI })) });
    expect(token.statusCode).toBe(302);
    const to = new URL(String(token.headers.location));
    expect(to.origin).toBe('https://layla.amazon.com');
    expect(to.searchParams.get('error')).toBe('unsupported_response_type');
    expect(to.searchParams.get('state')).toBe('alexa-state-123');
    const scope = await app().inject({ method: 'GET', url: linkUrl(authorizeParams({ scope: 'calendar mail' })) });
    expect(new URL(String(scope.headers.location)).searchParams.get('error')).toBe('invalid_scope');
  });

  it('redirects with access_denied when the person denies', async () => {
    const { cookie, csrf } = await signInForConsent(app(), ALICE);
    const res = await app().inject({ method: 'POST', url: '/alexa/link/consent', headers: { ...FORM, cookie: cookie! }, payload: form({ ...authorizeParams(), csrf: csrf!, decision: 'deny' }) });
    expect(res.statusCode).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(to.searchParams.get('error')).toBe('access_denied');
    expect(to.searchParams.get('state')).toBe('alexa-state-123');
    expect(to.searchParams.get('code')).toBeNull();
  });

  it('refuses a consent without the CSRF token of the session', async () => {
    const { cookie } = await signInForConsent(app(), ALICE);
    const res = await app().inject({ method: 'POST', url: '/alexa/link/consent', headers: { ...FORM, cookie: cookie! }, payload: form({ ...authorizeParams(), csrf: 'forged', decision: 'allow' }) });
    expect(res.statusCode).toBe(403);
    expect(res.headers.location).toBeUndefined();
  });

  it('tells a wrong password apart from nothing, and audits it', async () => {
    const { res } = await signInForConsent(app(), { email: ALICE.email, password: 'wrong-password-here' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('The email or password is wrong.');
    expect(res.body).toContain('value="alice@contoso.com"');
    expect(res.headers['set-cookie']).toBeUndefined();
    const refused = await auditLog.list(database.db, { action: 'session.sign-in', result: 'refused' });
    expect(refused[0]).toMatchObject({ actor: 'alice@contoso.com', detail: { via: 'alexa-link' } });
  });

  it('sends a person who has not linked Exchange to /console/me instead of the consent screen', async () => {
    const { res, cookie, csrf } = await signInForConsent(app(), BOB);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Link your calendar first');
    expect(res.body).toContain('href="/console/me"');
    expect(csrf).toBeUndefined();
    // Even a hand-made consent cannot finish linking.
    const session = await app().inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookie! } });
    const forged = await app().inject({ method: 'POST', url: '/alexa/link/consent', headers: { ...FORM, cookie: cookie! }, payload: form({ ...authorizeParams(), csrf: session.json().csrfToken, decision: 'allow' }) });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers.location).toBeUndefined();
  });

  it('revokes the tokens issued from a code that is presented again', async () => {
    const back = await linkInBrowser(app(), ALICE);
    const code = back.searchParams.get('code')!;
    const first = await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    const tokens = first.json() as TokenAnswer;
    const rotated = (await tokenRequest(app(), { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).json() as TokenAnswer;
    expect(await oauth.accountForAccessToken(database.db, rotated.access_token)).toBeDefined();

    const second = await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ error: 'invalid_grant' });
    expect(second.json().error_description).toMatch(/already used/);
    expect(await oauth.accountForAccessToken(database.db, tokens.access_token)).toBeUndefined();
    expect(await oauth.accountForAccessToken(database.db, rotated.access_token)).toBeUndefined();
    expect((await tokenRequest(app(), { grant_type: 'refresh_token', refresh_token: rotated.refresh_token })).json()).toMatchObject({ error: 'invalid_grant' });
    const audit = await auditLog.list(database.db, { action: 'alexa.token' });
    expect(audit[0]).toMatchObject({ target: 'alice@contoso.com', result: 'refused', detail: { reason: 'authorization code reused' } });
  });

  it('refuses an expired code, and a code presented with another redirect_uri', async () => {
    const back = await linkInBrowser(app(), ALICE);
    const code = back.searchParams.get('code')!;
    const other = await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: OTHER_REDIRECT_URI });
    expect(other.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/redirect_uri/) });
    await database.db.updateTable('oauth_codes').set({ expires_at: new Date(Date.now() - 1000) }).where('code_hash', '=', hashToken(code)).execute();
    const late = await tokenRequest(app(), { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
    expect((await tokenRequest(app(), { grant_type: 'authorization_code', code: 'never-issued', redirect_uri: REDIRECT_URI })).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers other protocol mistakes per RFC 6749', async () => {
    const grant = await tokenRequest(app(), { grant_type: 'password', username: 'a', password: 'b' });
    expect(grant.statusCode).toBe(400);
    expect(grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await tokenRequest(app(), { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI })).json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/code/) });
    expect((await tokenRequest(app(), {})).json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/grant_type/) });
    const json = await app().inject({ method: 'POST', url: '/alexa/token', headers: { authorization: basic(CLIENT_ID, CLIENT_SECRET), 'content-type': 'application/json' }, payload: { grant_type: 'refresh_token', refresh_token: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: 'invalid_request' });
    expect(json.headers['cache-control']).toBe('no-store');
  });

  it('links end to end for the skill endpoint tests', async () => {
    const tokens = await linkedTokens(app(), ALICE);
    expect(tokens.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('Alexa account linking sign-in rate limit', () => {
  it('pauses sign-in after 10 attempts a minute, with a page', async () => {
    const database = await openDatabase({});
    const server = await alexaServer(database.db);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await signInForConsent(server.app, { email: 'nobody@contoso.com', password: `guess-${i}` }, authorizeParams(), '192.0.2.7')).res.statusCode);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      const last = await signInForConsent(server.app, { email: 'nobody@contoso.com', password: 'guess' }, authorizeParams(), '192.0.2.7');
      // Another address is not paused.
      expect((await signInForConsent(server.app, { email: 'nobody@contoso.com', password: 'guess' }, authorizeParams(), '192.0.2.8')).res.statusCode).toBe(401);
      expect(last.res.statusCode).toBe(429);
      expect(last.res.headers['content-type']).toMatch(/^text\/html/);
      expect(last.res.body).toContain('Too many sign-in attempts');
    } finally {
      await server.app.close();
      await database.close();
    }
  });
});
