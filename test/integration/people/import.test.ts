import { describe, expect, it } from 'vitest';
import { useDatabase } from '../../unit/persistence/backends.js';
import { useSimulator } from '../../support/use-simulator.js';
import { adminRequest } from '../../support/server.js';
import { invitationMails, inviteOne, linkedServer, peopleSimulator } from './support.js';

/** CSV import: every row gets its own result, a bad row never spoils the good ones, progress can stream. */
describe('inviting from a CSV', () => {
  const sim = useSimulator(peopleSimulator);
  const store = useDatabase('pglite');

  const CSV = [
    'email,displayName',
    'carol@contoso.com,Carol Diaz',
    'not-an-address,Broken Row',
    '',
    'Dave@Contoso.com,"Lee, Dave"',
    'carol@contoso.com,Carol Again',
    'alice@contoso.com,Alice Wong,extra column',
    'bob@contoso.com,Bob Smith',
    ',No Address',
  ].join('\r\n');

  it('reports each row; good rows are invited and emailed', async () => {
    const { app, admin } = await linkedServer(store.db, sim);
    await inviteOne(app, admin, 'bob@contoso.com');
    const res = await adminRequest(app, admin, 'POST', '/api/v1/users/import', { csv: CSV });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const rows = body.rows.map((r: { line: number; email?: string; result: string; delivery?: string }) => ({ line: r.line, email: r.email, result: r.result, ...(r.delivery ? { delivery: r.delivery } : {}) }));
    expect(rows).toEqual([
      { line: 2, email: 'carol@contoso.com', result: 'invited', delivery: 'email' },
      { line: 3, email: 'not-an-address', result: 'error' },
      // Line 4 is blank: no row, and the lines after it keep their real numbers.
      { line: 5, email: 'dave@contoso.com', result: 'invited', delivery: 'email' },
      { line: 6, email: 'carol@contoso.com', result: 'error' },
      { line: 7, email: 'alice@contoso.com', result: 'error' },
      { line: 8, email: 'bob@contoso.com', result: 'exists' },
      { line: 9, email: undefined, result: 'error' },
    ]);
    const byLine = new Map(body.rows.map((r: { line: number; message?: string }) => [r.line, r.message]));
    expect(byLine.get(3)).toBe('"not-an-address" is not a valid email address.');
    expect(byLine.get(6)).toBe('carol@contoso.com appears again: it is already on line 2 of this file.');
    expect(byLine.get(7)).toContain('Line 7 has 3 columns, but the 2 of the header (email,displayName)');
    expect(byLine.get(8)).toContain('bob@contoso.com is already enrolled');
    expect(byLine.get(9)).toBe('Line 9 has no email address.');
    expect(body).toMatchObject({ invited: 2, failed: 4 });

    const users = (await adminRequest(app, admin, 'GET', '/api/v1/users')).json().users;
    expect(users.map((u: { email: string; displayName?: string }) => [u.email, u.displayName])).toEqual([
      ['bob@contoso.com', undefined],
      ['carol@contoso.com', 'Carol Diaz'],
      ['dave@contoso.com', 'Lee, Dave'],
    ]);
    expect(invitationMails(sim, 'carol@contoso.com')).toHaveLength(1);
    expect(invitationMails(sim, 'dave@contoso.com')[0]?.body.value).toContain('Hello Lee, Dave,');
    expect(invitationMails(sim, 'alice@contoso.com')).toHaveLength(0);
    const audit = (await adminRequest(app, admin, 'GET', '/api/v1/audit?action=person.import')).json().entries;
    expect(audit[0]).toMatchObject({ actor: 'admin@contoso.com', result: 'ok', detail: { rows: 7, invited: 2, failed: 4 } });
    await app.close();
  });

  it('streams one JSON line per row, then the summary, when asked for NDJSON', async () => {
    const { app, admin } = await linkedServer(store.db, sim);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users/import',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, accept: 'application/x-ndjson' },
      // No header: one address per line, optionally a display name.
      payload: { csv: 'erin@contoso.com\nfrank@contoso.com,Frank\nbad address\ncarol@contoso.com\n' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ line: 1, email: 'erin@contoso.com', result: 'invited', delivery: 'email' }),
      expect.objectContaining({ line: 2, email: 'frank@contoso.com', result: 'invited', delivery: 'email' }),
      expect.objectContaining({ line: 3, email: 'bad address', result: 'error' }),
      expect.objectContaining({ line: 4, email: 'carol@contoso.com', result: 'exists' }),
      { done: true, invited: 2, failed: 1 },
    ]);
    await app.close();
  });

  it('refuses an unreadable file whole, inviting nobody', async () => {
    const { app, admin } = await linkedServer(store.db, sim);
    const before = (await adminRequest(app, admin, 'GET', '/api/v1/users')).json().users.length;
    const res = await adminRequest(app, admin, 'POST', '/api/v1/users/import', { csv: 'email,displayName\ngrace@contoso.com,"Grace\nheidi@contoso.com,Heidi' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CsvInvalid' });
    expect(res.json().detail).toContain('line 2');
    expect((await adminRequest(app, admin, 'GET', '/api/v1/users')).json().users.length).toBe(before);
    await app.close();
  });
});
