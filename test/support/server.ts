import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { setupTokens, SecretBox, type Tables } from '../../src/persistence/index.js';
import type { Kysely } from 'kysely';
import { buildServer, type ConciergeServer, type ServerDeps } from '../../src/server/app.js';
import type { RunningSimulator } from '../../src/simulator/host.js';
import { impersonation, PACIFIC, person, serviceAccount, startContoso } from './contoso.js';

export const SVC = { upn: 'svc@contoso.com', password: 'Svc-First-Passw0rd!' };
export const SVC2 = { upn: 'svc2@contoso.com', password: 'Svc-Second-Passw0rd!' };
export const ADMIN = { email: 'admin@contoso.com', password: 'Console-Admin-Passw0rd' };

/** A simulator where svc and svc2 both hold ApplicationImpersonation (the guide's "new UPN" rotation). */
export async function rotationSimulator(): Promise<RunningSimulator> {
  return startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), serviceAccount(SVC), serviceAccount(SVC2, 'svc2')],
    shell: [impersonation('imp1'), impersonation('imp2', 'svc2')],
    events: [{ organizer: 'alice@contoso.com', subject: 'Standup', start: '2026-12-07T17:00:00Z', end: '2026-12-07T17:15:00Z', timeZone: PACIFIC }],
  });
}

/** Every log line the server writes, for secrecy checks. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    done();
  }
}

export interface Signed {
  readonly cookie: string;
  readonly csrf: string;
}

/** A server on `db` with a fresh key (or the given one) and an administrator signed in through setup. */
export async function serverWithAdmin(db: Kysely<Tables>, key: Buffer = randomBytes(32), logs?: LogCapture, extra: Pick<ServerDeps, 'understand'> = {}): Promise<{ server: ConciergeServer; admin: Signed }> {
  const server = await buildServer({ db, box: SecretBox.fromKey(key), logLevel: 'info', ...(logs ? { logStream: logs } : {}), ...extra });
  const admin = await signIn(server.app, db);
  return { server, admin };
}

async function signIn(app: FastifyInstance, db: Kysely<Tables>): Promise<Signed> {
  const { token } = await setupTokens.create(db);
  let res = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...ADMIN } });
  if (res.statusCode === 409) res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: ADMIN });
  if (res.statusCode >= 300) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/** Sends an admin API request with the session cookie and CSRF token. */
export function adminRequest(app: FastifyInstance, admin: Signed, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return app.inject({ method, url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, ...(payload ? { payload } : {}) });
}
