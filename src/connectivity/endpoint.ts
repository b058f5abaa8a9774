import { EwsError } from '../ews/errors.js';
import { buildEnvelope } from '../ews/operations/envelope.js';
import { GetFolder } from '../ews/operations/get-folder.js';
import { headerValues, type HttpResponse, type Transport } from '../ews/transport/types.js';
import { enableBasicAuthFix, ewsUrlFix } from './fixes.js';
import type { Target } from './network.js';
import { fail, pass, warn, type Finding } from './types.js';
import { authOffer, describeOffer } from './www-authenticate.js';

/** What the URL's path says before anything is sent. */
export type PathKind = 'ews' | 'owa' | 'autodiscover' | 'root' | 'ews-other' | 'other';

export function pathKind(url: URL): PathKind {
  const path = url.pathname.toLowerCase().replace(/\/+$/, '');
  if (path === '/ews/exchange.asmx') return 'ews';
  if (/^\/owa(\/|$)/.test(path)) return 'owa';
  if (/^\/autodiscover(\/|$)/.test(path)) return 'autodiscover';
  if (path === '') return 'root';
  if (/^\/ews(\/|$)/.test(path)) return 'ews-other';
  return 'other';
}

/** A harmless request (GetFolder of the mailbox root) that IIS refuses before EWS reads it, since it carries no credentials. */
export function probeBody(): string {
  return buildEnvelope({ version: 'Exchange2007_SP1' }, GetFolder.build({ folders: [{ distinguished: 'msgfolderroot' }] }, 'Exchange2007_SP1'));
}

