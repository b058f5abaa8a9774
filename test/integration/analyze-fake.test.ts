import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeResult, type Step } from '../../src/connectivity/index.js';
import type { HttpResponse } from '../../src/ews/transport/types.js';
import { soap } from '../support/fake-ews.js';
import { startLoopbackEws, type LoopbackEws } from '../support/loopback-ews.js';
import { statuses } from '../support/analyze-env.js';

/**
 * Answers the simulator does not give, from a scripted loopback server: what real IIS and Exchange
 * send (X-FEServer, Bearer-only Exchange Online, 404, a web page), ResolveNames finding a proxy
 * address, and a server that refuses ResolveNames.
 */

let server: LoopbackEws | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const M = 'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"';
const CHALLENGE = { 'www-authenticate': ['Negotiate', 'NTLM', 'Basic realm="mail.contoso.com"'], server: 'Microsoft-IIS/10.0', 'x-feserver': 'EXCH07' };

const calendarFolder = `<m:GetFolderResponse ${M}><m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:CalendarFolder><t:FolderId Id="F1" ChangeKey="C"/><t:DisplayName>Calendar</t:DisplayName><t:TotalCount>3</t:TotalCount><t:EffectiveRights><t:CreateAssociated>true</t:CreateAssociated><t:CreateContents>true</t:CreateContents><t:CreateHierarchy>true</t:CreateHierarchy><t:Delete>true</t:Delete><t:Modify>true</t:Modify><t:Read>true</t:Read></t:EffectiveRights></t:CalendarFolder></m:Folders></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse>`;
const emptyView = `<m:FindItemResponse ${M}><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="0" IncludesLastItemInRange="true"><t:Items/></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse>`;
const resolvedProxy = `<m:ResolveNamesResponse ${M}><m:ResponseMessages><m:ResolveNamesResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:ResolutionSet TotalItemsInView="1" IncludesLastItemInRange="true"><t:Resolution><t:Mailbox><t:Name>Alice Wong</t:Name><t:EmailAddress>alice@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox><t:Contact><t:DisplayName>Alice Wong</t:DisplayName><t:EmailAddresses><t:Entry Key="EmailAddress1">SMTP:alice@contoso.com</t:Entry><t:Entry Key="EmailAddress2">smtp:alice.wong@contoso.com</t:Entry></t:EmailAddresses><t:ContactSource>ActiveDirectory</t:ContactSource></t:Contact></t:Resolution></m:ResolutionSet></m:ResolveNamesResponseMessage></m:ResponseMessages></m:ResolveNamesResponse>`;
const invalidRequestFault: HttpResponse = {
  status: 500,
  headers: { 'content-type': 'text/xml; charset=utf-8' },
  body: '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorInvalidRequest</faultcode><faultstring xml:lang="en-US">The request is invalid.</faultstring><detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorInvalidRequest</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The request is invalid.</e:Message></detail></s:Fault></s:Body></s:Envelope>',
};

/** An EWS that demands Basic, then answers each operation with `ops[name]`. */
function ews(ops: Record<string, HttpResponse>, unauthenticated: HttpResponse = { status: 401, headers: CHALLENGE, body: '' }) {
  return (body: string, headers: IncomingHttpHeaders): HttpResponse => {
    if (!headers.authorization) return unauthenticated;
    const op = /<soap:Body><m:(\w+)/.exec(body)?.[1] ?? '?';
    return ops[op] ?? invalidRequestFault;
  };
}

const input = (url: string, mailbox = 'alice@contoso.com') => ({ url, upn: 'concierge@contoso.com', password: 'pw', access: 'delegation' as const, mailbox });
const step = (r: AnalyzeResult, id: Step['id']): Step => r.steps.find((s) => s.id === id)!;

