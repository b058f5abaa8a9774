import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditLog, invitations, people, sessions } from '../../persistence/index.js';
import { SESSION_COOKIE, SESSION_TTL_MS, setSessionCookie } from '../auth.js';
import type { ServerContext } from '../context.js';
import { remove, revoke } from '../people/account-actions.js';
import { linkCalendar, revokedProblem, unlinkCalendar } from '../people/calendar-link.js';
import { accept, openInvitation } from '../people/enrolment.js';
import { planImport, runImport, type ImportRow } from '../people/import.js';
import { invite, resend } from '../people/invite.js';
import { inviteOut, inviteView, personOut, personView, userOut, userView } from '../people/views.js';
import { forbidden, HttpProblem } from '../problem.js';

const importRowOut = z.object({
  line: z.number(),
  email: z.string().optional(),
  result: z.enum(['invited', 'exists', 'error']),
  message: z.string().optional(),
  userId: z.string().optional(),
  delivery: z.enum(['email', 'manual']).optional(),
  inviteUrl: z.string().optional(),
});
const sessionOut = z.object({ email: z.string(), role: z.enum(['admin', 'user']), csrfToken: z.string(), expiresAt: z.string() });
const idParam = (req: FastifyRequest) => (req.params as { id: string }).id;

/** Where the invitee's browser reaches the console: the configured public URL, else this request's origin. */
function baseUrl(ctx: ServerContext, req: FastifyRequest): string {
  return ctx.publicUrl ?? `${req.protocol}://${req.host}`;
}

/** Enrolment: invitations (one, or a CSV), each user's state, resend, revoke, remove; the invitee's side; the user's own link. */
export function peopleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  adminRoutes(app, ctx);
  inviteeRoutes(app, ctx);
  meRoutes(app, ctx);
}

function adminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { api, db } = ctx;
  api.add(app, {
    method: 'GET',
    path: '/api/v1/users',
    summary: 'Everyone invited: state (invited, accepted, linked, failing, revoked), mailbox, last error, invitation',
    tag: 'people',
    access: 'admin',
    response: z.object({ users: z.array(userOut) }),
    handler: async () => {
      const all = await people.list(db);
      const latest = await invitations.latestFor(db, all.map((p) => p.id));
      return { users: all.map((p) => userView(p, latest.get(p.id))) };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/users/invitations',
    summary: 'Invite one person by email (sent through Exchange from the service account, else a link to forward)',
    tag: 'people',
    access: 'admin',
    body: z.object({ email: z.email(), displayName: z.string().trim().min(1).max(256).optional() }),
    response: inviteOut,
    status: 201,
    handler: async (req, _reply, b) => inviteView(await invite(ctx, b, req.session!.admin.email, baseUrl(ctx, req))),
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/users/import',
    summary: 'Invite from CSV (`email,displayName` or one address per line); each row reported; Accept: application/x-ndjson streams rows',
    tag: 'people',
    access: 'admin',
    body: z.object({ csv: z.string().min(1).max(1_000_000) }),
    response: z.object({ rows: z.array(importRowOut), invited: z.number(), failed: z.number() }),
    handler: async (req, reply, b) => {
      const actor = req.session!.admin.email;
      const planned = planImport(b.csv);
      const run = (onRow: (row: ImportRow) => void) => runImport(ctx, planned, actor, baseUrl(ctx, req), onRow, req.log);
      const summarize = (s: { invited: number; failed: number }) => auditLog.append(db, { actor, action: 'person.import', result: 'ok', detail: { rows: planned.length, ...s } });
      if (!String(req.headers.accept ?? '').includes('application/x-ndjson')) {
        const rows: ImportRow[] = [];
        const summary = await run((r) => rows.push(r));
        await summarize(summary);
        return { rows, ...summary };
      }
      // Streamed: one JSON object per line as each row is done, then the summary line.
      const stream = new PassThrough();
      reply.type('application/x-ndjson; charset=utf-8');
      void run((r) => stream.write(`${JSON.stringify(r)}\n`))
        .then(async (summary) => {
          await summarize(summary);
          stream.end(`${JSON.stringify({ done: true, ...summary })}\n`);
        })
        .catch((err: unknown) => {
          req.log.error({ err }, 'import stream failed');
          stream.end(`${JSON.stringify({ done: true, error: { code: 'InternalError', message: 'The import stopped for an internal reason; the rows above were done.', hint: 'Upload the remaining rows again (rows already invited will say "exists").' } })}\n`);
        });
      return stream as never;
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/users/:id/resend',
    summary: 'A new invitation for someone who has not accepted yet (the old link stops working)',
    tag: 'people',
    access: 'admin',
    response: inviteOut,
    handler: async (req) => inviteView(await resend(ctx, idParam(req), req.session!.admin.email, baseUrl(ctx, req))),
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/users/:id/revoke',
    summary: 'Revoke: open invitation withdrawn, sessions and Alexa tokens ended, state revoked',
    tag: 'people',
    access: 'admin',
    response: z.object({ user: userOut }),
    handler: async (req) => {
      const person = await revoke(db, idParam(req), req.session!.admin.email);
      const latest = await invitations.latestFor(db, [person.id]);
      return { user: userView(person, latest.get(person.id)) };
    },
  });

  api.add(app, {
    method: 'DELETE',
    path: '/api/v1/users/:id',
    summary: 'Remove a person and everything about them (account, sessions, tokens, dialog state, invitations)',
    tag: 'people',
    access: 'admin',
    response: z.object({ removed: z.literal(true) }),
    handler: async (req) => {
      await remove(db, idParam(req), req.session!.admin.email);
      return { removed: true as const };
    },
  });
}

/** The invitation token is in this path (the contract's GET): its request lines must not reach the log. */
const TOKEN_IN_PATH = '/api/v1/invitations/:token';

function inviteeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { api, db } = ctx;
  // Fastify logs every request's URL at info; for this route only warnings and errors are logged, and
  // those carry the request id, not the URL. (onRoute sees the route as api.add registers it below.)
  app.addHook('onRoute', (route) => {
    if (route.url === TOKEN_IN_PATH) route.logLevel = 'warn';
  });
  api.add(app, {
    method: 'GET',
    path: TOKEN_IN_PATH,
    summary: 'What an invitation link is for (410 when expired, revoked or used; 404 when unknown)',
    tag: 'people',
    access: 'public',
    rateLimitPerMinute: 30,
    response: z.object({ email: z.string(), displayName: z.string().optional(), expiresAt: z.string() }),
    handler: async (req) => {
      const { person, invitation } = await openInvitation(db, (req.params as { token: string }).token);
      return { email: person.email, ...(person.displayName ? { displayName: person.displayName } : {}), expiresAt: invitation.expiresAt.toISOString() };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/invitations/accept',
    summary: 'Accept an invitation: choose a password; the account is created and signed in with a fresh session',
    tag: 'people',
    access: 'public',
    rateLimitPerMinute: 20,
    body: z.object({ token: z.string().min(10).max(200), password: z.string().min(12, 'Use at least 12 characters.').max(1024) }),
    response: sessionOut,
    status: 201,
    handler: async (req, reply, b) => {
      const { account, person } = await accept(db, b.token, b.password);
      // Never keep a session id the browser brought (session fixation): drop it, start a new one.
      const old = req.cookies[SESSION_COOKIE];
      if (old) await sessions.remove(db, old);
      const s = await sessions.create(db, account.id, { ttlMs: SESSION_TTL_MS });
      setSessionCookie(req, reply, s.sessionId);
      await auditLog.append(db, { actor: account.email, action: 'invitation.accept', target: account.email, result: 'ok', detail: { userId: person.id } });
      return { email: account.email, role: account.role, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  });
}

function meRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { api, db } = ctx;
  /** The signed-in user's person; administrators have none, revoked people may do nothing. */
  const myPerson = async (req: FastifyRequest) => {
    const s = req.session!;
    if (s.admin.role !== 'user') throw forbidden('Only people enrolled by invitation link their own calendar here; administrators manage the service account under Exchange.');
    const person = await people.findByAccount(db, s.admin.id);
    if (!person) throw new HttpProblem(404, 'UserUnknown', 'Your account has no enrolment any more.', 'Ask your administrator to invite you again.');
    if (person.state === 'revoked') throw revokedProblem();
    return person;
  };

  api.add(app, {
    method: 'GET',
    path: '/api/v1/me',
    summary: 'Who is signed in, and (for invited users) their enrolment: state, mailbox, last error',
    tag: 'people',
    access: 'signedIn',
    response: z.object({ email: z.string(), role: z.enum(['admin', 'user']), person: personOut.optional() }),
    handler: async (req) => {
      const s = req.session!;
      const person = await people.findByAccount(db, s.admin.id);
      if (person?.state === 'revoked') throw revokedProblem();
      return { email: s.admin.email, role: s.admin.role, ...(person ? { person: personView(person) } : {}) };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/me/exchange',
    summary: 'Link my Exchange calendar: my invited address must resolve to my mailbox and the service account must reach it',
    tag: 'people',
    access: 'signedIn',
    body: z.object({ timeZone: z.string().min(1).max(64).optional() }),
    response: z.object({ person: personOut }),
    handler: async (req, _reply, b) => ({ person: personView(await linkCalendar(ctx, await myPerson(req), b.timeZone)) }),
  });

  api.add(app, {
    method: 'DELETE',
    path: '/api/v1/me/exchange',
    summary: 'Unlink my Exchange calendar',
    tag: 'people',
    access: 'signedIn',
    response: z.object({ person: personOut }),
    handler: async (req) => ({ person: personView(await unlinkCalendar(db, await myPerson(req))) }),
  });
}
