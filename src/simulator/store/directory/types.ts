/**
 * The organization's directory as plain, JSON-safe state: what Active Directory and the Exchange
 * configuration hold for the simulator. Records reference each other by mailbox GUID, so renaming an
 * alias or address never orphans a permission. Every record is read-only; the Directory replaces
 * records instead of editing them, which keeps saved snapshots and handed-out objects stable.
 */

/** RecipientTypeDetails of the mailboxes the simulator can hold. */
export const MAILBOX_TYPES = ['UserMailbox', 'RoomMailbox', 'EquipmentMailbox', 'SharedMailbox'] as const;
export type MailboxType = (typeof MAILBOX_TYPES)[number];

/** The per-mailbox custom attributes an OPATH filter may name (CustomAttribute1..5 of the brief). */
export const CUSTOM_ATTRIBUTES = ['CustomAttribute1', 'CustomAttribute2', 'CustomAttribute3', 'CustomAttribute4', 'CustomAttribute5'] as const;
export type CustomAttributeName = (typeof CUSTOM_ATTRIBUTES)[number];

export interface MailboxRecord {
  readonly guid: string;
  /** Primary SMTP address as created (case kept); compared lower-case. */
  readonly smtp: string;
  /** Exchange alias (mailNickname); also the sAMAccountName shown as `CONTOSO\alias`. */
  readonly alias: string;
  /** The AD object name (CN), unique in the organization. */
  readonly name: string;
  readonly displayName: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly upn: string;
  /** `scrypt$…` (see password.ts); absent when the account cannot sign in (rooms, equipment, shared). */
  readonly passwordHash?: string;
  readonly type: MailboxType;
  /** ResourceCapacity of a room or equipment mailbox. */
  readonly capacity?: number;
  /** Windows time zone id, e.g. `Pacific Standard Time`. */
  readonly timeZone: string;
  readonly organizationalUnit?: string;
  readonly department?: string;
  readonly customAttributes?: Readonly<Partial<Record<CustomAttributeName, string>>>;
}

/** Settings of an EWS virtual directory, as Get-WebServicesVirtualDirectory shows them. */
export interface EwsVirtualDirectory {
  readonly guid: string;
  /** `SERVER\EWS (Default Web Site)`. */
  readonly identity: string;
  readonly basicAuthentication: boolean;
  readonly windowsAuthentication: boolean;
  readonly oAuthAuthentication: boolean;
  readonly digestAuthentication: boolean;
  readonly wsSecurityAuthentication: boolean;
  readonly internalUrl: string;
  readonly externalUrl?: string;
}

export interface ManagementScope {
  readonly guid: string;
  readonly name: string;
  /** The OPATH filter text exactly as the administrator gave it. */
  readonly recipientRestrictionFilter: string;
}

export interface RoleAssignment {
  readonly guid: string;
  readonly name: string;
  /** Management role name, e.g. `ApplicationImpersonation`. */
  readonly role: string;
  /** GUID of the assignee's mailbox. */
  readonly user: string;
  /** Name of a ManagementScope that narrows where the role applies. */
  readonly customRecipientWriteScope?: string;
}

/** Folder permission roles of Add-MailboxFolderPermission -AccessRights. */
export const FOLDER_ROLES = [
  'None',
  'Owner',
  'PublishingEditor',
  'Editor',
  'PublishingAuthor',
  'Author',
  'NonEditingAuthor',
  'Reviewer',
  'Contributor',
  'AvailabilityOnly',
  'LimitedDetails',
] as const;
export type FolderRole = (typeof FOLDER_ROLES)[number];

/** Folders whose permissions the simulator keeps. */
export type PermissionFolder = 'Calendar';

/** `Default` (every authenticated user) and `Anonymous` are the two built-in folder permission users. */
export type FolderPermissionUser = string | 'Default' | 'Anonymous';

export interface FolderPermission {
  /** GUID of the mailbox that owns the folder. */
  readonly mailbox: string;
  readonly folder: PermissionFolder;
  /** GUID of the grantee's mailbox, or `Default` / `Anonymous`. */
  readonly user: FolderPermissionUser;
  readonly accessRights: FolderRole;
}

/** Extended rights Add-ADPermission grants on a mailbox's user object. */
export const EXTENDED_RIGHTS = ['Send-As', 'Receive-As'] as const;
export type ExtendedRight = (typeof EXTENDED_RIGHTS)[number];

export interface ExtendedRightGrant {
  /** GUID of the mailbox whose AD object carries the access control entry. */
  readonly mailbox: string;
  /** GUID of the grantee's mailbox. */
  readonly user: string;
  readonly right: ExtendedRight;
}

export interface DirectoryState {
  readonly schemaVersion: 1;
  /** The accepted (and UPN) domain, e.g. `contoso.com`. */
  readonly domain: string;
  /** NetBIOS name of the AD domain, e.g. `CONTOSO` (for `CONTOSO\alice` sign-ins). */
  readonly netbiosName: string;
  /** The Exchange server's name, e.g. `EXCH01`. */
  readonly serverName: string;
  /** The domain controller Exchange names in its errors, e.g. `DC01.contoso.com`. */
  readonly domainController: string;
  /** Time zone new mailboxes get (Windows id). */
  readonly defaultTimeZone: string;
  /** GUID of the administrator's mailbox (`administrator@<domain>`). */
  readonly administrator: string;
  readonly mailboxes: readonly MailboxRecord[];
  readonly virtualDirectories: readonly EwsVirtualDirectory[];
  readonly managementScopes: readonly ManagementScope[];
  readonly roleAssignments: readonly RoleAssignment[];
  readonly folderPermissions: readonly FolderPermission[];
  readonly extendedRights: readonly ExtendedRightGrant[];
}

/** Who signed in or acts: an account is the user object behind a mailbox. */
export type Account = MailboxRecord;
