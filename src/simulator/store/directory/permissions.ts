import { DirectoryError } from './errors.js';
import type { Account, DirectoryState, ExtendedRight, ExtendedRightGrant, FolderPermission, FolderPermissionUser, FolderRole, MailboxRecord, PermissionFolder } from './types.js';

/**
 * Folder permissions (Add-MailboxFolderPermission) and AD extended rights (Add-ADPermission): the
 * per-mailbox grants that let a service account read and write calendars without impersonation.
 */

/** Exchange's built-in entries, present on every calendar: Default sees free/busy, Anonymous nothing. */
const BUILT_IN_DEFAULTS: Readonly<Record<'Default' | 'Anonymous', FolderRole>> = { Default: 'AvailabilityOnly', Anonymous: 'None' };

export const isBuiltInUser = (user: string): user is 'Default' | 'Anonymous' => user === 'Default' || user === 'Anonymous';

/** One row of Get-MailboxFolderPermission: built-in entries first, then explicit grants in order. */
export interface FolderPermissionEntry {
  readonly mailbox: string;
  readonly folder: PermissionFolder;
  readonly user: FolderPermissionUser;
  readonly accessRights: FolderRole;
}

export function listFolderPermissions(state: DirectoryState, mailbox: string, folder: PermissionFolder): FolderPermissionEntry[] {
  const explicit = state.folderPermissions.filter((p) => p.mailbox === mailbox && p.folder === folder);
  const builtIns = (['Default', 'Anonymous'] as const).map((user) => explicit.find((p) => p.user === user) ?? { mailbox, folder, user, accessRights: BUILT_IN_DEFAULTS[user] });
  return [...builtIns, ...explicit.filter((p) => !isBuiltInUser(p.user))];
}

/**
 * The role `account` has on a folder: Owner on its own mailbox, else its explicit entry, else the
 * Default entry (every signed-in user of the organization).
 */
export function folderRole(state: DirectoryState, account: Account, mailbox: MailboxRecord, folder: PermissionFolder): FolderRole {
  if (account.guid === mailbox.guid) return 'Owner';
  const entries = listFolderPermissions(state, mailbox.guid, folder);
  return (entries.find((p) => p.user === account.guid) ?? entries.find((p) => p.user === 'Default'))?.accessRights ?? 'None';
}

function userLabel(state: DirectoryState, user: FolderPermissionUser): string {
  return isBuiltInUser(user) ? user : (state.mailboxes.find((m) => m.guid === user)?.displayName ?? user);
}

function existing(state: DirectoryState, mailbox: string, folder: PermissionFolder, user: FolderPermissionUser): FolderPermission | undefined {
  return state.folderPermissions.find((p) => p.mailbox === mailbox && p.folder === folder && p.user === user);
}

export function addFolderPermission(state: DirectoryState, grant: FolderPermission): DirectoryState {
  if (isBuiltInUser(grant.user) || existing(state, grant.mailbox, grant.folder, grant.user)) {
    throw new DirectoryError(
      'AlreadyExists',
      `An existing permission entry was found for user: ${userLabel(state, grant.user)}.`,
      'Use Set-MailboxFolderPermission to change an existing entry.',
    );
  }
  return { ...state, folderPermissions: [...state.folderPermissions, grant] };
}

export function setFolderPermission(state: DirectoryState, grant: FolderPermission): DirectoryState {
  const found = existing(state, grant.mailbox, grant.folder, grant.user);
  if (!found && !isBuiltInUser(grant.user)) throw noEntry(state, grant.user);
  const rest = state.folderPermissions.filter((p) => p !== found);
  return { ...state, folderPermissions: [...rest, grant] };
}

export function removeFolderPermission(state: DirectoryState, mailbox: string, folder: PermissionFolder, user: FolderPermissionUser): DirectoryState {
  if (isBuiltInUser(user)) {
    throw new DirectoryError('NotSupported', `The ${user} permission entry can't be removed.`, `Use Set-MailboxFolderPermission -User ${user} -AccessRights None instead.`);
  }
  const found = existing(state, mailbox, folder, user);
  if (!found) throw noEntry(state, user);
  return { ...state, folderPermissions: state.folderPermissions.filter((p) => p !== found) };
}

function noEntry(state: DirectoryState, user: FolderPermissionUser): DirectoryError {
  return new DirectoryError('NotFound', `There is no existing permission entry found for user: ${userLabel(state, user)}.`, 'Use Add-MailboxFolderPermission to add an entry.');
}

export function addExtendedRight(state: DirectoryState, grant: ExtendedRightGrant): DirectoryState {
  // Exchange writes one more access control entry even when an equal one exists; effective rights are
  // the same, so the simulator keeps one.
  if (hasExtendedRight(state, grant.mailbox, grant.user, grant.right)) return state;
  return { ...state, extendedRights: [...state.extendedRights, grant] };
}

/** Returns the new state and whether anything was removed (Remove-ADPermission is silent otherwise). */
export function removeExtendedRight(state: DirectoryState, grant: ExtendedRightGrant): [DirectoryState, boolean] {
  const rest = state.extendedRights.filter((g) => !(g.mailbox === grant.mailbox && g.user === grant.user && g.right === grant.right));
  return [{ ...state, extendedRights: rest }, rest.length !== state.extendedRights.length];
}

export function hasExtendedRight(state: DirectoryState, mailbox: string, user: string, right: ExtendedRight): boolean {
  return state.extendedRights.some((g) => g.mailbox === mailbox && g.user === user && g.right === right);
}

/** Send As: the owner always has it; others need the Send-As extended right on the mailbox's user. */
export function hasSendAs(state: DirectoryState, account: Account, mailbox: MailboxRecord): boolean {
  return account.guid === mailbox.guid || hasExtendedRight(state, mailbox.guid, account.guid, 'Send-As');
}
