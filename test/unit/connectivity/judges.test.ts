import { describe, expect, it } from 'vitest';
import { judgeResolution, judgeSignInError, judgeVersion } from '../../../src/connectivity/account-checks.js';
import { judgeReadError, judgeWriteRights, utcDay } from '../../../src/connectivity/calendar-checks.js';
import { judgeAuthMethods, judgeEndpoint, pathKind, probeBody } from '../../../src/connectivity/endpoint.js';
import { parseTarget, type Target } from '../../../src/connectivity/network.js';
import { ewsError } from '../../../src/ews/error-catalog.js';
import type { HttpResponse } from '../../../src/ews/transport/types.js';

const target = (url: string) => parseTarget(url) as Target;
const res = (status: number, headers: HttpResponse['headers'] = {}, body = ''): HttpResponse => ({ status, headers, body });
const RIGHTS = { createAssociated: false, createContents: true, createHierarchy: false, delete: true, modify: true, read: true };

describe('endpoint', () => {
  it('classifies the path', () => {
    expect(['https://m/EWS/Exchange.asmx', 'https://m/ews/exchange.asmx/', 'https://m/owa', 'https://m/OWA/auth/logon.aspx', 'https://m/Autodiscover/Autodiscover.xml', 'https://m', 'https://m/EWS/Services.wsdl', 'https://m/mail/ews/Exchange.asmx'].map((u) => pathKind(new URL(u)))).toEqual([
      'ews', 'ews', 'owa', 'owa', 'autodiscover', 'root', 'ews-other', 'other',
    ]);
  });

  it('the probe is a harmless GetFolder of the mailbox root', () => {
    expect(probeBody()).toContain('<m:GetFolder>');
    expect(probeBody()).toContain('Id="msgfolderroot"');
    expect(probeBody()).toContain('Version="Exchange2007_SP1"');
  });

  it('401 with WWW-Authenticate passes; a custom path is noted', () => {
    expect(judgeEndpoint(target('https://m/EWS/Exchange.asmx'), res(401, { 'www-authenticate': ['Negotiate', 'NTLM'] }))).toEqual({
      status: 'pass',
      detail: 'POST /EWS/Exchange.asmx without credentials answered HTTP 401 with WWW-Authenticate: Negotiate, NTLM, as EWS does before sign-in.',
    });
    expect(judgeEndpoint(target('https://m/proxy/ews'), res(401, { 'www-authenticate': 'Basic' })).detail).toContain('not the usual /EWS/Exchange.asmx');
  });

  it('/owa fails even when it answers 401, and the fix names the EWS URL on the same host and port', () => {
    const f = judgeEndpoint(target('https://mail.contoso.com:8443/owa/'), res(401, { 'www-authenticate': 'Basic' }));
    expect(f.status).toBe('fail');
    expect(f.fix).toBe('Use https://mail.contoso.com:8443/EWS/Exchange.asmx (Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl shows the URL Exchange publishes).');
  });

  it('redirects fail naming where they point', () => {
    const adfs = judgeEndpoint(target('https://m/EWS/Exchange.asmx'), res(302, { location: 'https://adfs.contoso.com/adfs/ls/?wa=wsignin1.0' }));
    expect(adfs.detail).toContain('redirecting to a sign-in page at https://adfs.contoso.com/adfs/ls/?wa=wsignin1.0');
    expect(judgeEndpoint(target('http://m/EWS/Exchange.asmx'), res(301, { location: 'https://m/EWS/Exchange.asmx' })).fix).toMatch(/^Use the https URL\./);
  });

  it('other answers fail with what was seen', () => {
    expect(judgeEndpoint(target('https://m/EWS/Exchange.asmx'), res(401)).detail).toContain('no WWW-Authenticate');
    expect(judgeEndpoint(target('https://m/EWS/Exchange.asmx'), res(403, { server: 'Microsoft-IIS/10.0' })).detail).toContain('HTTP 403 (forbidden)');
    expect(judgeEndpoint(target('https://m/EWS/Exchange.asmx'), res(503)).fix).toContain('MSExchangeServicesAppPool');
    expect(judgeEndpoint(target('https://m/EWS/Exchange.asmx'), res(200, {}, '<?xml version="1.0"?><s:Envelope/>')).status).toBe('warn');
    expect(judgeEndpoint(target('https://m/EWS/Exchange.asmx'), ewsError('ConnectionReset', {}, {})).status).toBe('fail');
  });

  it('auth methods: Basic passes; Windows-only and Bearer-only fail with the Basic fix', () => {
    expect(judgeAuthMethods(res(401, { 'www-authenticate': ['Basic realm="m"', 'Negotiate'] })).status).toBe('pass');
    const windows = judgeAuthMethods(res(401, { 'www-authenticate': ['Negotiate', 'NTLM'] }));
    expect(windows.detail).toBe('Basic authentication is off on the EWS virtual directory: it offers only Negotiate, NTLM. Concierge signs in with Basic, as the guide requires.');
    expect(windows.fix).toContain('Set-WebServicesVirtualDirectory -Identity "<SERVER>\\EWS (Default Web Site)" -BasicAuthentication $true');
    expect(judgeAuthMethods(res(401, { 'www-authenticate': 'Bearer' })).detail).toContain('only OAuth (Bearer)');
    expect(judgeAuthMethods(res(200)).status).toBe('warn');
  });
});

