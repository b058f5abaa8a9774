import { describe, expect, it } from 'vitest';
import { ewsError } from '../../../../src/ews/error-catalog.js';
import { EwsError } from '../../../../src/ews/errors.js';
import { challengeSchemes, EwsEngine, type EngineOptions } from '../../../../src/ews/operations/engine.js';
import { responseMessages } from '../../../../src/ews/operations/envelope.js';
import { GetFolder } from '../../../../src/ews/operations/get-folder.js';
import type { Operation } from '../../../../src/ews/operations/operation.js';
import type { ServerVersionInfo } from '../../../../src/ews/schema/versions.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../../src/ews/transport/retry.js';
import type { HttpRequest, HttpResponse, Transport } from '../../../../src/ews/transport/types.js';
import { el, els } from '../../../../src/ews/xml/index.js';
import { fixture, validateEnvelope } from '../../../support/shared.js';

const URL = 'https://mail.example.com/EWS/Exchange.asmx';
const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8' };

const CALENDAR_OK = fixture('GetFolder', 'msdocs-getfolder-calendar.response.xml');
const SERVER_BUSY = fixture('_any-operation', 'exchangelib-errorserverbusy-fault.response.xml');
const CREATE_FOLDER_OK = fixture('CreateFolder', 'evo-ex2010sp2-create-folder.response.xml');
const SCHEMA_FAULT_2010 = fixture('CreateFolder', 'evo-ex2010sp2-create-folder-invalid-distinguished-id-fault.response.xml');
const SCHEMA_FAULT_2007 = fixture('CreateFolder', 'evo-ex2007sp1-create-folder-invalid-distinguished-id-fault.response.xml');
/** The BackOffMilliseconds value in the recorded ErrorServerBusy fault. */
const RECORDED_BACKOFF = 297_749;

type Step = HttpResponse | Error | ((req: HttpRequest) => HttpResponse);

/** A transport that answers from a script, one step per request, and records every request. */
class ScriptedTransport implements Transport {
  readonly sent: HttpRequest[] = [];
  readonly #steps: Step[];
  constructor(...steps: Step[]) {
    this.#steps = steps;
  }
  async send(req: HttpRequest): Promise<HttpResponse> {
    this.sent.push(req);
    const step = this.#steps.length > 1 ? this.#steps.shift() : this.#steps[0];
    if (step === undefined) throw new Error('script is empty');
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(req) : step;
  }
  async close(): Promise<void> {}
}

const ok = (body: string): HttpResponse => ({ status: 200, headers: XML_HEADERS, body });
const status = (code: number, headers: HttpResponse['headers'] = {}, body = ''): HttpResponse => ({ status: code, headers, body });

/** An engine over a scripted transport with a fake clock that only sleep() advances. */
function setup(transport: ScriptedTransport, extra: Partial<EngineOptions> & { retry?: RetryPolicy } = {}) {
  let clock = 1_000_000;
  const sleeps: number[] = [];
  const versions: ServerVersionInfo[] = [];
  const engine = new EwsEngine({
    url: URL,
    transport,
    version: 'Exchange2013_SP1',
    account: 'svc-concierge@example.com',
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    onServerVersion: (v) => versions.push(v),
    ...extra,
  });
  return { engine, sleeps, versions, transport };
}

const CALENDAR = { folders: [{ distinguished: 'calendar' as const }] };

async function failure(p: Promise<unknown>): Promise<EwsError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EwsError);
  return e as EwsError;
}

/** A create: sending it twice would make two folders, so a lost answer must not be asked again. */
const CreateFolderOp: Operation<{ name: string }, number> = {
  name: 'CreateFolder',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createfolder-operation',
  idempotent: false,
  build: (a) =>
    el('m:CreateFolder', els(el('m:ParentFolderId', el('t:DistinguishedFolderId', undefined, { Id: 'msgfolderroot' })), el('m:Folders', el('t:Folder', el('t:DisplayName', a.name))))),
  parse: (response) => responseMessages(response).length,
};

