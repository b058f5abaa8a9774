import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { admins } from '../../../src/persistence/index.js';
import { checkPasswordExpiry, dueWarning } from '../../../src/server/exchange/expiry-notifier.js';
import { useDatabase } from '../../unit/persistence/backends.js';
import { adminRequest, rotationSimulator, serverWithAdmin } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';
import { linkExchange } from '../../support/linked-server.js';

describe('password expiry warnings', () => {
  it('are due 14, 7, 3 and 1 days before, then daily', () => {
    const today = '2026-12-04';
    expect(dueWarning(20, today)).toBeUndefined();
    expect(dueWarning(14, today)?.key).toBe('before:14');
    expect(dueWarning(10, today)?.key).toBe('before:14');
    expect(dueWarning(7, today)?.key).toBe('before:7');
    expect(dueWarning(4, today)?.key).toBe('before:7');
    expect(dueWarning(3, today)?.key).toBe('before:3');
    expect(dueWarning(2, today)?.key).toBe('before:3');
    expect(dueWarning(1, today)?.key).toBe('before:1');
    expect(dueWarning(0, today)?.key).toBe('daily:2026-12-04');
    expect(dueWarning(-3, today)?.key).toBe('daily:2026-12-04');
  });

  describe('through Exchange, once per threshold across instances', () => {
    const store = useDatabase('pglite');
    const sim = useSimulator(rotationSimulator);

    it('mails every administrator from the service account, and shows the warning in the link status', async () => {
      const key = randomBytes(32);
      const { server, admin } = await serverWithAdmin(store.db, key);
      await admins.create(store.db, { email: 'alice@contoso.com', password: 'Alice-Console-Passw0rd', role: 'admin' });
      await linkExchange(server.app, admin, sim);
      const now = new Date('2026-12-04T12:00:00Z');
      const set = await adminRequest(server.app, admin, 'PUT', '/api/v1/exchange/password-expiry', { passwordLastSet: '2026-09-10T12:00:00Z', maxPasswordAgeDays: 90 });
      expect(set.json().passwordExpiresAt).toBe('2026-12-09T12:00:00.000Z');
      const other = await serverWithAdmin(store.db, key);
      expect(await checkPasswordExpiry(store.db, server.pool, now)).toMatch(/before:7$/);
      expect(await checkPasswordExpiry(store.db, other.server.pool, now)).toBeUndefined();
      const inbox = sim.exchange.calendar.findItems('alice@contoso.com', 'inbox');
      const warnings = inbox.filter((m) => m.subject.includes('expires in'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.subject).toBe('Concierge: the Exchange service account password expires in 5 days');
      const status = await adminRequest(server.app, admin, 'GET', '/api/v1/exchange');
      expect(status.json().warnings.join(' ')).toMatch(/expires in \d+ day/);
      await server.app.close();
      await other.server.app.close();
    });
  });
});
