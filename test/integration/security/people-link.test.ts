import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { exchangeLinks, openDatabase, people, type Database } from '../../../src/persistence/index.js';
import type { RunningSimulator } from '../../../src/simulator/host.js';
import type { Signed } from '../../support/server.js';
import { acceptInvitation, asUser, inviteOne, linkedServer, linkFromInbox, peopleSimulator, tokenOf } from '../people/support.js';

/**
 * A person's calendar link records only what is wrong with *their* mailbox. When the service account's link
 * is missing or failing (the administrator's problem, the same for everyone), pressing "Link my calendar"
 * must not mark a linked person 'failing' and forget their mailbox (which ends their Alexa and chat).
 */
describe('security: a service-account problem does not unlink a person', () => {
  let sim: RunningSimulator;
  let database: Database;
  let app: FastifyInstance;
  let alice: Signed;

  beforeAll(async () => {
    sim = await peopleSimulator();
    database = await openDatabase({});
    const built = await linkedServer(database.db, sim);
    app = built.app;
    const invited = await inviteOne(app, built.admin, 'alice@contoso.com');
    const link = invited.inviteUrl ?? linkFromInbox(sim, 'alice@contoso.com');
    alice = await acceptInvitation(app, tokenOf(link));
    const linked = await asUser(app, alice, 'POST', '/api/v1/me/exchange', { timeZone: 'Europe/Berlin' });
    expect(linked.statusCode, linked.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await sim?.close();
  });

  it('answers 503 ExchangeLinkFailing and keeps the person linked to their mailbox', async () => {
    const current = (await exchangeLinks.getActive(database.db))!;
    await exchangeLinks.markFailing(database.db, current.id);
    try {
      const res = await asUser(app, alice, 'POST', '/api/v1/me/exchange', { timeZone: 'Europe/Berlin' });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().code).toBe('ExchangeLinkFailing');
      const person = await people.findByEmail(database.db, 'alice@contoso.com');
      expect(person).toMatchObject({ state: 'linked', mailbox: 'alice@contoso.com', lastError: null });
    } finally {
      await exchangeLinks.markActive(database.db, current.id);
    }
  });
});
