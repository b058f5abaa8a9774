import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiRegistry } from '../api.js';
import type { ExchangeLinkService } from '../exchange/link-service.js';

const access = z.enum(['impersonation', 'delegation']);
const linkInput = z.object({
  url: z.string().url().describe('The EWS endpoint, e.g. https://mail.contoso.com/EWS/Exchange.asmx'),
  upn: z.string().min(3).describe('Service account user principal name'),
  password: z.string().min(1).describe('Service account password (stored encrypted; never returned)'),
  access,
  mailbox: z.string().email().describe('A mailbox the service account serves, to test the access with'),
  ca: z.string().includes('-----BEGIN CERTIFICATE-----').optional().describe('Extra trusted CA certificate (PEM) for a private CA'),
  passwordExpiresAt: z.iso.datetime({ offset: true }).optional(),
});
const step = z.object({ id: z.string(), title: z.string(), status: z.enum(['pass', 'warn', 'fail', 'skip']), detail: z.string(), fix: z.string().optional() });
const linkStatus = z.object({
  linked: z.boolean(),
  ewsUrl: z.string().optional(),
  upn: z.string().optional(),
  access: access.optional(),
  serverVersion: z.string().nullable().optional(),
  testMailbox: z.string().nullable().optional(),
  generation: z.number().optional(),
  status: z.enum(['active', 'failing']).optional(),
  linkedAt: z.string().optional(),
  lastSuccessAt: z.string().nullable().optional(),
  lastError: z.object({ code: z.string(), message: z.string(), hint: z.string(), at: z.string() }).nullable().optional(),
  passwordExpiresAt: z.string().nullable().optional(),
  passwordExpiresInDays: z.number().nullable().optional(),
  warnings: z.array(z.string()),
});
const streamSummary = z.object({ done: z.literal(true), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).optional() });
const linkResult = z.object({ ok: z.boolean(), steps: z.array(step), link: linkStatus.optional() });

const date = (v: string | undefined) => (v === undefined ? undefined : new Date(v));

/** Link, test, rotate and watch the Exchange service account (admins only). */
export function exchangeRoutes(app: FastifyInstance, api: ApiRegistry, links: ExchangeLinkService): void {
  api.add(app, {
    method: 'GET',
    path: '/api/v1/exchange',
    summary: 'Status of the Exchange link: server, version, access method, last success, last error (never the secret)',
    tag: 'exchange',
    access: 'admin',
    response: linkStatus,
    handler: async () => links.status(),
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/exchange/test',
    summary: 'Run the connectivity analyzer on these settings without storing anything',
    tag: 'exchange',
    access: 'admin',
    body: linkInput,
    response: z.object({ ok: z.boolean(), steps: z.array(step) }),
    handler: async (req, _reply, b) => {
      const r = await links.test({ url: b.url, upn: b.upn, password: b.password, access: b.access, mailbox: b.mailbox, ...(b.ca ? { ca: b.ca } : {}) }, req.session!.admin.email);
      return { ok: r.ok, steps: r.steps.map(stepOut) };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/exchange/test/stream',
    summary: 'The analyzer, live: application/x-ndjson, one step object per line as each finishes, then {"done":true,"ok":…}',
    tag: 'exchange',
    access: 'admin',
    body: linkInput,
    response: z.union([step, streamSummary]).describe('One line of the NDJSON stream'),
    handler: async (req, reply, b) => {
      const out = new PassThrough();
      const line = (v: object) => out.write(`${JSON.stringify(v)}\n`);
      let sent = 0;
      const input = { url: b.url, upn: b.upn, password: b.password, access: b.access, mailbox: b.mailbox, ...(b.ca ? { ca: b.ca } : {}) };
      // Runs after the headers go out; each step is written the moment the analyzer reports it.
      void links
        .test(input, req.session!.admin.email, (s) => {
          sent++;
          line(stepOut(s));
        })
        .then((r) => {
          // An injected analyzer may not report steps as it goes: whatever it did not report follows here.
          for (const s of r.steps.slice(sent)) line(stepOut(s));
          line({ done: true, ok: r.ok });
        })
        .catch((err: unknown) => {
          req.log.error({ err }, 'exchange test stream failed');
          line({ done: true, ok: false, error: { code: 'InternalError', message: 'The analyzer stopped unexpectedly; nothing was stored.', hint: 'Run the test again; if it persists, report the request id to your administrator.' } });
        })
        .finally(() => out.end());
      reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').header('x-accel-buffering', 'no');
      // Fastify sends a returned stream as the body; the schema above documents one line of it.
      return out as never;
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/exchange/link',
    summary: 'Link the service account: analyzed first, stored (encrypted) only when no step fails',
    tag: 'exchange',
    access: 'admin',
    body: linkInput,
    response: linkResult,
    handler: async (req, reply, b) => {
      const r = await links.link({ url: b.url, upn: b.upn, password: b.password, access: b.access, mailbox: b.mailbox, ...(b.ca ? { ca: b.ca } : {}), passwordExpiresAt: date(b.passwordExpiresAt) ?? null }, req.session!.admin.email);
      if (!r.ok) reply.code(422);
      return { ok: r.ok, steps: r.steps.map(stepOut), ...(r.link ? { link: r.link } : {}) };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/exchange/rotate',
    summary: 'Replace the password (or the account): validated against the test mailbox, then switched atomically',
    tag: 'exchange',
    access: 'admin',
    body: z.object({ upn: z.string().min(3).optional(), password: z.string().min(1), mailbox: z.string().email().optional(), passwordExpiresAt: z.iso.datetime({ offset: true }).optional() }),
    response: linkResult,
    handler: async (req, reply, b) => {
      const r = await links.rotate({ password: b.password, ...(b.upn ? { upn: b.upn } : {}), ...(b.mailbox ? { mailbox: b.mailbox } : {}), passwordExpiresAt: date(b.passwordExpiresAt) ?? null }, req.session!.admin.email);
      if (!r.ok) reply.code(422);
      return { ok: r.ok, steps: r.steps.map(stepOut), ...(r.link ? { link: r.link } : {}) };
    },
  });

  api.add(app, {
    method: 'PUT',
    path: '/api/v1/exchange/password-expiry',
    summary: "Record when the service account's password expires (warnings 14, 7, 3 and 1 days before, then daily)",
    tag: 'exchange',
    access: 'admin',
    body: z.union([z.object({ expiresAt: z.iso.datetime({ offset: true }).nullable() }), z.object({ passwordLastSet: z.iso.datetime({ offset: true }), maxPasswordAgeDays: z.number().int().positive() })]),
    response: linkStatus,
    handler: async (req, _reply, b) => {
      const at = 'expiresAt' in b ? (b.expiresAt === null ? null : new Date(b.expiresAt)) : new Date(Date.parse(b.passwordLastSet) + b.maxPasswordAgeDays * 86_400_000);
      return links.setPasswordExpiry(at, req.session!.admin.email);
    },
  });
}

function stepOut(s: { id: string; title: string; status: 'pass' | 'warn' | 'fail' | 'skip'; detail: string; fix?: string }) {
  return { id: s.id, title: s.title, status: s.status, detail: s.detail, ...(s.fix ? { fix: s.fix } : {}) };
}
