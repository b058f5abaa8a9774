import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKENDS, useDatabase } from '../../unit/persistence/backends.js';
import { adminRequest, rotationSimulator, serverWithAdmin, SVC, SVC2 } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * Rotation with no downtime: two server instances share the database (on PostgreSQL; one instance on
 * PGlite, which is single-process), calendar requests flow through both, an admin rotates to a new
 * service account on one, and no request fails.
 */
describe.each(BACKENDS)('rotating the service account while requests flow ($kind)', ({ kind }) => {
  const store = useDatabase(kind);
  const sim = useSimulator(rotationSimulator);

  it('switches atomically, fails nothing, and erases the old secret', async () => {
    const key = randomBytes(32);
    const a = await serverWithAdmin(store.db, key);
    const b = kind === 'postgres' ? await serverWithAdmin(store.db, key) : a;
    const linked = await adminRequest(a.server.app, a.admin, 'POST', '/api/v1/exchange/link', { url: sim.ewsUrl, upn: SVC.upn, password: SVC.password, access: 'impersonation', mailbox: 'alice@contoso.com' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().link).toMatchObject({ upn: SVC.upn, generation: 1, status: 'active' });

    let stop = false;
    const outcomes = { ok: 0, failed: [] as string[], upns: new Set<string>() };
    const worker = async (instance: typeof a) => {
      const deadline = Date.now() + 20_000;
      while (!stop && Date.now() < deadline) {
        try {
          const events = await instance.server.pool.use(async (client, link) => {
            outcomes.upns.add(link.upn);
            return client.calendarView('alice@contoso.com', { start: '2026-12-07T00:00:00Z', end: '2026-12-08T00:00:00Z' });
          });
          if (events.length !== 1) outcomes.failed.push(`expected 1 event, got ${events.length}`);
          else outcomes.ok++;
        } catch (err) {
          outcomes.failed.push(String((err as Error).message));
        }
      }
    };
    const load = [worker(a), worker(b), worker(a), worker(b)];
    await new Promise((r) => setTimeout(r, 400));
    const rotated = await adminRequest(b.server.app, b.admin, 'POST', '/api/v1/exchange/rotate', { upn: SVC2.upn, password: SVC2.password });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().link).toMatchObject({ upn: SVC2.upn, generation: 2 });
    const before = outcomes.ok;
    await new Promise((r) => setTimeout(r, 600));
    stop = true;
    await Promise.all(load);

    expect(outcomes.failed).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(before);
    expect(outcomes.upns).toEqual(new Set([SVC.upn, SVC2.upn]));
    const status = await adminRequest(a.server.app, a.admin, 'GET', '/api/v1/exchange');
    expect(status.json()).toMatchObject({ linked: true, upn: SVC2.upn, generation: 2, status: 'active' });
    // Exactly one link is current, and the superseded one kept no secret.
    const rows = await store.db.selectFrom('exchange_links').select(['upn', 'status', 'password_enc']).orderBy('generation').execute();
    expect(rows.map((r) => [r.upn, r.status, r.password_enc === null])).toEqual([
      [SVC.upn, 'superseded', true],
      [SVC2.upn, 'active', false],
    ]);
    await a.server.app.close();
    if (b !== a) await b.server.app.close();
  });

  it('a rotation whose new password is wrong changes nothing and says which step failed', async () => {
    const { server, admin } = await serverWithAdmin(store.db);
    const res = await adminRequest(server.app, admin, 'POST', '/api/v1/exchange/rotate', { upn: SVC.upn, password: 'not-the-password' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.ok).toBe(false);
    expect(body.steps.find((s: { id: string }) => s.id === 'credentials')).toMatchObject({ status: 'fail' });
    const status = await adminRequest(server.app, admin, 'GET', '/api/v1/exchange');
    expect(status.json()).toMatchObject({ upn: SVC2.upn, generation: 2 });
    await server.app.close();
  });
});
