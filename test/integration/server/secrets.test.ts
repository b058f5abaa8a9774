import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { sql } from 'kysely';
import { BACKENDS, useDatabase } from '../../unit/persistence/backends.js';
import { adminRequest, LogCapture, rotationSimulator, serverWithAdmin, SVC, SVC2, ADMIN } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe.each(BACKENDS)('secrets never leak ($kind)', ({ kind }) => {
  const store = useDatabase(kind);
  // One key for the block: the second test's server must read what the first one sealed.
  const key = randomBytes(32);
  const sim = useSimulator(rotationSimulator);

  it('the service account password is in no log line, no API response, and not in plain text in the database', async () => {
    const logs = new LogCapture();
    const { server, admin } = await serverWithAdmin(store.db, key, logs);
    const responses: string[] = [];
    const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const res = await adminRequest(server.app, admin, method, url, payload);
      responses.push(JSON.stringify(res.headers) + res.body);
      return res;
    };
    expect((await send('POST', '/api/v1/exchange/test', { url: sim.ewsUrl, upn: SVC.upn, password: SVC.password, access: 'impersonation', mailbox: 'alice@contoso.com' })).statusCode).toBe(200);
    expect((await send('POST', '/api/v1/exchange/link', { url: sim.ewsUrl, upn: SVC.upn, password: SVC.password, access: 'impersonation', mailbox: 'alice@contoso.com' })).statusCode).toBe(200);
    await send('POST', '/api/v1/exchange/link', { url: sim.ewsUrl, upn: SVC.upn, password: `${SVC.password}-wrong`, access: 'impersonation', mailbox: 'alice@contoso.com' });
    await send('POST', '/api/v1/exchange/rotate', { upn: SVC2.upn, password: SVC2.password });
    await send('PUT', '/api/v1/exchange/password-expiry', { expiresAt: '2027-01-01T00:00:00Z' });
    await send('GET', '/api/v1/exchange');
    await send('GET', '/api/v1/openapi.json');
    await server.pool.use((c) => c.calendarView('alice@contoso.com', { start: '2026-12-07T00:00:00Z', end: '2026-12-08T00:00:00Z' }));
    // A sign-in attempt with a wrong password is logged without the password either.
    await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: ADMIN.email, password: 'Wrong-Console-Passw0rd' } });
    await server.app.close();

    const secrets = [SVC.password, SVC2.password, `${SVC.password}-wrong`, ADMIN.password, 'Wrong-Console-Passw0rd', b64(`${SVC.upn}:${SVC.password}`), b64(`${SVC2.upn}:${SVC2.password}`)];
    const logText = logs.lines.join('');
    expect(logs.lines.length).toBeGreaterThan(5);
    for (const s of secrets) {
      expect(logText.includes(s), `a log line contains ${s}`).toBe(false);
      for (const r of responses) expect(r.includes(s), `an API response contains ${s}`).toBe(false);
    }
    const dump: string[] = [];
    for (const table of ['admins', 'sessions', 'setup_tokens', 'exchange_links', 'audit_log', 'notifications_sent', 'dialog_state']) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(store.db);
      dump.push(JSON.stringify(rows.rows, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)));
    }
    const db = dump.join('\n');
    for (const s of secrets) expect(db.includes(s), `the database holds ${s} in plain text`).toBe(false);
    expect(db).toContain(SVC2.upn);
  });

  it('a 401 marks the link failing and nothing retries it (no lockout); the status says so', async () => {
    const { server, admin } = await serverWithAdmin(store.db, key);
    // The account's password changes in Exchange, behind Concierge's back.
    const shell = await request(sim.powershellUrl, { method: 'POST', headers: { authorization: `Basic ${b64('administrator@contoso.com:Adm1n-Passw0rd!')}`, 'content-type': 'application/json' }, body: JSON.stringify({ command: 'Set-Mailbox svc2 -Password (ConvertTo-SecureString -String "Changed-Passw0rd-99!" -AsPlainText -Force)' }) });
    const out = (await shell.body.json()) as { ok: boolean; output: string };
    expect(out.ok, out.output).toBe(true);
    const first = await server.pool.use((c) => c.calendarView('alice@contoso.com', { start: '2026-12-07T00:00:00Z', end: '2026-12-08T00:00:00Z' })).catch((e: Error & { code?: string }) => e);
    expect((first as { code?: string }).code).toBe('HttpUnauthorized');
    let sent = 0;
    const second = await server.pool.use(async () => {
      sent++;
    }).catch((e: Error & { code?: string }) => e);
    expect((second as { code?: string }).code).toBe('ExchangeLinkFailing');
    expect(sent).toBe(0);
    const status = (await adminRequest(server.app, admin, 'GET', '/api/v1/exchange')).json();
    expect(status.status).toBe('failing');
    expect(status.lastError.code).toBe('HttpUnauthorized');
    expect(status.warnings.join(' ')).toMatch(/Rotate/);
    // Rotating with the new password brings it back.
    const fixed = await adminRequest(server.app, admin, 'POST', '/api/v1/exchange/rotate', { password: 'Changed-Passw0rd-99!' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().link.status).toBe('active');
    await server.app.close();
  });
});

describe('requests without a session or CSRF token are refused', () => {
  const store = useDatabase('pglite');
  it('401 without a session, 403 without the CSRF token, problem JSON with a hint', async () => {
    const { server, admin } = await serverWithAdmin(store.db);
    const anon = await server.app.inject({ method: 'GET', url: '/api/v1/exchange' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    expect(anon.json()).toMatchObject({ code: 'Unauthenticated', hint: expect.stringContaining('Sign in') });
    const noCsrf = await server.app.inject({ method: 'POST', url: '/api/v1/exchange/rotate', headers: { cookie: admin.cookie }, payload: { password: 'x' } });
    expect(noCsrf.statusCode).toBe(403);
    const bad = await adminRequest(server.app, admin, 'POST', '/api/v1/exchange/link', { url: 'not a url', upn: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/Invalid/);
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const metrics = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('concierge_http_requests_total');
    const openapi = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/exchange', '/api/v1/exchange/link', '/api/v1/exchange/rotate', '/api/v1/session', '/api/v1/setup']));
    expect(openapi.paths['/api/v1/exchange/link'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['url', 'upn', 'password', 'access', 'mailbox']));
    await server.app.close();
  });
});