describe('sign-in and version', () => {
  it('401 fails with the account words; an EWS error still proves the sign-in', () => {
    const denied = judgeSignInError(ewsError('HttpUnauthorized', { httpStatus: 401 }, {}), 'svc@contoso.com', 'svc');
    expect(denied.status).toBe('fail');
    expect(denied.detail).toContain('wrong UPN or password, or the password expired, or the account is locked');
    expect(denied.fix).toContain('Get-ADUser svc -Properties Enabled,LockedOut,PasswordExpired,PasswordLastSet');
    expect(judgeSignInError(ewsError('ErrorNonExistentMailbox', { httpStatus: 200, serverMessage: 'No mailbox' }, {}), 'svc@contoso.com', 'svc').status).toBe('pass');
    expect(judgeSignInError(ewsError('ConnectionReset', {}, {}), 'svc@contoso.com', 'svc').status).toBe('fail');
  });

  it('2013 and later pass; 2010 and 2007 fail with product and build; none warns', () => {
    expect(judgeVersion({ majorVersion: 15, minorVersion: 0, majorBuildNumber: 516, minorBuildNumber: 32, version: 'Exchange2013' })).toEqual({ status: 'pass', detail: 'Exchange 2013 (15.0.516.32, Exchange2013): Exchange 2013 or later, as Concierge needs.' });
    expect(judgeVersion({ majorVersion: 15, minorVersion: 2, majorBuildNumber: 2562, minorBuildNumber: 17, version: 'V2017_07_11' }).detail).toContain('Exchange Server SE');
    expect(judgeVersion({ majorVersion: 8, minorVersion: 1, majorBuildNumber: 436, minorBuildNumber: 0, version: 'Exchange2007_SP1' }).detail).toMatch(/^Exchange 2007, build 8\.1\.436\.0 \(schema Exchange2007_SP1\): Concierge needs Exchange 2013 or later/);
    expect(judgeVersion(undefined).status).toBe('warn');
  });
});

describe('mailbox resolution', () => {
  const alice = { mailbox: { name: 'Alice Wong', email: 'alice@contoso.com', mailboxType: 'Mailbox' } };
  it('passes for the primary address, case-insensitively', () => {
    expect(judgeResolution('Alice@Contoso.com', { entries: [alice], ambiguous: false, noResults: false })).toEqual({ status: 'pass', detail: 'Alice@Contoso.com is the primary SMTP address of Alice Wong (Mailbox).' });
  });
  it('fails for nobody, for a distribution list, and for several near matches', () => {
    expect(judgeResolution('x@contoso.com', { entries: [], ambiguous: false, noResults: true }).status).toBe('fail');
    expect(judgeResolution('team@contoso.com', { entries: [{ mailbox: { name: 'Team', email: 'team@contoso.com', mailboxType: 'PublicDL' } }], ambiguous: false, noResults: false }).detail).toContain('which is a PublicDL, not a mailbox');
    const many = judgeResolution('al@contoso.com', { entries: [alice, { mailbox: { name: 'Alan', email: 'alan@contoso.com' } }], ambiguous: true, noResults: false });
    expect(many.detail).toContain('matches 2 recipients: Alice Wong <alice@contoso.com>, Alan <alan@contoso.com>');
  });
});

describe('calendar', () => {
  const input = (access: string) => ({ upn: 'svc@contoso.com', mailbox: 'room.101@contoso.com', access });
  it('impersonation denied: scope words when self-impersonation works, the assignment first otherwise', () => {
    const err = ewsError('ErrorImpersonateUserDenied', { httpStatus: 500 }, {});
    const scoped = judgeReadError(err, input('impersonation'), 'svc', 'allowed');
    expect(scoped.detail).toContain('through a management scope that leaves room.101@contoso.com out');
    expect(scoped.fix?.split('\n')[0]).toMatch(/^Get-ManagementRoleAssignment -Role ApplicationImpersonation/);
    const none = judgeReadError(err, input('impersonation'), 'svc', 'denied');
    expect(none.fix?.split('\n')[0]).toBe('New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User svc');
    expect(none.fix).toContain('Get-ManagementScope | fl Name,RecipientFilter');
  });

  it('access denied with delegation names the folder permission with the real aliases', () => {
    const f = judgeReadError(ewsError('ErrorAccessDenied', { httpStatus: 200 }, {}), input('delegation'), 'svc', 'unknown');
    expect(f.fix).toContain('Add-MailboxFolderPermission -Identity "room.101:\\Calendar" -User svc -AccessRights Editor');
  });

  it('write rights: owner passes, delegate Editor warns about Send As, a lesser role fails', () => {
    expect(judgeWriteRights(RIGHTS, input('impersonation'), 'svc').status).toBe('pass');
    const editor = judgeWriteRights(RIGHTS, input('delegation'), 'svc');
    expect(editor.status).toBe('warn');
    expect(editor.fix).toBe('If it is not granted yet: Add-ADPermission -Identity room.101 -User svc -ExtendedRights "Send As"');
    const author = judgeWriteRights({ ...RIGHTS, modify: false, delete: false }, input('delegation'), 'svc');
    expect(author).toMatchObject({ status: 'fail', detail: expect.stringContaining('may not change or delete events') });
    expect(judgeWriteRights(undefined, input('delegation'), 'svc').status).toBe('warn');
  });

  it("today's window is the UTC day", () => {
    expect(utcDay(new Date('2026-12-07T23:30:00-08:00'))).toEqual({ start: '2026-12-08T00:00:00.000Z', end: '2026-12-09T00:00:00.000Z' });
  });
});
