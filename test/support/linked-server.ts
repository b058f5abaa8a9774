/**
 * Servers already linked to a simulated Exchange, for tests that start after the Exchange page's work:
 * an administrator signed in and the service account linked through the admin API.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { openDatabase, type Database, type Tables } from '../../src/persistence/index.js';
import type { ConciergeServer, ServerDeps } from '../../src/server/app.js';
import { adminRequest, serverWithAdmin, SVC, type LogCapture, type Signed } from './server.js';

export interface LinkOptions {
  /** The service account to link; SVC unless given. */
  readonly account?: { readonly upn: string; readonly password: string };
  readonly access?: 'impersonation' | 'delegation';
  /** The link's test mailbox; alice@contoso.com unless given. */
  readonly mailbox?: string;
}

/** Links the service account to the simulator through the admin API, as the Exchange page does; a refused link fails the test. */
export async function linkExchange(app: FastifyInstance, admin: Signed, sim: { readonly ewsUrl: string }, opts: LinkOptions = {}): Promise<void> {
  const account = opts.account ?? SVC;
  const linked = await adminRequest(app, admin, 'POST', '/api/v1/exchange/link', { url: sim.ewsUrl, upn: account.upn, password: account.password, access: opts.access ?? 'impersonation', mailbox: opts.mailbox ?? 'alice@contoso.com' });
  expect(linked.statusCode, linked.body).toBe(200);
}

export interface LinkedServerOptions extends LinkOptions, Pick<ServerDeps, 'understand'> {
  /** The SecretBox key; a fresh one unless given. */
  readonly key?: Buffer;
  readonly logs?: LogCapture;
  /** Runs on the built server before the link (the link's request is the app's first, which readies it). */
  readonly beforeLink?: (server: ConciergeServer) => void;
}

/** `serverWithAdmin`, then (unless `sim` is undefined) the service account linked to the simulator. */
export async function linkedServer(db: Kysely<Tables>, sim: { readonly ewsUrl: string } | undefined, opts: LinkedServerOptions = {}): Promise<{ server: ConciergeServer; app: FastifyInstance; admin: Signed }> {
  const { server, admin } = await serverWithAdmin(db, opts.key, opts.logs, opts.understand ? { understand: opts.understand } : {});
  opts.beforeLink?.(server);
  if (sim) await linkExchange(server.app, admin, sim, opts);
  return { server, app: server.app, admin };
}

/** `linkedServer` on a new in-memory database; `close()` closes the app, then the database. */
export async function linkedServerOnNewDatabase(sim: { readonly ewsUrl: string }, opts: LinkedServerOptions = {}) {
  const database: Database = await openDatabase({});
  const linked = await linkedServer(database.db, sim, opts);
  return {
    ...linked,
    database,
    close: async (): Promise<void> => {
      await linked.app.close();
      await database.close();
    },
  };
}

/** A `beforeLink` for tests that run the rooms check-in sweeper themselves (on their own clock), never on the app's timer. */
export function stopRoomSweeper(server: ConciergeServer): void {
  server.app.rooms.sweepIntervalMs = 0;
}
