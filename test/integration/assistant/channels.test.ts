import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { ewsError } from '../../../src/ews/error-catalog.js';
import { HttpProblem } from '../../../src/server/problem.js';
import { defaultUnderstand } from '../../../src/assistant/understand.js';
import { useDatabase } from '../../unit/persistence/backends.js';
import { adminRequest, rotationSimulator, serverWithAdmin, SVC } from '../../support/server.js';
import { randomBytes } from 'node:crypto';
import { useSimulator } from '../../support/use-simulator.js';
import { linkExchange } from '../../support/linked-server.js';

/** The HTTP API and the CLI give the same answer object; writes wait for "yes" in the same session. */
describe('assistant channels', () => {
  const store = useDatabase('pglite');
  const sim = useSimulator(rotationSimulator);

  it('POST /api/v1/assistant/ask answers for the test mailbox, keeps the pending write in the database, and refuses other mailboxes', async () => {
    const key = randomBytes(32);
    const understand = await defaultUnderstand();
    const { server, admin } = await serverWithAdmin(store.db, key, undefined, { understand });
    await linkExchange(server.app, admin, sim);
    const now = '2026-12-07T08:00:00-08:00';
    const read = await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: "what's on my calendar today", now, timeZone: 'America/Los_Angeles' });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ intent: 'read_events', events: [{ subject: 'Standup' }], explain: { mailbox: 'alice@contoso.com', access: { account: SVC.upn, method: 'impersonation' } } });
    expect(read.json().text).toMatch(/one event today\. At 9 AM, Standup/);
    const propose = await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'add dentist tomorrow at 3pm', now, timeZone: 'America/Los_Angeles' });
    expect(propose.json().pending?.kind).toBe('create');
    // The next turn may reach another instance: the pending write lives in the database.
    const { server: other } = await serverWithAdmin(store.db, key, undefined, { understand });
    const yes = await adminRequest(other.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'yes', now, timeZone: 'America/Los_Angeles', sessionId: propose.json().sessionId });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().text).toMatch(/^Done\. Dentist is on your calendar tomorrow at 3 PM/);
    // An administrator has no stored zone: a "yes" said without one keeps the conversation's, not UTC.
    const lunch = await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'add lunch tomorrow at noon', now, timeZone: 'America/Los_Angeles' });
    const bare = await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'yes', now, sessionId: lunch.json().sessionId });
    expect(bare.json().text).toMatch(/^Done\. Lunch is on your calendar tomorrow at noon/);
    expect(bare.json().explain.timeZone).toBe('America/Los_Angeles');
    // Bad input is a 400 that says how to fix it, never a 500.
    const bad = async (body: Record<string, unknown>) => (await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: 'yes', ...body })).json() as { code: string; title?: string; detail?: string; hint?: string };
    expect(JSON.stringify(await bad({ sessionId: 'abcdefgh\u0000' }))).toMatch(/sessionId.*only letters, digits/);
    expect(JSON.stringify(await bad({ text: 'add lunch\u0000 friday' }))).toMatch(/NUL/);
    expect(JSON.stringify(await bad({ text: '   ' }))).toMatch(/text/);
    expect(JSON.stringify(await bad({ now: '2026-12-07T08:00:00' }))).toMatch(/with an offset, such as 2026-12-07T08:00:00-08:00/);
    expect(await bad({ timeZone: 'europe/berlin' })).toMatchObject({ code: 'UnknownTimeZone', hint: 'Zone names are case-sensitive: use Europe/Berlin.' });
    expect(await bad({ timeZone: 'Pacific Standard Time' })).toMatchObject({ code: 'UnknownTimeZone', hint: 'Pacific Standard Time is a Windows zone name; use America/Los_Angeles.' });
    expect(await bad({ timeZone: '' })).toMatchObject({ code: 'UnknownTimeZone', detail: 'The time zone (timeZone) is empty.' });
    // A reference time in another century is a mistake, refused before anything is read or changed.
    expect(await bad({ now: '0001-01-01T00:00:00Z' })).toMatchObject({ code: 'BadRequest', detail: expect.stringMatching(/^Invalid now: 0001-01-01T00:00:00Z is more than 10 years from the server's clock; give a time from \d{4}-\d\d-\d\dT[\d:]+Z to \d{4}-/), hint: 'Fix that field and send the request again; nothing was changed.' });
    // Links of the tz database are zones too: newer names this ICU lists under old ones, and old aliases.
    for (const timeZone of ['Asia/Kolkata', 'US/Pacific', 'Europe/Kyiv']) {
      const linked = await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: "what's on my calendar today", now, timeZone });
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json().explain.timeZone).toBe(timeZone);
    }
    expect((await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: "what's on my calendar today", now, timeZone: 'US/Pacific' })).json().text).toMatch(/At 9 AM, Standup/);
    const notMine = await adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'svc2@contoso.com', text: "what's on my calendar today" });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('NotYourCalendar');
    await server.app.close();
    await other.app.close();
  });

  it('a transient Exchange failure is a 503 with Retry-After: Exchange\'s back-off rounded up, else 30 s; a lasting one has none', async () => {
    const understand = await defaultUnderstand();
    const { server, admin } = await serverWithAdmin(store.db, randomBytes(32), undefined, { understand });
    await linkExchange(server.app, admin, sim);
    const ask = () => adminRequest(server.app, admin, 'POST', '/api/v1/assistant/ask', { user: 'alice@contoso.com', text: "what's on my calendar today", timeZone: 'America/Los_Angeles' });
    const failing = (err: Error) => vi.spyOn(server.pool, 'use').mockRejectedValueOnce(err);
    failing(ewsError('ErrorServerBusy', { backOffMs: 44_100 }));
    const busy = await ask();
    expect(busy.statusCode, busy.body).toBe(503);
    expect(busy.headers['retry-after']).toBe('45');
    expect(busy.json().code).toBe('ErrorServerBusy');
    failing(ewsError('ConnectionRefused', {}, { url: sim.ewsUrl }));
    expect((await ask()).headers['retry-after']).toBe('30');
    failing(ewsError('ErrorImpersonateUserDenied', { mailbox: 'alice@contoso.com' }));
    const denied = await ask();
    expect(denied.statusCode).toBe(502);
    expect(denied.headers['retry-after']).toBeUndefined();
    failing(new HttpProblem(503, 'ExchangeLinkFailing', 'Exchange refused the linked service account.', 'Rotate the password.'));
    const linkFailing = await ask();
    expect(linkFailing.statusCode).toBe(503);
    expect(linkFailing.headers['retry-after']).toBeUndefined();
    await server.app.close();
  });

  it('concierge ask --json prints the same answer object without a server', async () => {
    process.env.CONCIERGE_TEST_SVC_PW = SVC.password;
    let out = '';
    const io = { out: (t: string) => void (out += t), err: () => undefined };
    const code = await main(['node', 'concierge', 'ask', "what's my next meeting", '--url', sim.ewsUrl, '--upn', SVC.upn, '--password-env', 'CONCIERGE_TEST_SVC_PW', '--access', 'impersonation', '--mailbox', 'alice@contoso.com', '--now', '2026-12-07T08:00:00-08:00', '--tz', 'America/Los_Angeles', '--json'], io);
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer).toMatchObject({ intent: 'next_meeting', events: [{ subject: 'Standup' }] });
    expect(answer.text).toMatch(/Your next meeting is Standup, today at 9 AM/);
    expect(answer.ssml).toMatch(/^<speak>/);
  });

  it('concierge ask --json prints a failure as the API\'s problem object on stdout, keeps the words on stderr and the exit code, and no secret', async () => {
    process.env.CONCIERGE_TEST_WRONG_PW = 'Wrong-Secret-Passw0rd!';
    const run = async (...extra: string[]) => {
      let out = '';
      let err = '';
      const code = await main(['node', 'concierge', 'ask', "what's my next meeting", '--url', sim.ewsUrl, '--upn', SVC.upn, '--access', 'impersonation', '--mailbox', 'alice@contoso.com', '--tz', 'America/Los_Angeles', '--json', ...extra], { out: (t: string) => void (out += t), err: (t: string) => void (err += t) });
      return { code, out, err };
    };
    const refused = await run('--password-env', 'CONCIERGE_TEST_WRONG_PW');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error \[HttpUnauthorized\]: Exchange rejected the credentials of svc@contoso\.com/);
    expect(JSON.parse(refused.out)).toEqual({ type: 'about:blank', title: expect.stringMatching(/^Exchange rejected the credentials/), status: 502, code: 'HttpUnauthorized', detail: expect.stringMatching(/^Exchange rejected the credentials/), hint: expect.stringMatching(/Check the UPN and password/) });
    expect(refused.out + refused.err).not.toContain('Wrong-Secret-Passw0rd!');
    // A usage error is a problem object too, with exit code 2.
    const usage = await run('--password-env', 'CONCIERGE_TEST_WRONG_PW', '--now', '12/07/2026');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.out)).toMatchObject({ code: 'UsageError', status: 400, detail: expect.stringMatching(/is not an ISO 8601 time/) });
  });

  it('concierge ask --yes confirms a proposed write only; any other question gets a hint for asking again', async () => {
    process.env.CONCIERGE_TEST_SVC_PW = SVC.password;
    const run = async (...args: string[]) => {
      let out = '';
      const code = await main(['node', 'concierge', 'ask', ...args, '--url', sim.ewsUrl, '--upn', SVC.upn, '--password-env', 'CONCIERGE_TEST_SVC_PW', '--access', 'impersonation', '--mailbox', 'alice@contoso.com', '--now', '2026-12-07T08:00:00-08:00', '--tz', 'America/Los_Angeles'], { out: (t: string) => void (out += t), err: () => undefined });
      return { code, out };
    };
    // "When should it be?" is a question, not a write: --yes does not answer it, and says how to ask.
    const asked = await run('add lunch on thursday', '--yes');
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/What time on Thursday should lunch be\?/);
    expect(asked.out).toMatch(/Ask again with a day and a time in the words/);
    expect(asked.out).not.toMatch(/--yes/);
    // A proposed write without --yes says how to confirm it.
    expect((await run('add lunch on thursday at noon')).out).toMatch(/\(Run again with --yes to do it\.\)$/);
  });

  it('concierge ask refuses what the HTTP API refuses, with a usage error (exit 2), and reads a --now without offset in --tz', async () => {
    process.env.CONCIERGE_TEST_SVC_PW = SVC.password;
    const run = async (text: string, ...extra: string[]) => {
      let out = '';
      let err = '';
      const code = await main(['node', 'concierge', 'ask', text, '--url', sim.ewsUrl, '--upn', SVC.upn, '--password-env', 'CONCIERGE_TEST_SVC_PW', '--access', 'impersonation', '--mailbox', 'alice@contoso.com', ...extra], { out: (t: string) => void (out += t), err: (t: string) => void (err += t) });
      return { code, out, err };
    };
    expect(await run('', '--tz', 'America/Los_Angeles')).toMatchObject({ code: 2, err: expect.stringMatching(/The question is empty/) });
    expect(await run('x'.repeat(501), '--tz', 'America/Los_Angeles')).toMatchObject({ code: 2, err: expect.stringMatching(/at most 500/) });
    expect(await run("what's on today", '--tz', 'UTC+2')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown time zone --tz UTC\+2/) });
    expect(await run("what's on today", '--tz', 'america/los_angeles')).toMatchObject({ code: 2, err: expect.stringMatching(/use --tz America\/Los_Angeles/) });
    expect(await run("what's on today", '--tz', 'America/Los_Angeles', '--now', '12/07/2026')).toMatchObject({ code: 2, err: expect.stringMatching(/is not an ISO 8601 time/) });
    expect(await run("what's on today", '--tz', 'Pacific Standard Time')).toMatchObject({ code: 2, err: expect.stringMatching(/Pacific Standard Time is a Windows zone name; use --tz America\/Los_Angeles\./) });
    expect(await run("what's on today", '--tz', '')).toMatchObject({ code: 2, err: expect.stringMatching(/--tz is empty/) });
    expect(await run("what's on today", '--tz', 'America/Los_Angeles', '--now', '0001-01-01T00:00:00Z')).toMatchObject({ code: 2, err: expect.stringMatching(/--now 0001-01-01T00:00:00Z is more than 10 years from this machine's clock\.\nhint: Give a time from \d{4}-.* to \d{4}-.*, or leave --now out\./) });
    // 08:00 with no offset is 8 AM in Los Angeles: the 9 AM standup is still ahead.
    const local = await run("what's my next meeting", '--tz', 'America/Los_Angeles', '--now', '2026-12-07T08:00:00');
    expect(local.out).toMatch(/Your next meeting is Standup, today at 9 AM/);
  });
});
