import { describe, expect, it } from 'vitest';
import {
  aliasOf,
  enableBasicAuthFix,
  folderPermissionFix,
  hostNameFix,
  impersonationAssignmentFix,
  impersonationScopeFix,
  publicCertificateFix,
  renewCertificateFix,
  sendAsFix,
} from '../../../src/connectivity/fixes.js';

describe('aliasOf', () => {
  it('is the local part of a UPN or address, as Exchange derives the alias', () => {
    expect(aliasOf('alexaforbusiness@contoso.com')).toBe('alexaforbusiness');
    expect(aliasOf(' Room.101@Contoso.com ')).toBe('Room.101');
    expect(aliasOf('CONTOSO\\svc')).toBe('svc');
    expect(aliasOf('svc')).toBe('svc');
  });
});

describe('fix commands', () => {
  it('Basic authentication: with the server when known, else how to find the identity first', () => {
    expect(enableBasicAuthFix('EXCH01').split('\n')[0]).toBe('Set-WebServicesVirtualDirectory -Identity "EXCH01\\EWS (Default Web Site)" -BasicAuthentication $true');
    expect(enableBasicAuthFix()).toBe(
      'Get-WebServicesVirtualDirectory | fl Identity,BasicAuthentication   # shows the Identity to use\nSet-WebServicesVirtualDirectory -Identity "<SERVER>\\EWS (Default Web Site)" -BasicAuthentication $true',
    );
  });

  it('impersonation, with and without a scope', () => {
    expect(impersonationAssignmentFix('svc')).toBe('New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User svc');
    const scoped = impersonationScopeFix('svc', 'room.101@contoso.com').split('\n');
    expect(scoped[0]).toMatch(/^Get-ManagementRoleAssignment -Role ApplicationImpersonation \| fl Name,RoleAssigneeName,CustomRecipientWriteScope/);
    expect(scoped[1]).toMatch(/^Get-ManagementScope \| fl Name,RecipientFilter/);
    expect(scoped[2]).toMatch(/^Get-Mailbox -Identity room\.101 \| fl RecipientTypeDetails/);
    expect(scoped.at(-1)).toBe('New-ManagementRoleAssignment -Name "ConciergeImpersonationAll" -Role ApplicationImpersonation -User svc -CustomRecipientWriteScope "ConciergeMailboxes"');
  });

  it('delegation: Editor on the calendar by alias, and Send As', () => {
    expect(folderPermissionFix('svc', 'alice@contoso.com').split('\n')[0]).toBe('Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User svc -AccessRights Editor');
    expect(sendAsFix('svc', 'alice@contoso.com')).toBe('Add-ADPermission -Identity alice -User svc -ExtendedRights "Send As"');
  });

  it('certificates: public CA request for the host, renewal by thumbprint, names for a wrong host', () => {
    expect(publicCertificateFix('mail.contoso.com')).toContain('New-ExchangeCertificate -GenerateRequest -SubjectName "CN=mail.contoso.com" -DomainName mail.contoso.com');
    expect(publicCertificateFix('mail.contoso.com')).toContain('Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS');
    expect(renewCertificateFix('ABC123')).toContain('Get-ExchangeCertificate -Thumbprint ABC123 | New-ExchangeCertificate');
    expect(renewCertificateFix(undefined)).toContain('-Thumbprint <thumbprint>');
    const host = hostNameFix('mail.contoso.com', ['owa.contoso.com', '10.0.0.5', '*.contoso.net']);
    expect(host).toContain('https://owa.contoso.com/EWS/Exchange.asmx');
    expect(host).toContain('-DomainName mail.contoso.com,owa.contoso.com');
  });
});
