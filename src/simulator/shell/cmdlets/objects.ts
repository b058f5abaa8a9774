import { canonicalName, type Directory, type EwsVirtualDirectory, type FolderPermissionEntry, type MailboxRecord, type ManagementScope, type RoleAssignment } from '../../store/directory/index.js';
import { PsObject, type Value } from '../values.js';

/**
 * The objects Exchange cmdlets return, built from directory records: the properties Format-List
 * shows (a faithful subset, in Exchange's order) and the columns of Exchange's default table views.
 */

const dnOf = (domain: string): string => domain.split('.').map((p) => `DC=${p}`).join(',');
const configDn = (dir: Directory): string => `CN=${dir.state.netbiosName},CN=Microsoft Exchange,CN=Services,CN=Configuration,${dnOf(dir.domain)}`;

/** The canonical identity Exchange 2013 and later show for a mailbox: `contoso.com/Users/alice`. */
export const mailboxIdentity = (dir: Directory, m: MailboxRecord): string => canonicalName(dir.state, m);

const RESOURCE_TYPES: Partial<Record<MailboxRecord['type'], string>> = { RoomMailbox: 'Room', EquipmentMailbox: 'Equipment' };

export function mailboxObject(dir: Directory, m: MailboxRecord): PsObject {
  const identity = mailboxIdentity(dir, m);
  const props: [string, Value][] = [
    ['Database', 'Mailbox Database 01'],
    ['ProhibitSendQuota', 'Unlimited'],
    ['ResourceCapacity', m.capacity ?? null],
    ['ResourceType', RESOURCE_TYPES[m.type] ?? null],
    ['IsResource', m.type === 'RoomMailbox' || m.type === 'EquipmentMailbox'],
    ['IsShared', m.type === 'SharedMailbox'],
    ['ServerName', dir.state.serverName.toLowerCase()],
    ['Alias', m.alias],
    ['OrganizationalUnit', `${dir.domain}/${m.organizationalUnit ?? 'Users'}`],
    ['CustomAttribute1', m.customAttributes?.CustomAttribute1 ?? null],
    ['CustomAttribute2', m.customAttributes?.CustomAttribute2 ?? null],
    ['CustomAttribute3', m.customAttributes?.CustomAttribute3 ?? null],
    ['CustomAttribute4', m.customAttributes?.CustomAttribute4 ?? null],
    ['CustomAttribute5', m.customAttributes?.CustomAttribute5 ?? null],
    ['DisplayName', m.displayName],
    ['EmailAddresses', [`SMTP:${m.smtp}`]],
    ['PrimarySmtpAddress', m.smtp],
    ['RecipientType', 'UserMailbox'],
    ['RecipientTypeDetails', m.type],
    ['SamAccountName', m.alias.slice(0, 20)],
    ['UserPrincipalName', m.upn],
    ['WindowsEmailAddress', m.smtp],
    ['Identity', identity],
    ['Name', m.name],
    ['DistinguishedName', `CN=${m.name},CN=${m.organizationalUnit ?? 'Users'},${dnOf(dir.domain)}`],
    ['Guid', m.guid],
    ['ExchangeVersion', '0.20 (15.0.0.0)'],
  ];
  return new PsObject('Microsoft.Exchange.Data.Directory.Management.Mailbox', props, ['Name', 'Alias', 'ServerName', 'ProhibitSendQuota'], identity);
}

function authMethods(v: EwsVirtualDirectory): string[] {
  return [...(v.windowsAuthentication ? ['Ntlm', 'WindowsIntegrated'] : []), ...(v.basicAuthentication ? ['Basic'] : []), ...(v.digestAuthentication ? ['Digest'] : []), ...(v.wsSecurityAuthentication ? ['WSSecurity'] : []), ...(v.oAuthAuthentication ? ['OAuth'] : [])];
}