describe('EwsEngine: a successful call', () => {
  it('parses a recorded GetFolder answer and records ServerVersionInfo', async () => {
    const { engine, versions, sleeps } = setup(new ScriptedTransport(ok(CALENDAR_OK)));
    const out = await engine.call(GetFolder, CALENDAR);
    expect(out.result).toEqual([{ ok: true, value: { folderType: 'CalendarFolder', folderId: { id: 'AAMk', changeKey: 'AgAA' } } }]);
    const expected = { majorVersion: 15, minorVersion: 0, majorBuildNumber: 731, minorBuildNumber: 10, version: 'V2_3' };
    expect(out.serverVersion).toEqual(expected);
    expect(engine.serverVersion).toEqual(expected);
    expect(versions).toEqual([expected]);
    expect(sleeps).toEqual([]);
  });

  it('sends ExchangeImpersonation, TimeZoneContext and X-AnchorMailbox, and the envelope is schema-valid', async () => {
    const transport = new ScriptedTransport(ok(CALENDAR_OK));
    const { engine } = setup(transport);
    await engine.call(GetFolder, CALENDAR, { impersonate: 'alice@example.com', timeZone: 'W. Europe Standard Time' });
    const [req] = transport.sent;
    expect(req).toBeDefined();
    expect(req!.url).toBe(URL);
    expect(req!.operation).toBe('GetFolder');
    expect(req!.headers['x-anchormailbox']).toBe('alice@example.com');
    expect(req!.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(req!.body).toContain('<t:RequestServerVersion Version="Exchange2013_SP1"/>');
    expect(req!.body).toContain('<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>alice@example.com</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>');
    expect(req!.body).toContain('<t:TimeZoneContext><t:TimeZoneDefinition Id="W. Europe Standard Time"/></t:TimeZoneContext>');
    const verdict = await validateEnvelope(req!.body);
    expect(verdict.valid, verdict.output).toBe(true);
    for (const piece of ['Header/t:RequestServerVersion', 'Header/t:ExchangeImpersonation', 'Header/t:TimeZoneContext', 'Body/m:GetFolder']) expect(verdict.output).toMatch(new RegExp(`^VALID .* :: ${piece}$`, 'm'));
  });

  it('anchors a delegated call on the mailbox without impersonating it', async () => {
    const transport = new ScriptedTransport(ok(CALENDAR_OK));
    await setup(transport).engine.call(GetFolder, { folders: [{ distinguished: 'calendar', mailbox: 'room1@example.com' }] }, { mailbox: 'room1@example.com' });
    expect(transport.sent[0]!.headers['x-anchormailbox']).toBe('room1@example.com');
    expect(transport.sent[0]!.body).not.toContain('ExchangeImpersonation');
  });

  it('sends no X-AnchorMailbox when no mailbox is named', async () => {
    const transport = new ScriptedTransport(ok(CALENDAR_OK));
    await setup(transport).engine.call(GetFolder, CALENDAR);
    expect(transport.sent[0]!.headers).not.toHaveProperty('x-anchormailbox');
  });
});

describe('EwsEngine: HTTP outcomes', () => {
  // As recorded from Exchange 2010 SP2 (IIS 7.5): two challenges, no body.
  const NTLM_TOKEN = 'NTLM TlRMTVNTUAACAAAADAAMADgAAAAFgoECVOk3E0s5q1YAAAAAAAAAAOAA4ABEAAAABgGxHQAAAA9HAFMAUwBMAEEAQgA=';

  it('401 offering only Negotiate and NTLM: HttpUnauthorized with the Set-WebServicesVirtualDirectory hint', async () => {
    const transport = new ScriptedTransport(status(401, { 'www-authenticate': [NTLM_TOKEN, 'Negotiate'], 'content-length': '0', server: 'Microsoft-IIS/7.5' }));
    const { engine, sleeps } = setup(transport);
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpUnauthorized');
    expect(err.data.httpStatus).toBe(401);
    expect(err.data.authSchemes).toEqual(['NTLM', 'Negotiate']);
    expect(err.hint).toContain('Set-WebServicesVirtualDirectory');
    expect(err.hint).toContain('-BasicAuthentication $true');
    expect(err.message).toContain('svc-concierge@example.com');
    expect(err.message).not.toContain('TlRM');
    expect(transport.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('401 as Exchange 2007 SP1 (IIS 6.0) sends it: one NTLM challenge and an HTML page with a DOCTYPE', async () => {
    const html = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<HTML><HEAD><TITLE>You are not authorized to view this page</TITLE></HEAD><BODY><h1>You are not authorized to view this page</h1></BODY></HTML>';
    const { engine } = setup(new ScriptedTransport(status(401, { 'www-authenticate': NTLM_TOKEN, 'content-type': 'text/html' }, html)));
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpUnauthorized');
    expect(err.data.authSchemes).toEqual(['NTLM']);
    expect(err.hint).toContain('-BasicAuthentication $true');
  });

  it('401 with the challenges folded into one header line still names each scheme', async () => {
    const { engine } = setup(new ScriptedTransport(status(401, { 'www-authenticate': 'Negotiate, NTLM' })));
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.data.authSchemes).toEqual(['Negotiate', 'NTLM']);
    expect(err.hint).toContain('Set-WebServicesVirtualDirectory');

    const { engine: e2 } = setup(new ScriptedTransport(status(401, { 'www-authenticate': 'NTLM, Basic realm="mail.example.com", charset="UTF-8"' })));
    const err2 = await failure(e2.call(GetFolder, CALENDAR));
    expect(err2.data.authSchemes).toEqual(['NTLM', 'Basic']);
    expect(err2.hint).not.toContain('Set-WebServicesVirtualDirectory');
  });

  it.each<[string[], string[]]>([
    [['Negotiate'], ['Negotiate']],
    [['NTLM TlRMTVNTUAACAAAA=='], ['NTLM']],
    [['Basic realm="mail.example.com"'], ['Basic']],
    [['Basic realm="Exchange, main site, b c", charset="UTF-8"'], ['Basic']],
    [['Basic realm = "x", NTLM'], ['Basic', 'NTLM']],
    [['Bearer authorization_uri="https://login.example.com/", error="invalid_token", Negotiate'], ['Bearer', 'Negotiate']],
    [[' , ', ''], []],
  ])('challengeSchemes(%j) -> %j', (values, expected) => {
    expect(challengeSchemes(values)).toEqual(expected);
  });

  it('401 offering Basic: the credentials are wrong', async () => {
    const { engine } = setup(new ScriptedTransport(status(401, { 'www-authenticate': ['Basic realm="mail.example.com"', 'Negotiate', 'NTLM'] })));
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpUnauthorized');
    expect(err.data.authSchemes).toEqual(['Basic', 'Negotiate', 'NTLM']);
    expect(err.hint).toMatch(/UPN and password/);
    expect(err.hint).not.toContain('Set-WebServicesVirtualDirectory');
  });

  it('401 without any challenge: the credentials hint', async () => {
    const err = await failure(setup(new ScriptedTransport(status(401))).engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpUnauthorized');
    expect(err.hint).toMatch(/password/);
  });

  it('403 -> HttpForbidden, 404 -> HttpNotFound; neither is retried', async () => {
    const t403 = new ScriptedTransport(status(403));
    const e403 = await failure(setup(t403).engine.call(GetFolder, CALENDAR));
    expect(e403.code).toBe('HttpForbidden');
    expect(e403.hint).toContain('EwsEnabled');
    expect(t403.sent).toHaveLength(1);

    const t404 = new ScriptedTransport(status(404, { 'content-type': 'text/html' }, '<html><body>Not Found</body></html>'));
    const e404 = await failure(setup(t404).engine.call(GetFolder, CALENDAR));
    expect(e404.code).toBe('HttpNotFound');
    expect(e404.message).toContain(URL);
    expect(t404.sent).toHaveLength(1);
  });

  it('302 to /owa/ -> OwaRedirect with the location', async () => {
    const err = await failure(setup(new ScriptedTransport(status(302, { location: 'https://mail.example.com/owa/' }))).engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('OwaRedirect');
    expect(err.data.location).toBe('https://mail.example.com/owa/');
    expect(err.hint).toContain('/EWS/Exchange.asmx');
  });

  it('302 to a sign-in service -> LoginPageRedirect; elsewhere -> HttpUnexpectedStatus', async () => {
    const login = await failure(setup(new ScriptedTransport(status(302, { location: 'https://sts.example.com/adfs/ls/?wa=wsignin1.0' }))).engine.call(GetFolder, CALENDAR));
    expect(login.code).toBe('LoginPageRedirect');
    const other = await failure(setup(new ScriptedTransport(status(301, { location: 'https://www.example.com/' }))).engine.call(GetFolder, CALENDAR));
    expect(other.code).toBe('HttpUnexpectedStatus');
  });

  it('200 with an HTML sign-in page -> LoginPageRedirect', async () => {
    const page = '<!DOCTYPE html><html><head><title>Outlook</title></head><body><form action="/owa/auth.owa" method="POST"><input name="username"><input name="password" type="password"></form></body></html>';
    const err = await failure(setup(new ScriptedTransport({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page })).engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('LoginPageRedirect');
  });

  it('200 with an HTML page that is no sign-in -> NotEws; an answer for another operation -> NotEws', async () => {
    const e1 = await failure(setup(new ScriptedTransport(ok('<html><body>It works!</body></html>'))).engine.call(GetFolder, CALENDAR));
    expect(e1.code).toBe('NotEws');
    const e2 = await failure(setup(new ScriptedTransport(ok(CREATE_FOLDER_OK))).engine.call(GetFolder, CALENDAR));
    expect(e2.code).toBe('NotEws');
    expect(e2.data.serverMessage).toContain('CreateFolderResponse');
  });

  it('500 with a plain-text body -> HttpUnexpectedStatus', async () => {
    const err = await failure(setup(new ScriptedTransport(status(500, { 'content-type': 'text/plain' }, 'Internal Server Error'))).engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpUnexpectedStatus');
    expect(err.data.httpStatus).toBe(500);
  });
});

describe('EwsEngine: throttling and retries', () => {
  const ROOMY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxBackOffMs: 300_000, maxElapsedMs: 600_000 };

  it('500 ErrorServerBusy (recorded fault): waits exactly BackOffMilliseconds, then succeeds', async () => {
    const transport = new ScriptedTransport(status(500, XML_HEADERS, SERVER_BUSY), ok(CALENDAR_OK));
    const { engine, sleeps } = setup(transport, { retry: ROOMY });
    const out = await engine.call(GetFolder, CALENDAR);
    expect(out.result[0]).toMatchObject({ ok: true });
    expect(sleeps).toEqual([RECORDED_BACKOFF]);
    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[1]!.body).toBe(transport.sent[0]!.body);
  });

  it('ErrorServerBusy is retried for a create too: Exchange did not process it', async () => {
    const transport = new ScriptedTransport(status(500, XML_HEADERS, SERVER_BUSY), ok(CREATE_FOLDER_OK));
    const { engine, sleeps } = setup(transport, { retry: ROOMY });
    expect((await engine.call(CreateFolderOp, { name: 'x' })).result).toBe(1);
    expect(sleeps).toEqual([RECORDED_BACKOFF]);
  });

  it('ErrorServerBusy asking for more than maxBackOffMs: thrown at once, never waited', async () => {
    const transport = new ScriptedTransport(status(500, XML_HEADERS, SERVER_BUSY), ok(CALENDAR_OK));
    const { engine, sleeps } = setup(transport);
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(DEFAULT_RETRY_POLICY.maxBackOffMs).toBeLessThan(RECORDED_BACKOFF);
    expect(err.code).toBe('ErrorServerBusy');
    expect(err.data.backOffMs).toBe(RECORDED_BACKOFF);
    expect(err.data.httpStatus).toBe(500);
    expect(err.data.serverMessage).toBe('The server cannot service this request right now. Try again later.');
    expect(err.message).toContain('298 s');
    expect(sleeps).toEqual([]);
    expect(transport.sent).toHaveLength(1);
  });

  it('ErrorServerBusy until the attempts run out: the final hint says Concierge waited and tried, not that it retries', async () => {
    const transport = new ScriptedTransport(status(500, XML_HEADERS, SERVER_BUSY));
    const { engine, sleeps } = setup(transport, { retry: { ...ROOMY, maxElapsedMs: 10_000_000 } });
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('ErrorServerBusy');
    expect(err.data).toMatchObject({ attempts: 4, backOffMs: RECORDED_BACKOFF });
    expect(sleeps).toEqual([RECORDED_BACKOFF, RECORDED_BACKOFF, RECORDED_BACKOFF]);
    expect(err.hint).toBe('Concierge waited as Exchange asked and tried 4 times; it is still busy. Try again in a few minutes; if this persists, raise the throttling policy of the service account (Set-ThrottlingPolicy).');
    // Tried once (the wait asked for was too long to wait out): no word of waiting.
    const once = await failure(setup(new ScriptedTransport(status(500, XML_HEADERS, SERVER_BUSY))).engine.call(GetFolder, CALENDAR));
    expect(once.data.attempts).toBeUndefined();
    expect(once.hint).toMatch(/^Try again in a few minutes;/);
  });

  it('503 with Retry-After: 2 waits 2000 ms, then succeeds', async () => {
    const transport = new ScriptedTransport(status(503, { 'retry-after': '2' }), ok(CALENDAR_OK));
    const { engine, sleeps } = setup(transport);
    await engine.call(GetFolder, CALENDAR);
    expect(sleeps).toEqual([2_000]);
    expect(transport.sent).toHaveLength(2);
  });

  it('503 without Retry-After backs off exponentially with jitter inside its bounds', async () => {
    const transport = new ScriptedTransport(status(503), status(503), ok(CALENDAR_OK));
    const { engine, sleeps } = setup(transport);
    await engine.call(GetFolder, CALENDAR);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(125);
    expect(sleeps[0]).toBeLessThanOrEqual(250);
    expect(sleeps[1]).toBeGreaterThanOrEqual(250);
    expect(sleeps[1]).toBeLessThanOrEqual(500);
  });

  it('a lost answer (RequestTimeout) is asked again for a read', async () => {
    const transport = new ScriptedTransport(ewsError('RequestTimeout', { operation: 'GetFolder' }), ok(CALENDAR_OK));
    const { engine, sleeps } = setup(transport);
    expect((await engine.call(GetFolder, CALENDAR)).result[0]).toMatchObject({ ok: true });
    expect(transport.sent).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('a lost answer is NOT repeated for a create (it may have been processed)', async () => {
    for (const lost of [ewsError('RequestTimeout', { operation: 'CreateFolder' }), ewsError('ConnectionReset', { operation: 'CreateFolder' }), new Error('socket hang up')]) {
      const transport = new ScriptedTransport(lost, ok(CREATE_FOLDER_OK));
      const { engine, sleeps } = setup(transport);
      const err = await failure(engine.call(CreateFolderOp, { name: 'x' }));
      expect(['RequestTimeout', 'ConnectionReset']).toContain(err.code);
      expect(transport.sent).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('a refused connection is repeated for a create (nothing was sent)', async () => {
    const transport = new ScriptedTransport(ewsError('ConnectionRefused', { operation: 'CreateFolder' }), ok(CREATE_FOLDER_OK));
    const { engine } = setup(transport);
    expect((await engine.call(CreateFolderOp, { name: 'x' })).result).toBe(1);
    expect(transport.sent).toHaveLength(2);
  });

  it('attempts are bounded by maxAttempts', async () => {
    const transport = new ScriptedTransport(status(503, { 'retry-after': '1' }));
    const { engine, sleeps } = setup(transport, { retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 } });
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpServiceUnavailable');
    expect(err.data.backOffMs).toBe(1_000);
    expect(transport.sent).toHaveLength(3);
    expect(sleeps).toEqual([1_000, 1_000]);
  });

  it('attempts are bounded by maxElapsedMs on the injected clock', async () => {
    const transport = new ScriptedTransport(status(503, { 'retry-after': '10' }));
    const { engine, sleeps } = setup(transport, { retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 100, maxElapsedMs: 25_000 } });
    const err = await failure(engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('HttpServiceUnavailable');
    expect(sleeps).toEqual([10_000, 10_000]);
    expect(transport.sent).toHaveLength(3);
  });

  it('stops retrying once the caller aborted', async () => {
    const controller = new AbortController();
    const transport = new ScriptedTransport(() => {
      controller.abort();
      return status(503, { 'retry-after': '1' });
    });
    const { engine, sleeps } = setup(transport);
    const err = await failure(engine.call(GetFolder, CALENDAR, { signal: controller.signal }));
    expect(err.code).toBe('HttpServiceUnavailable');
    expect(transport.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reports every attempt to onAttempt', async () => {
    const attempts: string[] = [];
    const transport = new ScriptedTransport(status(503, { 'retry-after': '0' }), ok(CALENDAR_OK));
    await setup(transport, { onAttempt: (a) => attempts.push(`${a.operation}:${a.outcome}`) }).engine.call(GetFolder, CALENDAR);
    expect(attempts).toEqual(['GetFolder:HttpServiceUnavailable', 'GetFolder:ok']);
  });
});

describe('EwsEngine: SOAP faults', () => {
  it('Exchange 2010 SP2 schema-validation fault -> ErrorSchemaValidation, not retried, server words kept', async () => {
    const transport = new ScriptedTransport(status(500, XML_HEADERS, SCHEMA_FAULT_2010));
    const { engine, sleeps } = setup(transport);
    const err = await failure(engine.call(CreateFolderOp, { name: 'x' }));
    expect(err.code).toBe('ErrorSchemaValidation');
    expect(err.data.responseCode).toBe('ErrorSchemaValidation');
    expect(err.data.httpStatus).toBe(500);
    expect(err.data.serverMessage).toContain('The request failed schema validation');
    // The 2010 shape puts the violation itself in MessageXml/Violation, not in e:Message.
    expect(err.data.serverMessage).toContain("The value 'invalidparentid' is invalid");
    expect(err.message).toContain('invalidparentid');
    expect(transport.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('Exchange 2007 SP1 schema-validation fault (faultcode soap11:Client, e:ResponseCode) -> ErrorSchemaValidation', async () => {
    const transport = new ScriptedTransport(status(500, XML_HEADERS, SCHEMA_FAULT_2007));
    const { engine, versions } = setup(transport);
    const err = await failure(engine.call(CreateFolderOp, { name: 'x' }));
    expect(err.code).toBe('ErrorSchemaValidation');
    expect(err.data.serverMessage).toBe(
      "The 'Id' attribute is invalid - The value 'invalidparentid' is invalid according to its datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DistinguishedFolderIdNameType' - The Enumeration constraint failed.",
    );
    // The 2007 fault still carries ServerVersionInfo in its header.
    expect(versions).toEqual([{ majorVersion: 8, minorVersion: 1, majorBuildNumber: 436, minorBuildNumber: 0, version: 'Exchange2007_SP1' }]);
    expect(transport.sent).toHaveLength(1);
  });

  it('a fault with neither detail nor an Error faultcode -> SoapFault with the faultstring', async () => {
    const fault =
      '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Something broke</faultstring></soap:Fault></soap:Body></soap:Envelope>';
    const err = await failure(setup(new ScriptedTransport(status(500, XML_HEADERS, fault))).engine.call(GetFolder, CALENDAR));
    expect(err.code).toBe('SoapFault');
    expect(err.data.serverMessage).toBe('Something broke');
  });

  it('a fault carrying a DOCTYPE ("billion laughs") is refused as XmlMalformed, never expanded nor retried', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('');
    const bomb =
      `<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ENTITY lol "lol">${entities}]>` +
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>&lol9;</faultstring></s:Fault></s:Body></s:Envelope>';
    for (const code of [500, 200]) {
      const transport = new ScriptedTransport(status(code, XML_HEADERS, bomb));
      const { engine, sleeps } = setup(transport);
      const err = await failure(engine.call(GetFolder, CALENDAR));
      expect(err.code).toBe('XmlMalformed');
      expect(err.data.serverMessage).toMatch(/DTD/);
      expect(err.message.length + err.hint.length + (err.data.serverMessage ?? '').length).toBeLessThan(1_000);
      expect(transport.sent).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('a bug in an operation parser is not disguised as a network error nor retried', async () => {
    const Broken: Operation<void, never> = {
      ...GetFolder,
      name: 'GetFolder',
      build: () => GetFolder.build(CALENDAR, 'Exchange2013_SP1'),
      parse: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    } as Operation<void, never>;
    const transport = new ScriptedTransport(ok(CALENDAR_OK));
    const err = await setup(transport).engine.call(Broken, undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(transport.sent).toHaveLength(1);
  });
});
