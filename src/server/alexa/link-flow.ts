import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { admins, auditLog, oauth, people, sessions } from '../../persistence/index.js';
import type { Admin } from '../../persistence/repositories/admins.js';
import { SESSION_COOKIE, SESSION_TTL_MS, setSessionCookie } from '../auth.js';
import type { ServerContext } from '../context.js';
import { checkAuthorizeRequest, isFormParams, parseForm, redirectWith, type AuthorizeRequest, type FormParams, type OAuthClient } from './authorize-request.js';
import { consentPage, errorPage, LINK_STYLESHEET, LINK_STYLESHEET_PATH, linkCalendarFirstPage, signInPage } from './link-pages.js';

/** Sign-in attempts per minute per address: the same brute-force limit as POST /api/v1/session. */
const SIGN_IN_PER_MINUTE = 10;

/**
 * The authorization endpoint of Alexa account linking: GET /alexa/link checks the request, then shows a
 * sign-in form (no console session) or the consent screen; approving sends the browser back to Alexa's
 * redirect_uri with a single-use code. Only an account whose person has linked their calendar can approve.
 */
export function linkPages(app: FastifyInstance, ctx: ServerContext, client: OAuthClient): void {
  // The CSP forbids script and inline style; form-action must also allow the redirect back to Alexa,
  // which browsers check after the consent form's POST.
  const redirectOrigins = [...new Set(client.redirectUris.map((u) => new URL(u).origin))].join(' ');
  const csp = `default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' ${redirectOrigins}; frame-ancestors 'none'; base-uri 'none'`;
  const consoleMe = `${ctx.publicUrl?.replace(/\/+$/, '') ?? ''}/console/me`;

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('content-security-policy', csp).header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

  // A form that failed (rate limit, bad encoding) gets a page, not JSON: a person is looking at it.
  app.setErrorHandler(async (err, req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return html(reply, 429, errorPage('Too many sign-in attempts', 'Sign-in is paused for a minute after repeated attempts from your network.', 'Wait a minute, then start linking again from the Alexa app.'));
    if (status >= 500) req.log.error({ err }, 'Alexa account-linking page failed');
    else req.log.info({ code: (err as { code?: string }).code, status }, 'Alexa account-linking request refused');
    return html(reply, status >= 500 ? 500 : 400, errorPage('Linking did not work', status >= 500 ? 'Something went wrong on the Concierge server; nothing was linked.' : 'The request could not be read.', `Start linking again from the Alexa app. If it persists, give your administrator this request id: ${req.id}.`));
  });

  /** Re-checks the OAuth parameters; answers with a page or a redirect when they are not usable. */
  function authorize(reply: FastifyReply, params: FormParams): AuthorizeRequest | undefined {
    const check = checkAuthorizeRequest(params, client);
    if (check.kind === 'ok') return check.request;
    if (check.kind === 'page') void html(reply, 400, errorPage(check.title, check.detail, check.hint));
    else void reply.code(302).header('location', redirectWith(check.request.redirectUri, { error: check.error, error_description: check.description, state: check.request.state })).send();
    return undefined;
  }

  /** What a signed-in account sees: the consent screen, or the page that says to link the calendar first. */
  async function decision(reply: FastifyReply, request: AuthorizeRequest, account: Pick<Admin, 'id' | 'email'>, csrfToken: string) {
    const person = await people.forAccount(ctx.db, account.id);
    if (person?.state !== 'linked' || !person.mailbox) return html(reply, 403, linkCalendarFirstPage(account, consoleMe));
    return html(reply, 200, consentPage(request, { email: account.email, mailbox: person.mailbox }, csrfToken));
  }

  const form = (req: FastifyRequest): FormParams => (isFormParams(req.body) ? req.body : { fields: {}, repeated: [] });

  app.get(LINK_STYLESHEET_PATH, async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(LINK_STYLESHEET));

  app.get('/alexa/link', async (req, reply) => {
    const params = parseForm(req.url.split('?')[1] ?? '');
    const request = authorize(reply, params);
    if (!request) return reply;
    const cookie = req.cookies[SESSION_COOKIE];
    const session = cookie && params.fields.prompt !== 'login' ? await sessions.get(ctx.db, cookie) : undefined;
    if (!session) return html(reply, 200, signInPage(request));
    return decision(reply, request, session.admin, session.csrfToken);
  });

  app.post('/alexa/link/sign-in', { config: { rateLimit: { max: SIGN_IN_PER_MINUTE, timeWindow: 60_000 } } }, async (req, reply) => {
    const params = form(req);
    const request = authorize(reply, params);
    if (!request) return reply;
    const email = params.fields.email?.trim() ?? '';
    const password = params.fields.password ?? '';
    if (email === '' || password === '') return html(reply, 400, signInPage(request, { problem: 'Enter your email address and your password.', email }));
    const account = await admins.verifyPassword(ctx.db, email, password);
    if (!account) {
      await auditLog.append(ctx.db, { actor: email, action: 'session.sign-in', result: 'refused', detail: { via: 'alexa-link' } });
      return html(reply, 401, signInPage(request, { problem: 'The email or password is wrong. Use the address your invitation was sent to; after repeated failures sign-in pauses for a minute.', email }));
    }
    const old = req.cookies[SESSION_COOKIE];
    if (old) await sessions.remove(ctx.db, old);
    const session = await sessions.create(ctx.db, account.id, { ttlMs: SESSION_TTL_MS });
    setSessionCookie(req, reply, session.sessionId);
    await auditLog.append(ctx.db, { actor: account.email, action: 'session.sign-in', result: 'ok', detail: { via: 'alexa-link' } });
    return decision(reply, request, account, session.csrfToken);
  });

  app.post('/alexa/link/consent', async (req, reply) => {
    const params = form(req);
    const request = authorize(reply, params);
    if (!request) return reply;
    const cookie = req.cookies[SESSION_COOKIE];
    const session = cookie ? await sessions.get(ctx.db, cookie) : undefined;
    if (!session) return html(reply, 401, signInPage(request, { problem: 'Your sign-in has expired. Sign in again to finish linking.' }));
    if (!sessions.csrfMatches(session, params.fields.csrf)) {
      return html(reply, 403, errorPage('This form has expired', 'The answer did not come from the consent page of your current sign-in, so nothing was linked.', 'Start linking again from the Alexa app.'));
    }
    const account = session.admin;
    if (params.fields.decision !== 'allow') {
      await auditLog.append(ctx.db, { actor: account.email, action: 'alexa.link', target: account.email, result: 'denied', detail: { clientId: request.clientId } });
      return reply.code(302).header('location', redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The user did not allow Alexa to use Concierge.', state: request.state })).send();
    }
    const person = await people.forAccount(ctx.db, account.id);
    if (person?.state !== 'linked' || !person.mailbox) {
      await auditLog.append(ctx.db, { actor: account.email, action: 'alexa.link', target: account.email, result: 'refused', detail: { reason: 'calendar not linked', personState: person?.state ?? 'none' } });
      return html(reply, 403, linkCalendarFirstPage(account, consoleMe));
    }
    const code = await oauth.createCode(ctx.db, { accountId: account.id, clientId: request.clientId, redirectUri: request.redirectUri, scope: request.scope });
    await auditLog.append(ctx.db, { actor: account.email, action: 'alexa.link', target: person.mailbox, result: 'ok', detail: { clientId: request.clientId, scope: request.scope } });
    return reply.code(302).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('location', redirectWith(request.redirectUri, { code, state: request.state })).send();
  });
}