describe('analyze against scripted answers', () => {
  it('fills the server name from X-FEServer into the Basic fix', async () => {
    server = await startLoopbackEws(ews({}, { status: 401, headers: { 'www-authenticate': ['Negotiate', 'NTLM'], 'x-feserver': 'EXCH07', server: 'Microsoft-IIS/10.0' }, body: '' }));
    const r = await analyze(input(server.url));
    expect(step(r, 'endpoint').detail).toContain('(Server: Microsoft-IIS/10.0, X-FEServer: EXCH07)');
    const auth = step(r, 'auth-methods');
    expect(auth.status).toBe('fail');
    expect(auth.detail).toContain('(server EXCH07)');
    expect(auth.fix).toMatch(/^Set-WebServicesVirtualDirectory -Identity "EXCH07\\EWS \(Default Web Site\)" -BasicAuthentication \$true/);
  });

  it('Bearer only (Exchange Online) fails auth-methods', async () => {
    server = await startLoopbackEws(ews({}, { status: 401, headers: { 'www-authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"' }, body: '' }));
    const auth = step(await analyze(input(server.url)), 'auth-methods');
    expect(auth.status).toBe('fail');
    expect(auth.detail).toContain('only OAuth (Bearer)');
  });

  it('404 and a web page fail the endpoint step', async () => {
    server = await startLoopbackEws(() => ({ status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body>Not found</body></html>' }));
    expect(step(await analyze(input(server.url)), 'endpoint')).toMatchObject({ status: 'fail', detail: expect.stringContaining('HTTP 404 (not found)') });
    await server.close();
    server = await startLoopbackEws(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><form><input type="password"></form></html>' }));
    expect(step(await analyze(input(server.url)), 'endpoint')).toMatchObject({ status: 'fail', detail: expect.stringContaining('with a sign-in page, not EWS') });
  });

  it('a redirect from http to https says to use the https URL', async () => {
    server = await startLoopbackEws(() => ({ status: 301, headers: { location: 'https://127.0.0.1/EWS/Exchange.asmx' }, body: '' }));
    const e = step(await analyze(input(server.url)), 'endpoint');
    expect(e.status).toBe('fail');
    expect(e.detail).toContain('redirecting to another address at https://127.0.0.1/EWS/Exchange.asmx');
  });

  it('a secondary (proxy) address fails the mailbox step naming the primary one', async () => {
    server = await startLoopbackEws(ews({ GetFolder: soap(calendarFolder), ResolveNames: soap(resolvedProxy) }));
    const r = await analyze(input(server.url, 'alice.wong@contoso.com'));
    expect(statuses(r)).toMatchObject({ 'auth-methods': 'pass', credentials: 'pass', version: 'pass', mailbox: 'fail', 'calendar-read': 'skip' });
    const m = step(r, 'mailbox');
    expect(m.detail).toContain('alice.wong@contoso.com is a secondary (proxy) address of Alice Wong, whose primary SMTP address is alice@contoso.com');
    expect(m.fix).toContain('Use alice@contoso.com');
    expect(m.fix).toContain('Get-Mailbox -Identity alice | fl PrimarySmtpAddress,EmailAddresses');
  });

  it('a server that refuses ResolveNames: the mailbox is found through GetFolder, and the step warns what was not checked', async () => {
    server = await startLoopbackEws(ews({ GetFolder: soap(calendarFolder), FindItem: soap(emptyView) }));
    const r = await analyze(input(server.url));
    expect(statuses(r)).toMatchObject({ credentials: 'pass', version: 'pass', mailbox: 'warn', 'calendar-read': 'pass', 'calendar-write': 'warn' });
    expect(step(r, 'mailbox').detail).toContain('did not answer ResolveNames (ErrorInvalidRequest)');
    expect(r.ok).toBe(true);
  });

  it('an account with EWS blocked (403) fails credentials with Set-CASMailbox', async () => {
    server = await startLoopbackEws(ews({ GetFolder: { status: 403, headers: {}, body: '' } }));
    const c = step(await analyze(input(server.url)), 'credentials');
    expect(c.status).toBe('fail');
    expect(c.fix).toContain('Set-CASMailbox -Identity concierge -EwsEnabled $true');
  });
});