/** POSTs the probe without credentials; redirects are reported, not followed. */
export async function probeEndpoint(transport: Transport, url: string, timeoutMs: number): Promise<HttpResponse | EwsError> {
  try {
    return await transport.send({ url, headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' }, body: probeBody(), operation: 'GetFolder', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    if (err instanceof EwsError) return err;
    throw err;
  }
}

/** The name of the Exchange server that answered (Exchange's front end adds X-FEServer). */
export function frontEndServer(res: HttpResponse): string | undefined {
  const v = headerValues(res, 'x-feserver')[0]?.trim();
  return v && /^[\w-]+$/.test(v) ? v : undefined;
}

function serverNote(res: HttpResponse): string {
  const parts = [headerValues(res, 'server')[0] ? `Server: ${headerValues(res, 'server')[0]}` : '', frontEndServer(res) ? `X-FEServer: ${frontEndServer(res)}` : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const PATH_PROBLEM: Partial<Record<PathKind, string>> = {
  owa: 'The URL points at Outlook on the web (OWA), not at Exchange Web Services',
  autodiscover: 'The URL points at Autodiscover, which tells clients where EWS is; it is not EWS itself',
  root: 'The URL has no path; EWS lives at /EWS/Exchange.asmx',
  'ews-other': 'The URL points inside the EWS virtual directory but not at the endpoint, /EWS/Exchange.asmx',
};

function looksLikeLogin(location: string, body = ''): boolean {
  return /\/owa(\/|$|\?)|logon|login|signin|sign-in|adfs|\/auth\b/i.test(location) || /<form[\s\S]*type=["']?password/i.test(body);
}

/** Judges the unauthenticated answer: EWS answers a POST with 401 and WWW-Authenticate. */
export function judgeEndpoint(target: Target, answer: HttpResponse | EwsError): Finding {
  const kind = pathKind(target.url);
  const fix = ewsUrlFix(target.url.host);
  const path = target.url.pathname;
  if (answer instanceof EwsError) {
    return fail(`POST ${path} got no HTTP answer: ${answer.message} (${answer.code})`, kind === 'ews' || kind === 'other' ? answer.hint : fix);
  }
  const res = answer;
  const said = `POST ${path} without credentials answered HTTP ${res.status}`;
  const location = headerValues(res, 'location')[0];
  const pathProblem = PATH_PROBLEM[kind];
  if (res.status >= 300 && res.status < 400) {
    const where = location ?? '(no Location header)';
    const what = /\/owa(\/|$|\?)/i.test(where) ? "Outlook on the web's sign-in page" : looksLikeLogin(where) ? 'a sign-in page' : 'another address';
    const toHttps = location !== undefined && !target.https && location.startsWith(`https://${target.url.host}`);
    return fail(
      `${pathProblem ?? 'The URL does not answer as EWS'}: ${said}, redirecting to ${what} at ${where}. EWS answers a POST itself; it never redirects.`,
      toHttps ? `Use the https URL. ${fix}` : fix,
    );
  }
  if (pathProblem) return fail(`${pathProblem}: ${said}${serverNote(res)}.`, fix);
  const challenges = headerValues(res, 'www-authenticate');
  if (res.status === 401 && challenges.length > 0) {
    const other = kind === 'other' ? ` The path is not the usual /EWS/Exchange.asmx (a reverse proxy?), but it answers like EWS.` : '';
    return pass(`${said} with WWW-Authenticate: ${describeOffer(authOffer(challenges))}, as EWS does before sign-in${serverNote(res)}.${other}`);
  }
  if (res.status === 401) return fail(`${said} but offered no sign-in method (no WWW-Authenticate): this is not IIS in front of EWS, perhaps a proxy${serverNote(res)}.`, fix);
  if (res.status === 404) return fail(`${said} (not found): there is no EWS endpoint at ${path}${serverNote(res)}.`, fix);
  if (res.status === 403) {
    return fail(`${said} (forbidden): the web server refuses the request before sign-in (IIS 403.4 means SSL required; 403.6 an IP restriction)${serverNote(res)}.`, `Use https, and check IIS's SSL and IP settings on the EWS virtual directory. ${fix}`);
  }
  const isXml = /^\uFEFF?\s*<\?xml|<(\w+:)?Envelope[\s>]/.test(res.body);
  if (res.status === 200 && isXml) {
    return warn(`${said} with a SOAP answer, without asking for credentials: EWS normally demands them first. Anonymous access or a proxy that signs in for the caller?${serverNote(res)}`);
  }
  if (/<html[\s>]/i.test(res.body)) {
    const page = looksLikeLogin('', res.body) ? 'a sign-in page' : 'a web page';
    return fail(`${said} with ${page}, not EWS${serverNote(res)}.`, fix);
  }
  if (res.status === 503 || res.status === 502 || res.status === 504) return fail(`${said}: the server or a proxy in front of it is unavailable${serverNote(res)}.`, 'Check that the Exchange services and IIS application pools (MSExchangeServicesAppPool) are running, and any load balancer in front.');
  return fail(`${said}, which EWS does not do before sign-in${serverNote(res)}.`, fix);
}

/** Judges the sign-in methods the 401 offered: Concierge signs in with Basic, as the guide requires. */
export function judgeAuthMethods(answer: HttpResponse): Finding {
  const values = headerValues(answer, 'www-authenticate');
  const offer = authOffer(values);
  const server = frontEndServer(answer);
  if (answer.status !== 401 || values.length === 0) {
    return warn(`The endpoint did not ask for credentials (HTTP ${answer.status}), so the methods it offers are unknown; Concierge will send Basic credentials.`);
  }
  if (offer.basic) return pass(`Offers ${describeOffer(offer)}; Concierge signs in with Basic, as the guide requires.`);
  if (offer.bearerOnly) {
    return fail(
      'Offers only OAuth (Bearer): this is Exchange Online or modern authentication, where Basic is turned off. Concierge signs in with Basic, so it needs an on-premises Exchange with Basic enabled on EWS.',
      enableBasicAuthFix(server),
    );
  }
  return fail(`Basic authentication is off on the EWS virtual directory: it offers only ${describeOffer(offer)}${server ? ` (server ${server})` : ''}. Concierge signs in with Basic, as the guide requires.`, enableBasicAuthFix(server));
}
