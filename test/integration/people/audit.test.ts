import { describe, expect, it } from 'vitest';
import { auditLog } from '../../../src/persistence/index.js';
import { useDatabase } from '../../unit/persistence/backends.js';
import { adminRequest, serverWithAdmin, LogCapture } from '../../support/server.js';
import { randomBytes } from 'node:crypto';

/** The audit API: filtered pages, and exports of every matching entry (paged internally), safe to open in a spreadsheet. */
describe('the audit log API', () => {
  const store = useDatabase('pglite');

  it('filters and pages, newest first', async () => {
    const { server, admin } = await serverWithAdmin(store.db, randomBytes(32), new LogCapture());
    for (let i = 1; i <= 5; i++) await auditLog.append(store.db, { actor: 'tester', action: 'test.page', target: `t${i}`, result: i % 2 ? 'ok' : 'failed', detail: { i } });
    const first = await adminRequest(server.app, admin, 'GET', '/api/v1/audit?action=test.page&limit=2');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().entries.map((e: { target: string }) => e.target)).toEqual(['t5', 't4']);
    const next = await adminRequest(server.app, admin, 'GET', `/api/v1/audit?action=test.page&limit=2&before=${first.json().nextBefore}`);
    expect(next.json().entries.map((e: { target: string }) => e.target)).toEqual(['t3', 't2']);
    const failed = await adminRequest(server.app, admin, 'GET', '/api/v1/audit?action=test.page&result=failed');
    expect(failed.json().entries.map((e: { target: string }) => e.target)).toEqual(['t4', 't2']);
    expect(failed.json().nextBefore).toBeUndefined();
    expect(failed.json().entries[0]).toMatchObject({ actor: 'tester', action: 'test.page', result: 'failed', detail: { i: 4 } });
    const future = await adminRequest(server.app, admin, 'GET', `/api/v1/audit?since=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.json().entries).toEqual([]);
    const bad = await adminRequest(server.app, admin, 'GET', '/api/v1/audit?limit=5000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('limit');
    await server.app.close();
  });

  it('exports every matching entry as CSV with formula injection defused, or as NDJSON', async () => {
    const { server, admin } = await serverWithAdmin(store.db, randomBytes(32), new LogCapture());
    // More than one internal page (500), so the export has to page.
    for (let i = 0; i < 520; i++) await auditLog.append(store.db, { actor: 'bulk', action: 'test.export', target: `row${i}`, result: 'ok' });
    await auditLog.append(store.db, { actor: '=HYPERLINK("http://evil.example","click")', action: 'test.export', target: '+cmd|calc', result: '-2+3', detail: { note: 'a, "quoted"\nvalue' } });
    await auditLog.append(store.db, { actor: '@SUM(A1)', action: 'test.export', target: 'plain', result: 'ok' });

    const csv = await adminRequest(server.app, admin, 'GET', '/api/v1/audit/export?format=csv&action=test.export');
    expect(csv.statusCode, csv.body.slice(0, 300)).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="concierge-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,target,result,detail');
    const rows = lines.slice(1).filter((l) => l !== '');
    // 522 entries, one of them with a line break inside a quoted cell.
    expect(csv.body.match(/,test\.export,/g)).toHaveLength(522);
    expect(rows.some((l) => l.endsWith(',bulk,test.export,row0,ok,'))).toBe(true);
    expect(csv.body).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",test.export,'+cmd|calc,'-2+3,"{""note"":""a, \\""quoted\\""\\nvalue""}"`);
    expect(csv.body).toContain(`,'@SUM(A1),test.export,plain,ok,`);
    // No cell starts with a formula character.
    expect(csv.body).not.toMatch(/(^|,|\r\n)"?[=+@-]/);

    const nd = await adminRequest(server.app, admin, 'GET', '/api/v1/audit/export?format=ndjson&action=test.export');
    expect(nd.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(nd.headers['content-disposition']).toMatch(/\.ndjson"$/);
    const entries = nd.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(entries).toHaveLength(522);
    expect(entries[0]).toMatchObject({ actor: '@SUM(A1)', target: 'plain' });
    expect(entries[1]).toMatchObject({ actor: '=HYPERLINK("http://evil.example","click")', detail: { note: 'a, "quoted"\nvalue' } });
    expect(new Set(entries.map((e: { id: number }) => e.id)).size).toBe(522);

    const logged = await adminRequest(server.app, admin, 'GET', '/api/v1/audit?action=audit.export');
    expect(logged.json().entries[0]).toMatchObject({ actor: 'admin@contoso.com', result: 'ok', detail: { format: 'ndjson' } });
    await server.app.close();
  });
});
