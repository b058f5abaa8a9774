/**
 * The Exchange Management Shell commands the analyzer recommends, with the real names filled in.
 * Pure functions, so every command a finding quotes is tested on its own.
 */

/**
 * The alias Exchange derives for an account: the local part of the UPN or address (`svc@contoso.com` -> `svc`),
 * or the user part of a down-level logon name (`CONTOSO\svc` -> `svc`). Shell commands name mailboxes by alias.
 *
 * @example aliasOf('alice@contoso.com') // 'alice'
 */
export function aliasOf(account: string): string {
  const trimmed = account.trim();
  const user = trimmed.includes('\\') ? trimmed.slice(trimmed.lastIndexOf('\\') + 1) : trimmed;
  const at = user.lastIndexOf('@');
  return at > 0 ? user.slice(0, at) : user;
}

/** The EWS virtual directory's identity on a server; `<SERVER>` when the server's name is unknown. */
export function ewsVirtualDirectoryIdentity(server?: string): string {
  return `${server ?? '<SERVER>'}\\EWS (Default Web Site)`;
}

/** Turning Basic authentication on, and how to find the identity to use. */
export function enableBasicAuthFix(server?: string): string {
  const set = `Set-WebServicesVirtualDirectory -Identity "${ewsVirtualDirectoryIdentity(server)}" -BasicAuthentication $true`;
  const find = 'Get-WebServicesVirtualDirectory | fl Identity,BasicAuthentication';
  return server
    ? `${set}\n(${find} lists every EWS virtual directory; repeat for each server behind the URL.)`
    : `${find}   # shows the Identity to use\n${set}`;
}

/** The guide's impersonation assignment, without a scope. */
export function impersonationAssignmentFix(serviceAlias: string): string {
  return `New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User ${serviceAlias}`;
}

/** When a management scope leaves the mailbox out: how to see the scopes, and two ways to widen them. */
export function impersonationScopeFix(serviceAlias: string, mailbox: string): string {
  const alias = aliasOf(mailbox);
  return [
    'Get-ManagementRoleAssignment -Role ApplicationImpersonation | fl Name,RoleAssigneeName,CustomRecipientWriteScope   # which scope limits the assignment',
    'Get-ManagementScope | fl Name,RecipientFilter   # what that scope lets in',
    `Get-Mailbox -Identity ${alias} | fl RecipientTypeDetails   # what ${mailbox} is`,
    `Then widen the scope's filter (Set-ManagementScope -Identity <scope> -RecipientRestrictionFilter {...}), or add an assignment whose scope includes ${mailbox}:`,
    `New-ManagementScope -Name "ConciergeMailboxes" -RecipientRestrictionFilter {RecipientTypeDetails -eq "UserMailbox" -or RecipientTypeDetails -eq "RoomMailbox"}`,
    `New-ManagementRoleAssignment -Name "ConciergeImpersonationAll" -Role ApplicationImpersonation -User ${serviceAlias} -CustomRecipientWriteScope "ConciergeMailboxes"`,
  ].join('\n');
}

/** The guide's delegation grant on one calendar (Editor: read, create, change and delete events). */
export function folderPermissionFix(serviceAlias: string, mailbox: string): string {
  const alias = aliasOf(mailbox);
  return (
    `Add-MailboxFolderPermission -Identity "${alias}:\\Calendar" -User ${serviceAlias} -AccessRights Editor\n` +
    `(if ${serviceAlias} already has a lesser role there, use Set-MailboxFolderPermission with the same parameters; Get-MailboxFolderPermission -Identity "${alias}:\\Calendar" lists them)`
  );
}

/** The guide's Send As grant, which invitations sent in the mailbox's name need with delegation. */
export function sendAsFix(serviceAlias: string, mailbox: string): string {
  return `Add-ADPermission -Identity ${aliasOf(mailbox)} -User ${serviceAlias} -ExtendedRights "Send As"`;
}

/** Replacing the certificate IIS presents with one from a public CA that names the host. */
export function publicCertificateFix(host: string): string {
  return [
    'Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services,CertificateDomains   # what is installed',
    `New-ExchangeCertificate -GenerateRequest -SubjectName "CN=${host}" -DomainName ${host} -PrivateKeyExportable $true -RequestFile "C:\\certreq-${host}.req"`,
    'Have a public certificate authority sign the request, then:',
    `Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes("C:\\${host}.cer"))`,
    'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
  ].join('\n');
}

/** Renewing an expired (or soon expiring) certificate in place. */
export function renewCertificateFix(thumbprint: string | undefined): string {
  const t = thumbprint ?? '<thumbprint>';
  return [
    `Get-ExchangeCertificate -Thumbprint ${t} | fl Subject,Issuer,NotAfter,Services`,
    `Get-ExchangeCertificate -Thumbprint ${t} | New-ExchangeCertificate -GenerateRequest -RequestFile "C:\\renewal.req"   # a CA-issued certificate: have the CA sign it, then Import-ExchangeCertificate`,
    `Get-ExchangeCertificate -Thumbprint ${t} | New-ExchangeCertificate -Force   # a self-signed one (not for cloud services)`,
    'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
  ].join('\n');
}

/** A certificate that does not name the host the URL uses. */
export function hostNameFix(host: string, certNames: readonly string[]): string {
  const dnsNames = certNames.filter((n) => !/^[\d.]+$|:/.test(n) && !n.startsWith('*'));
  const lines = [];
  if (dnsNames[0]) lines.push(`Use a URL with a name the certificate carries, e.g. https://${dnsNames[0]}/EWS/Exchange.asmx, if that name reaches this server; or`);
  lines.push(
    `get a certificate that includes ${host}: New-ExchangeCertificate -GenerateRequest -SubjectName "CN=${host}" -DomainName ${host}${dnsNames.length ? `,${dnsNames.join(',')}` : ''} -RequestFile "C:\\certreq-${host}.req"`,
    'then Import-ExchangeCertificate and Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS (Get-ExchangeCertificate | fl Subject,CertificateDomains shows what each certificate names).',
  );
  return lines.join('\n');
}

/** Where the EWS URL is published, for fixes that say "use the EWS URL". */
export function ewsUrlFix(host: string): string {
  return `Use https://${host}/EWS/Exchange.asmx (Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl shows the URL Exchange publishes).`;
}
