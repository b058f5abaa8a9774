import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { admins, openDatabase, SecretBox, type Database, type PersonState, type Tables } from '../../../src/persistence/index.js';
import type { AlexaEndpointSettings } from '../../../src/server/alexa/mount.js';
import { buildServer, type ConciergeServer, type ServerDeps } from '../../../src/server/app.js';
import { parseSeed, type Seed } from '../../../src/simulator/seed.js';
import type { AlexaPki } from '../../unit/server/alexa/alexa-pki.js';

/** Test support (not a test): an in-process server with Alexa configured, people, and the linking flow. */

export const CLIENT_ID = 'alexa-skill';
export const CLIENT_SECRET = 'Alexa-Client-Secret-0123456789abcdef';
export const REDIRECT_URI = 'https://pitangui.amazon.com/api/skill/link/M2TESTVENDOR';
export const OTHER_REDIRECT_URI = 'https://layla.amazon.com/api/skill/link/M2TESTVENDOR';
export const TEST_SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';

export const ALEXA: AlexaEndpointSettings = { skillId: TEST_SKILL_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI, OTHER_REDIRECT_URI] };

export async function alexaServer(db: Kysely<Tables>, opts: { alexa?: AlexaEndpointSettings; extra?: Partial<ServerDeps> } = {}): Promise<ConciergeServer> {
  return buildServer({ db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'info', alexa: opts.alexa ?? ALEXA, ...opts.extra });
}

export interface TestPerson {
  readonly email: string;
  readonly password: string;
  readonly state: PersonState;
  readonly mailbox?: string;
  readonly timeZone?: string;
}

