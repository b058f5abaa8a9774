import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { OWA_LOGON_PAGE, OWA_LOGON_PATH, owaRedirectLocation } from './owa-pages.js';
import type { SoapReply } from './soap-response.js';

/** The signed-in caller of one HTTP request. */
export interface Caller {
  /** Primary SMTP address of the account that authenticated. */
  readonly account: string;
  readonly isAdministrator: boolean;
}

/** What the HTTP layer needs from the simulated organization. */
export interface SimulatorBackend {
  /** Basic authentication allowed on the EWS virtual directory (Get-WebServicesVirtualDirectory). */
  basicAuthEnabled(): boolean;
  authenticate(user: string, password: string): Caller | undefined;
  handleSoap(caller: Caller, xml: string, anchorMailbox: string | undefined): Promise<SoapReply>;
  /** Runs shell commands; `answers` reply to prompts in order, and when they run out `needsInput` says what is asked. */
  runShell(caller: Caller, script: string, answers?: readonly string[]): Promise<ShellReply>;
}

export interface ShellReply {
  readonly output: string;
  readonly errors: readonly string[];
  readonly ok: boolean;
  readonly needsInput?: { readonly text: string; readonly secret: boolean };
}

/** EWS answers are bounded; a request body larger than this is refused before parsing. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

function challenge(reply: FastifyReply, basic: boolean, host: string): FastifyReply {
  // IIS lists one WWW-Authenticate header per enabled provider; with Basic off only the Windows ones remain.
  const schemes = basic ? [`Basic realm="${host}"`, 'Negotiate', 'NTLM'] : ['Negotiate', 'NTLM'];
  return reply.code(401).header('www-authenticate', schemes).header('content-length', '0').send();
}

function credentials(req: FastifyRequest): { user: string; password: string; scheme: string } | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const [scheme = '', token = ''] = h.split(/\s+/, 2);
  if (scheme.toLowerCase() !== 'basic') return { user: '', password: '', scheme };
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { user: decoded.slice(0, i), password: decoded.slice(i + 1), scheme: 'Basic' };
}

/**
 * Authenticates like IIS in front of a virtual directory; replies 401 itself and returns undefined when
 * it fails. EWS honours the EWS virtual directory's BasicAuthentication; the PowerShell endpoint has its
 * own virtual directory (real remote PowerShell uses Kerberos), so it always takes Basic here.
 */
function authenticate(backend: SimulatorBackend, req: FastifyRequest, reply: FastifyReply, vdir: 'ews' | 'powershell' = 'ews'): Caller | undefined {
  const host = req.headers.host ?? 'localhost';
  const basic = vdir === 'powershell' || backend.basicAuthEnabled();
  const c = credentials(req);
  if (!c || c.scheme !== 'Basic' || !basic) {
    challenge(reply, basic, host);
    return undefined;
  }
  const caller = backend.authenticate(c.user, c.password);
  if (!caller) challenge(reply, basic, host);
  return caller;
}

/**
 * The simulator's HTTP face: /EWS/Exchange.asmx (SOAP), /powershell (the Management Shell, administrator
 * only), and /owa, which redirects to a login page as a real server does.
 */
export function buildSimulatorHttp(backend: SimulatorBackend, tls?: { readonly cert: string; readonly key: string }): FastifyInstance {
  const app = (tls
    ? Fastify({ logger: false, bodyLimit: MAX_REQUEST_BYTES, routerOptions: { caseSensitive: false }, https: { cert: tls.cert, key: tls.key } })
    : Fastify({ logger: false, bodyLimit: MAX_REQUEST_BYTES, routerOptions: { caseSensitive: false } })) as unknown as FastifyInstance;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post('/EWS/Exchange.asmx', async (req, reply) => {
    const caller = authenticate(backend, req, reply);
    if (!caller) return reply;
    const anchor = req.headers['x-anchormailbox'];
    const out = await backend.handleSoap(caller, typeof req.body === 'string' ? req.body : '', typeof anchor === 'string' ? anchor : undefined);
    return reply.code(out.status).header('content-type', 'text/xml; charset=utf-8').header('x-ewshandler', 'simulator').send(out.body);
  });

  app.get('/EWS/Exchange.asmx', async (req, reply) => {
    const caller = authenticate(backend, req, reply);
    if (!caller) return reply;
    return reply.type('text/html; charset=utf-8').send('<html><body><h1>Exchange Web Services</h1><p>This is the EWS endpoint. POST SOAP requests here.</p></body></html>');
  });

  app.post('/powershell', async (req, reply) => {
    const caller = authenticate(backend, req, reply, 'powershell');
    if (!caller) return reply;
    if (!caller.isAdministrator) return reply.code(403).send({ error: 'Only the Exchange administrator may use the Management Shell.' });
    const json = typeof req.body === 'string' ? safeJson(req.body) : undefined;
    const script = json ? String(json.command ?? '') : typeof req.body === 'string' ? req.body : '';
    const answers = Array.isArray(json?.answers) ? json.answers.map(String) : [];
    return reply.send(await backend.runShell(caller, script, answers));
  });

  const toLogon = async (req: FastifyRequest, reply: FastifyReply) => reply.redirect(owaRedirectLocation(req.protocol, req.headers.host ?? 'localhost'), 302);
  app.get('/owa', toLogon);
  app.get('/owa/', toLogon);
  app.post('/owa', toLogon);
  app.post('/owa/', toLogon);
  app.get(OWA_LOGON_PATH, async (_req, reply) => reply.type('text/html; charset=utf-8').send(OWA_LOGON_PAGE));
  app.post(OWA_LOGON_PATH, async (_req, reply) => reply.type('text/html; charset=utf-8').send(OWA_LOGON_PAGE));
  return app;
}

function safeJson(text: string): { command?: unknown; answers?: unknown } | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as { command?: unknown; answers?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
