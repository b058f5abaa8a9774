import type { FastifyInstance, FastifyReply } from 'fastify';
import { admins, auditLog, oauth } from '../../persistence/index.js';
import type { ServerContext } from '../context.js';
import { authenticateClient, isFormParams, type OAuthClient } from './authorize-request.js';

/**
 * POST /alexa/token, the token endpoint of Alexa account linking (RFC 6749 §3.2, §4.1.3, §6): a code or a
 * refresh token, from the authenticated client, for a fresh access and refresh token. Refresh tokens are
 * rotated: each works once. Errors are RFC 6749 §5.2 JSON, never cached.
 */

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'server_error';

/** Alexa refreshes every linked user about hourly, from a few addresses: room for a large organisation. */
const REQUESTS_PER_MINUTE = 600;
const REALM = 'Basic realm="Concierge Alexa account linking", charset="UTF-8"';

function fail(reply: FastifyReply, error: OAuthError, description: string) {
  const status = error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : 400;
  if (status === 401) reply.header('www-authenticate', REALM);
  return reply.code(status).header('cache-control', 'no-store').header('pragma', 'no-cache').type('application/json; charset=utf-8').send({ error, error_description: description });
}

export function tokenEndpoint(app: FastifyInstance, ctx: ServerContext, client: OAuthClient): void {
  app.setErrorHandler(async (err, req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'Alexa token request failed');
      return fail(reply, 'server_error', `Something went wrong on the Concierge server (request id ${req.id}); nothing was issued. Alexa retries; if it persists, the server log has the cause.`);
    }
    if (status === 429) return fail(reply, 'invalid_request', 'Too many token requests from this address; wait a minute.');
    return fail(reply, 'invalid_request', `The request could not be read (${(err as Error).message}); send application/x-www-form-urlencoded parameters.`);
  });

  app.post('/alexa/token', { config: { rateLimit: { max: REQUESTS_PER_MINUTE, timeWindow: 60_000 } } }, async (req, reply) => {
    if (!isFormParams(req.body)) return fail(reply, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (RFC 6749 §4.1.3).');
    const params = req.body;
    const auth = authenticateClient(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined, params, client);
    if (!auth.ok) {
      req.log.info({ oauthError: auth.error }, 'Alexa token request: client not authenticated');
      return fail(reply, auth.error, auth.description);
    }
    if (params.repeated.length > 0) return fail(reply, 'invalid_request', `Each parameter may be sent once; repeated: ${params.repeated.join(', ')}.`);
    const f = params.fields;
    const now = new Date();
    const answer = (tokens: oauth.IssuedTokens) =>
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send({ access_token: tokens.accessToken, token_type: 'bearer', expires_in: tokens.expiresIn, refresh_token: tokens.refreshToken, scope: tokens.scope });

    if (f.grant_type === 'authorization_code') {
      if (!f.code) return fail(reply, 'invalid_request', 'The code parameter is missing.');
      if (!f.redirect_uri) return fail(reply, 'invalid_request', 'The redirect_uri parameter is missing; send the one the authorization request used.');
      const code = f.code;
      const redirectUri = f.redirect_uri;
      const result = await ctx.db.transaction().execute(async (trx) => {
        const r = await oauth.redeemCode(trx, code, { clientId: client.clientId, redirectUri }, now);
        return r.kind === 'ok' ? { kind: 'issued' as const, tokens: await oauth.issueTokens(trx, { accountId: r.accountId, clientId: client.clientId, scope: r.scope, now }) } : r;
      });
      switch (result.kind) {
        case 'issued':
          return answer(result.tokens);
        case 'unknown':
          return fail(reply, 'invalid_grant', 'The authorization code is not one Concierge issued.');
        case 'expired':
          return fail(reply, 'invalid_grant', 'The authorization code expired (codes last 5 minutes); link the account again in the Alexa app.');
        case 'mismatch':
          return fail(reply, 'invalid_grant', result.field === 'redirect_uri' ? 'redirect_uri differs from the one the code was issued for.' : 'The code was issued to another client.');
        case 'reused': {
          const account = await admins.findById(ctx.db, result.accountId);
          await auditLog.append(ctx.db, { actor: 'alexa', action: 'alexa.token', target: account?.email ?? result.accountId, result: 'refused', detail: { reason: 'authorization code reused', revokedTokens: result.revokedTokens } });
          req.log.warn({ revokedTokens: result.revokedTokens }, 'Alexa authorization code presented twice; the tokens issued from it were revoked');
          return fail(reply, 'invalid_grant', 'The authorization code was already used, so the tokens issued from it were revoked; link the account again in the Alexa app.');
        }
      }
    }
    if (f.grant_type === 'refresh_token') {
      if (!f.refresh_token) return fail(reply, 'invalid_request', 'The refresh_token parameter is missing.');
      const refreshToken = f.refresh_token;
      const tokens = await ctx.db.transaction().execute(async (trx) => {
        const grant = await oauth.spendRefreshToken(trx, refreshToken, client.clientId, now);
        return grant ? oauth.issueTokens(trx, { accountId: grant.accountId, clientId: client.clientId, scope: grant.scope, now }) : undefined;
      });
      if (!tokens) return fail(reply, 'invalid_grant', 'The refresh token is unknown, expired, revoked or already used (each works once); link the account again in the Alexa app.');
      return answer(tokens);
    }
    if (!f.grant_type) return fail(reply, 'invalid_request', 'The grant_type parameter is missing (authorization_code or refresh_token).');
    return fail(reply, 'unsupported_grant_type', `grant_type "${f.grant_type}" is not supported; use authorization_code or refresh_token.`);
  });
}
