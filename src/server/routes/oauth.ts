import type { FastifyInstance } from 'fastify';
import { parseForm } from '../alexa/authorize-request.js';
import { linkPages } from '../alexa/link-flow.js';
import { tokenEndpoint } from '../alexa/token-endpoint.js';
import type { ServerContext } from '../context.js';

/** HTML forms and token requests are small; this is generous for both. */
const FORM_LIMIT = 16 * 1024;

/**
 * Alexa account linking: OAuth 2.0 authorization code grant (RFC 6749) with the skill as the client.
 * GET /alexa/link (sign in, consent, redirect back to Alexa with a code) and POST /alexa/token (code or
 * refresh token -> tokens). Served only when an Alexa skill is configured; see skill/account-linking.json.
 */
export function oauthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const alexa = ctx.alexa;
  if (!alexa) return;
  // Registered as a plugin (Fastify loads it before the server starts) so the form parser stays in here.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => done(null, parseForm(String(body))));
    await scope.register(async (pages) => linkPages(pages, ctx, alexa));
    await scope.register(async (token) => tokenEndpoint(token, ctx, alexa));
  });
}
