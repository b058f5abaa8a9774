import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { SecretBox, Tables } from '../persistence/index.js';
import { ApiRegistry } from './api.js';
import { sessionGuard } from './auth.js';
import { EwsClientPool } from './exchange/client-pool.js';
import { ExchangeLinkService, type Analyzer } from './exchange/link-service.js';
import { Metrics } from './metrics.js';
import { retryAfterSeconds, toProblem } from './problem.js';
import { assistantRoutes } from './routes/assistant.js';
import { exchangeRoutes } from './routes/exchange.js';
import type { Understand } from '../assistant/dialog/understanding.js';
import { auditRoutes } from './routes/audit.js';
import { consoleRoutes } from './routes/console.js';
import { oauthRoutes } from './routes/oauth.js';
import { alexaRoutes } from './alexa/mount.js';
import { operationsRoutes } from './routes/operations.js';
import { peopleRoutes } from './routes/people.js';
import { roomRoutes } from './routes/rooms.js';
import type { AlexaSettings, ServerContext } from './context.js';
import { sessionRoutes } from './routes/session.js';
import { setupPage } from './routes/setup-page.js';

export interface ServerDeps {
  readonly db: Kysely<Tables>;
  readonly box: SecretBox;
  readonly metrics?: Metrics;
  readonly analyzer?: Analyzer;
  /** Understanding for the assistant (the NLU); without it the assistant routes are not served. */
  readonly understand?: Understand;
  readonly logLevel?: string;
  readonly version?: string;
  /** Base URL people use to reach the console (links in invitation emails); default: from each request. */
  readonly publicUrl?: string;
  /** Proxies trusted for X-Forwarded-For/-Proto (Fastify trustProxy); off by default. */
  readonly trustProxy?: number | readonly string[];
  /** Serve the Alexa skill endpoint and account linking. */
  readonly alexa?: AlexaSettings;
  /** For tests: a pino destination stream to capture logs. */
  readonly logStream?: NodeJS.WritableStream;
}

export interface ConciergeServer {
  readonly app: FastifyInstance;
  readonly ctx: ServerContext;
  readonly links: ExchangeLinkService;
  readonly pool: EwsClientPool;
  readonly metrics: Metrics;
}

/** Headers and body fields whose values never reach a log line. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token'];

/** Assembles the HTTP server: one error handler, JSON logs with request ids, the API routes. */
export async function buildServer(deps: ServerDeps): Promise<ConciergeServer> {
  const metrics = deps.metrics ?? new Metrics();
  const version = deps.version ?? '0.1.0';
  const logger = { level: deps.logLevel ?? 'info', redact: { paths: REDACT, censor: '[redacted]' }, ...(deps.logStream ? { stream: deps.logStream } : {}) };
  const app = Fastify({ logger, genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && /^[\w-]{8,64}$/.test(req.headers['x-request-id']) ? req.headers['x-request-id'] : randomUUID()), bodyLimit: 1024 * 1024, ...(deps.trustProxy !== undefined ? { trustProxy: trustProxyOption(deps.trustProxy) } : {}) }) as unknown as FastifyInstance;
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    metrics.httpRequests.inc({ route: req.routeOptions.url ?? 'unknown', status: `${Math.floor(reply.statusCode / 100)}xx` });
  });
  app.setErrorHandler(async (err, req, reply) => {
    const problem = toProblem(err);
    // Logged once, here, where it is handled; 4xx are the caller's, so they are not errors of ours.
    if (problem.status >= 500) req.log.error({ err, code: problem.code }, problem.title);
    else req.log.info({ code: problem.code, status: problem.status }, problem.title);
    const retryAfter = retryAfterSeconds(err);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return reply.code(problem.status).type('application/problem+json').send({ ...problem, requestId: req.id });
  });

  const pool = new EwsClientPool(deps.db, deps.box, metrics.onEwsAttempt);
  const links = new ExchangeLinkService(deps.db, deps.box, deps.analyzer);
  const api = new ApiRegistry(sessionGuard(deps.db));
  operationsRoutes(app, api, deps.db, metrics, version);
  sessionRoutes(app, api, deps.db);
  exchangeRoutes(app, api, links);
  if (deps.understand) assistantRoutes(app, api, deps.db, pool, deps.understand);
  const ctx: ServerContext = { db: deps.db, box: deps.box, api, pool, links, metrics, ...(deps.understand ? { understand: deps.understand } : {}), ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}), ...(deps.alexa ? { alexa: deps.alexa } : {}) };
  peopleRoutes(app, ctx);
  roomRoutes(app, ctx);
  auditRoutes(app, ctx);
  oauthRoutes(app, ctx);
  if (ctx.alexa) await alexaRoutes(app, ctx);
  consoleRoutes(app, ctx);
  setupPage(app);
  app.addHook('onClose', async () => pool.close());
  return { app, ctx, links, pool, metrics };
}

/** A hop count trusts that many proxies nearest to us (proxy-addr's hop index); a list trusts those addresses. */
function trustProxyOption(t: number | readonly string[]): string[] | ((address: string, hop: number) => boolean) {
  return typeof t === 'number' ? (_address, hop) => hop < t : [...t];
}
