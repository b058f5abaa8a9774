import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The OAuth 2.0 parts of Alexa account linking that are pure (RFC 6749): reading form-encoded parameters,
 * checking an authorization request, authenticating the client at the token endpoint.
 */

/** The one scope Concierge grants: the linked person's calendar. */
export const ALEXA_SCOPE = 'calendar';

/** The client Alexa is, as configured (CONCIERGE_ALEXA_*). */
export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

/** Form or query parameters. RFC 6749 §3.1: a parameter sent twice is an error, so repeats are kept apart. */
export interface FormParams {
  readonly fields: Readonly<Record<string, string>>;
  readonly repeated: readonly string[];
}

/** Parses `application/x-www-form-urlencoded` text (also a query string). */
export function parseForm(text: string): FormParams {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const repeated = new Set<string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (name in fields) repeated.add(name);
    else fields[name] = value;
  }
  return { fields, repeated: [...repeated] };
}

export function isFormParams(body: unknown): body is FormParams {
  return typeof body === 'object' && body !== null && 'fields' in body && 'repeated' in body;
}

/** A checked authorization request (GET /alexa/link and the forms that follow it). */
export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state?: string;
}

export type AuthorizeCheck =
  | { readonly kind: 'ok'; readonly request: AuthorizeRequest }
  /** The client or redirect_uri cannot be trusted: show a page, never redirect (RFC 6749 §4.1.2.1). */
  | { readonly kind: 'page'; readonly title: string; readonly detail: string; readonly hint: string }
  /** A trusted redirect_uri, but a request it cannot have: send the error back to Alexa. */
  | { readonly kind: 'redirect'; readonly request: AuthorizeRequest; readonly error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope'; readonly description: string };

/** State is opaque to us, but unbounded input is not: Alexa's is well under this. */
const MAX_STATE = 2048;

export function checkAuthorizeRequest(params: FormParams, client: OAuthClient): AuthorizeCheck {
  const f = params.fields;
  const startAgain = 'Start linking again from the Concierge skill in the Alexa app. If it keeps happening, ask your administrator to check the skill\'s account-linking settings.';
  if (params.repeated.includes('client_id') || params.repeated.includes('redirect_uri')) return { kind: 'page', title: 'This link request is not valid', detail: 'The request names its client or return address more than once.', hint: startAgain };
  if (f.client_id !== client.clientId) {
    return { kind: 'page', title: 'This link request is not for Concierge', detail: f.client_id ? `The request names the client "${f.client_id}", which is not the Alexa client Concierge is set up for.` : 'The request does not name a client (client_id).', hint: `${startAgain} The skill's "Your Client ID" must equal Concierge's CONCIERGE_ALEXA_CLIENT_ID.` };
  }
  if (!f.redirect_uri || !client.redirectUris.includes(f.redirect_uri)) {
    return { kind: 'page', title: 'This link request cannot be completed', detail: f.redirect_uri ? 'The request asks Concierge to send you back to an address that is not one of the Alexa addresses it is set up for, so Concierge will not send you there.' : 'The request does not say where to send you back to (redirect_uri).', hint: `${startAgain} Every "Alexa Redirect URL" on the skill's Account Linking page must be listed in CONCIERGE_ALEXA_REDIRECT_URIS.` };
  }
  const state = f.state;
  const base = { clientId: client.clientId, redirectUri: f.redirect_uri, scope: ALEXA_SCOPE, ...(state !== undefined && state.length <= MAX_STATE ? { state } : {}) };
  if (params.repeated.length > 0) return { kind: 'redirect', request: base, error: 'invalid_request', description: `Repeated parameter: ${params.repeated.join(', ')}` };
  if (state !== undefined && state.length > MAX_STATE) return { kind: 'redirect', request: base, error: 'invalid_request', description: `state is longer than ${MAX_STATE} characters` };
  if (f.response_type !== 'code') return { kind: 'redirect', request: base, error: 'unsupported_response_type', description: 'Concierge supports the authorization code grant only (response_type=code).' };
  const scopes = (f.scope ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((s) => s !== ALEXA_SCOPE);
  if (unknown.length > 0) return { kind: 'redirect', request: base, error: 'invalid_scope', description: `Unknown scope ${unknown.join(' ')}; the only scope is "${ALEXA_SCOPE}".` };
  return { kind: 'ok', request: base };
}

/** Adds parameters to a redirect URI, keeping any query it already has. */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

export type ClientAuth = { readonly ok: true } | { readonly ok: false; readonly error: 'invalid_request' | 'invalid_client'; readonly description: string };

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64; Alexa sends plain ones. Either matches. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function sameSecret(given: string, expected: string): boolean {
  // Hashes have equal length, so the comparison is constant-time whatever was sent.
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Authenticates the client by HTTP Basic or, if the header is absent, by client_id/client_secret in the body. */
export function authenticateClient(authorization: string | undefined, params: FormParams, client: OAuthClient): ClientAuth {
  const inBody = params.fields.client_secret !== undefined;
  let id: string | undefined;
  let secret: string | undefined;
  if (authorization !== undefined) {
    if (inBody) return { ok: false, error: 'invalid_request', description: 'The client authenticated twice (HTTP Basic and client_secret in the body); use one.' };
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    const decoded = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon < 0) return { ok: false, error: 'invalid_client', description: 'The Authorization header is not HTTP Basic client credentials (base64 of client_id:client_secret).' };
    id = decoded.slice(0, colon);
    secret = decoded.slice(colon + 1);
    if (params.fields.client_id !== undefined && params.fields.client_id !== id && params.fields.client_id !== formDecode(id)) return { ok: false, error: 'invalid_request', description: 'client_id in the body differs from the one in the Authorization header.' };
  } else {
    id = params.fields.client_id;
    secret = params.fields.client_secret;
  }
  if (id === undefined || secret === undefined) return { ok: false, error: 'invalid_client', description: 'The request carries no client credentials; send HTTP Basic client_id:client_secret (the skill\'s accessTokenScheme HTTP_BASIC).' };
  const idMatches = id === client.clientId || formDecode(id) === client.clientId;
  const secretMatches = sameSecret(secret, client.clientSecret) || sameSecret(formDecode(secret), client.clientSecret);
  if (!idMatches || !secretMatches) return { ok: false, error: 'invalid_client', description: 'Client authentication failed: the client id or secret is not the one Concierge is set up with. The skill\'s "Your Client ID" and "Your Secret" must equal CONCIERGE_ALEXA_CLIENT_ID and CONCIERGE_ALEXA_CLIENT_SECRET.' };
  return { ok: true };
}