/** A Concierge user account and its person row (what the people work's invitation flow leaves behind). */
export async function addPerson(db: Kysely<Tables>, p: TestPerson): Promise<{ accountId: string; personId: string }> {
  const account = await admins.create(db, { email: p.email, password: p.password, role: 'user' }, { logN: 10, r: 8, p: 1 });
  const personId = randomUUID();
  await db
    .insertInto('people')
    .values({ id: personId, email: p.email, account_id: account.id, state: p.state, mailbox: p.mailbox ?? null, time_zone: p.timeZone ?? null, invited_by: 'admin@contoso.com', linked_at: p.state === 'linked' ? new Date() : null })
    .execute();
  return { accountId: account.id, personId };
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export function authorizeParams(overrides: Record<string, string> = {}): Record<string, string> {
  return { response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: 'alexa-state-123', scope: 'calendar', ...overrides };
}

/** The value of a hidden input on a page. */
export function hidden(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
}

export function cookieOf(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error('no Set-Cookie');
  return first.split(';')[0]!;
}

let browsers = 0;
/** Sign-in is rate-limited per address: each sign-in comes from its own unless one is given. */
const nextAddress = () => `10.0.${Math.floor(++browsers / 250)}.${browsers % 250}`;

/** Signs in on the authorize page; returns the consent page and the session cookie. */
export async function signInForConsent(app: FastifyInstance, who: { email: string; password: string }, params = authorizeParams(), remoteAddress = nextAddress()) {
  const res = await app.inject({ method: 'POST', url: '/alexa/link/sign-in', remoteAddress, headers: FORM, payload: form({ ...params, email: who.email, password: who.password }) });
  return { res, cookie: res.headers['set-cookie'] ? cookieOf(res.headers['set-cookie']) : undefined, csrf: hidden(res.body, 'csrf') };
}

/** The whole browser part: sign in, allow; returns the redirect back to Alexa. */
export async function linkInBrowser(app: FastifyInstance, who: { email: string; password: string }, params = authorizeParams()): Promise<URL> {
  const { res, cookie, csrf } = await signInForConsent(app, who, params);
  if (res.statusCode !== 200 || !cookie || !csrf) throw new Error(`sign-in on the link page failed: ${res.statusCode} ${res.body}`);
  const consent = await app.inject({ method: 'POST', url: '/alexa/link/consent', headers: { ...FORM, cookie }, payload: form({ ...params, csrf, decision: 'allow' }) });
  if (consent.statusCode !== 302) throw new Error(`consent failed: ${consent.statusCode} ${consent.body}`);
  return new URL(String(consent.headers.location));
}

/** `authorization`: null sends no Authorization header. */
export function tokenRequest(app: FastifyInstance, fields: Record<string, string>, authorization: string | null = basic(CLIENT_ID, CLIENT_SECRET)) {
  return app.inject({ method: 'POST', url: '/alexa/token', headers: { ...FORM, ...(authorization ? { authorization } : {}) }, payload: form(fields) });
}

export interface TokenAnswer {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** Links `who` end to end and returns Alexa's tokens. */
export async function linkedTokens(app: FastifyInstance, who: { email: string; password: string }): Promise<TokenAnswer> {
  const back = await linkInBrowser(app, who);
  const res = await tokenRequest(app, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT_URI });
  if (res.statusCode !== 200) throw new Error(`token exchange failed: ${res.statusCode} ${res.body}`);
  return res.json() as TokenAnswer;
}

export const ALEXA_SVC = { upn: 'svc@contoso.com', password: 'Svc-Alexa-Passw0rd!' };

/**
 * The organization both Alexa suites run against (Alice, two Bobs, the Boardroom, and the service account
 * that impersonates), with each suite's own events.
 */
export function alexaOrganization(events: readonly object[]): Seed {
  const pst = 'Pacific Standard Time';
  return parseSeed({
    domain: 'contoso.com',
    basicAuth: true,
    mailboxes: [
      { smtp: 'alice@contoso.com', name: 'Alice Wong', password: 'Passw0rd!', timeZone: pst },
      { smtp: 'bob@contoso.com', name: 'Bob Smith', password: 'Passw0rd!', timeZone: pst },
      { smtp: 'bjones@contoso.com', name: 'Bob Jones', password: 'Passw0rd!', timeZone: pst },
      { smtp: 'boardroom@contoso.com', name: 'Boardroom', alias: 'boardroom', type: 'RoomMailbox', capacity: 12, timeZone: pst },
      { smtp: ALEXA_SVC.upn, name: 'svc', password: ALEXA_SVC.password },
    ],
    shell: ['New-ManagementRoleAssignment -Name imp -Role ApplicationImpersonation -User svc'],
    events,
  });
}
export const ALEXA_ALICE = { email: 'alice@contoso.com', password: 'Alice-Concierge-Passw0rd', state: 'linked' as const, mailbox: 'alice@contoso.com', timeZone: 'America/Los_Angeles' };
export const ROOM_DEVICE = 'amzn1.ask.device.AFTESTROOMECHO0000BOARDROOM';
export const PERSONAL_DEVICE = 'amzn1.ask.device.AFTESTKITCHENECHO';

/**
 * The Alexa endpoint as the skill tests use it: a server on a fresh PGlite, requests verified against the
 * test PKI at `clock`, the service account linked to `ewsUrl`, Alice linked with an access token, and the
 * Boardroom with its Echo.
 */
export async function startAlexaEndpoint(ewsUrl: string, pki: AlexaPki, clock: number, logStream: NonNullable<ServerDeps['logStream']>): Promise<{ database: Database; server: ConciergeServer; aliceToken: string }> {
  const database = await openDatabase({});
  const verification = { trustedRoots: [pki.rootPem], now: () => clock, fetchCertChain: async () => pki.chains.valid };
  const server = await alexaServer(database.db, { alexa: { ...ALEXA, verification }, extra: { logStream } });
  // The rooms feature reads its own clock: the instant the fixtures were "sent".
  server.app.rooms.clock = () => new Date(clock);
  server.app.rooms.sweepIntervalMs = 0;
  const linked = await server.links.link({ url: ewsUrl, upn: ALEXA_SVC.upn, password: ALEXA_SVC.password, access: 'impersonation', mailbox: 'alice@contoso.com' }, 'test');
  if (!linked.ok) throw new Error(`linking failed: ${JSON.stringify(linked)}`);
  await addPerson(database.db, ALEXA_ALICE);
  const aliceToken = (await linkedTokens(server.app, ALEXA_ALICE)).access_token;
  await database.db.insertInto('rooms').values({ id: 'room-boardroom', email: 'boardroom@contoso.com', name: 'Boardroom', capacity: 12 }).execute();
  await database.db.insertInto('room_devices').values({ id: 'dev-1', room_id: 'room-boardroom', kind: 'alexa', device_key: ROOM_DEVICE, label: 'Echo on the table' }).execute();
  return { database, server, aliceToken };
}