export function virtualDirectoryObject(dir: Directory, v: EwsVirtualDirectory): PsObject {
  const [server, name] = v.identity.split('\\') as [string, string];
  const props: [string, Value][] = [
    ['CertificateAuthentication', null],
    ['InternalNLBBypassUrl', `https://${server.toLowerCase()}.${dir.domain}/ews/exchange.asmx`],
    ['GzipLevel', 'Low'],
    ['MRSProxyEnabled', false],
    ['MRSProxyMaxConnections', 100],
    ['Server', server],
    ['InternalUrl', v.internalUrl],
    ['InternalAuthenticationMethods', authMethods(v)],
    ['ExternalUrl', v.externalUrl ?? null],
    ['ExternalAuthenticationMethods', authMethods(v)],
    ['BasicAuthentication', v.basicAuthentication],
    ['WindowsAuthentication', v.windowsAuthentication],
    ['DigestAuthentication', v.digestAuthentication],
    ['WSSecurityAuthentication', v.wsSecurityAuthentication],
    ['OAuthAuthentication', v.oAuthAuthentication],
    ['AdminDisplayName', null],
    ['ExchangeVersion', '0.10 (14.0.100.0)'],
    ['Name', name],
    ['DistinguishedName', `CN=${name},CN=HTTP,CN=Protocols,CN=${server},CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,${configDn(dir)}`],
    ['Identity', v.identity],
    ['Guid', v.guid],
    ['ObjectCategory', `${dir.domain}/Configuration/Schema/ms-Exch-Web-Services-Virtual-Directory`],
    ['ObjectClass', ['top', 'msExchVirtualDirectory', 'msExchWebServicesVirtualDirectory']],
    ['OriginatingServer', dir.state.domainController],
    ['IsValid', true],
    ['ObjectState', 'Unchanged'],
  ];
  return new PsObject('Microsoft.Exchange.Data.Directory.SystemConfiguration.ADWebServicesVirtualDirectory', props, ['Name', 'Server', 'InternalUrl', 'ExternalUrl'], v.identity);
}

export function scopeObject(dir: Directory, s: ManagementScope): PsObject {
  const props: [string, Value][] = [
    ['Name', s.name],
    ['ScopeRestrictionType', 'RecipientScope'],
    ['Exclusive', false],
    ['RecipientRoot', null],
    ['RecipientFilter', s.recipientRestrictionFilter],
    ['ServerFilter', null],
    ['DatabaseFilter', null],
    ['IsValid', true],
    ['Identity', s.name],
    ['DistinguishedName', `CN=${s.name},CN=Scopes,CN=RBAC,${configDn(dir)}`],
    ['Guid', s.guid],
  ];
  return new PsObject('Microsoft.Exchange.Data.Directory.SystemConfiguration.ManagementScope', props, ['Name', 'ScopeRestrictionType', 'Exclusive', 'RecipientRoot', 'RecipientFilter', 'ServerFilter'], s.name);
}

export function roleAssignmentObject(dir: Directory, a: RoleAssignment): PsObject {
  const user = dir.mailboxByGuid(a.user);
  const props: [string, Value][] = [
    ['Name', a.name],
    ['Role', a.role],
    ['RoleAssigneeName', user?.name ?? a.user],
    ['RoleAssigneeType', 'User'],
    ['AssignmentMethod', 'Direct'],
    ['EffectiveUserName', null],
    ['CustomRecipientWriteScope', a.customRecipientWriteScope ?? null],
    ['CustomConfigWriteScope', null],
    ['RecipientReadScope', 'Organization'],
    ['ConfigReadScope', 'OrganizationConfig'],
    ['RecipientWriteScope', a.customRecipientWriteScope ? 'CustomRecipientScope' : 'Organization'],
    ['ConfigWriteScope', 'None'],
    ['Enabled', true],
    ['RoleAssignmentDelegationType', 'Regular'],
    ['Identity', a.name],
    ['Guid', a.guid],
  ];
  return new PsObject('Microsoft.Exchange.Data.Directory.SystemConfiguration.ExchangeRoleAssignmentPresentation', props, ['Name', 'Role', 'RoleAssigneeName', 'RoleAssigneeType', 'AssignmentMethod', 'EffectiveUserName'], a.name);
}

export function folderPermissionObject(dir: Directory, mailbox: MailboxRecord, entry: FolderPermissionEntry): PsObject {
  const user = entry.user === 'Default' || entry.user === 'Anonymous' ? entry.user : (dir.mailboxByGuid(entry.user)?.displayName ?? entry.user);
  const props: [string, Value][] = [
    ['FolderName', entry.folder],
    ['User', user],
    ['AccessRights', [entry.accessRights]],
    ['SharingPermissionFlags', null],
    ['Identity', `${mailbox.alias}:\\${entry.folder}`],
    ['IsValid', true],
  ];
  return new PsObject('Microsoft.Exchange.Management.StoreTasks.MailboxFolderPermission', props, ['FolderName', 'User', 'AccessRights', 'SharingPermissionFlags'], `${mailbox.alias}:\\${entry.folder}`);
}

export function adPermissionObject(dir: Directory, mailbox: MailboxRecord, user: MailboxRecord, right: string): PsObject {
  const props: [string, Value][] = [
    ['AccessRights', ['ExtendedRight']],
    ['ExtendedRights', [right]],
    ['ChildObjectTypes', null],
    ['InheritedObjectType', null],
    ['Properties', null],
    ['Deny', false],
    ['InheritanceType', 'All'],
    ['User', `${dir.state.netbiosName}\\${user.alias}`],
    ['Identity', mailbox.name],
    ['IsInherited', false],
    ['Inherited', false],
    ['IsValid', true],
  ];
  return new PsObject('Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject', props, ['Identity', 'User', 'Deny', 'Inherited'], mailbox.name);
}
