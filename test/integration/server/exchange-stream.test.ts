import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeInput, Step } from '../../../src/connectivity/index.js';
import { auditLog, openDatabase, SecretBox, setupTokens, type Database } from '../../../src/persistence/index.js';
import { buildServer, type ConciergeServer } from '../../../src/server/app.js';
import type { Analyzer } from '../../../src/server/exchange/link-service.js';
import { ADMIN } from '../../support/server.js';

const step = (id: Step['id'], status: Step['status'], fix?: string): Step => ({ id, title: id, status, detail: `${id} ${status}`, ...(fix ? { fix } : {}) });
const INPUT = { url: 'https://mail.contoso.com/EWS/Exchange.asmx', upn: 'svc@contoso.com', password: 'Secret-Passw0rd!', access: 'impersonation', mailbox: 'alice@contoso.com' };

/** POST /api/v1/exchange/test/stream: NDJSON, one step per line the moment the analyzer reports it, then a summary. */
describe('the streamed Exchange test', () => {
  let database: Database;
  let server: ConciergeServer;
  let base: string;
  let cookie = '';
  let csrf = '';
  let release: () => void = () => {};
  let mode: 'live' | 'silent' | 'throws' = 'live';
  const seen: AnalyzeInput[] = [];

  beforeAll(async () => {
    database = await openDatabase({});
    const analyzer: Analyzer = async (input, opts) => {
      seen.push(input);
      if (mode === 'throws') throw new Error('a bug');
      const steps = [step('dns', 'pass'), step('tcp', 'pass'), step('tls', 'fail', 'Import-ExchangeCertificate …')];
      if (mode === 'silent') return { ok: false, steps };
      opts?.onStep?.(steps[0]!);
      // Holds the run open after the first step until the test has read it off the socket.
      await new Promise<void>((r) => (release = r));
      opts?.onStep?.(steps[1]!);
      opts?.onStep?.(steps[2]!);
      return { ok: false, steps };
    };
    server = await buildServer({ db: database.db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'warn', analyzer });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const { token } = await setupTokens.create(database.db);
    const res = await fetch(`${base}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...ADMIN }) });
    cookie = String(res.headers.get('set-cookie')).split(';')[0]!;
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  });
  afterAll(async () => {
    release();
    await server?.app.close();
    await database?.close();
  });

  const post = (body: object, headers: Record<string, string> = { cookie, 'x-csrf-token': csrf }) =>
    fetch(`${base}/api/v1/exchange/test/stream`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('sends each step as it completes, then the summary, and audits the test', async () => {
    mode = 'live';
    const res = await post(INPUT);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // The analyzer is still waiting: whatever arrives now was streamed before the run finished.
    while (!text.includes('\n')) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(JSON.parse(text.split('\n')[0]!)).toEqual({ id: 'dns', title: 'dns', status: 'pass', detail: 'dns pass' });
    release();
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? 'summary')).toEqual(['dns', 'tcp', 'tls', 'summary']);
    expect(lines[2]).toMatchObject({ status: 'fail', fix: 'Import-ExchangeCertificate …' });
    expect(lines[3]).toEqual({ done: true, ok: false });
    expect(seen.at(-1)).toMatchObject({ url: INPUT.url, upn: INPUT.upn, mailbox: INPUT.mailbox });
    const entries = await auditLog.list(database.db, { action: 'exchange.test' }, 5);
    expect(entries[0]).toMatchObject({ actor: ADMIN.email, target: INPUT.upn, result: 'failed' });
    expect(JSON.stringify(entries[0]!.detail)).not.toContain(INPUT.password);
  });

  it('still sends every step when an analyzer does not report them as it goes', async () => {
    mode = 'silent';
    const lines = (await (await post(INPUT)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? 'summary')).toEqual(['dns', 'tcp', 'tls', 'summary']);
  });

  it('ends with an error line, not a broken stream, when the analyzer throws', async () => {
    mode = 'throws';
    const lines = (await (await post(INPUT)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ done: true, ok: false, error: { code: 'InternalError' } });
    expect(lines[0].error.hint).toMatch(/Run the test again/);
  });

  it('refuses like every admin route: no session, no CSRF token, invalid input', async () => {
    expect((await post(INPUT, {})).status).toBe(401);
    const noCsrf = await post(INPUT, { cookie });
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('CsrfTokenMissing');
    const bad = await post({ ...INPUT, url: 'not a url' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { paths: Record<string, { post?: { summary: string } }> };
    expect(doc.paths['/api/v1/exchange/test/stream']?.post?.summary).toMatch(/application\/x-ndjson/);
  });
});
