import { createDirectoryState, type CreateDirectoryOptions } from './create.js';
import { findMailbox, resolveMailbox, resolveVirtualDirectory } from './identity.js';
import { addMailbox, removeMailbox, updateMailbox, type MailboxPatch, type NewMailboxInput } from './mailboxes.js';
import { verifyPassword } from './password.js';
import * as perms from './permissions.js';
import * as rbac from './rbac.js';
import { parseDirectoryState } from './serialize.js';
import type {
  Account,
  DirectoryState,
  EwsVirtualDirectory,
  ExtendedRight,
  ExtendedRightGrant,
  FolderPermissionUser,
  FolderRole,
  MailboxRecord,
  MailboxType,
  ManagementScope,
  PermissionFolder,
  RoleAssignment,
} from './types.js';

/** Settings Set-WebServicesVirtualDirectory may change. */
export type VirtualDirectoryPatch = Partial<Omit<EwsVirtualDirectory, 'guid' | 'identity'>>;

/**
 * The organization's directory: one serializable DirectoryState behind queries (for the EWS server)
 * and commands (for the Management Shell). Every command replaces the state and bumps `revision`, so
 * a host can save after changes (`JSON.stringify(directory)`).
 *
 * @example
 * const dir = Directory.create({ domain: 'contoso.com', administratorPassword: 'P@ssw0rd!' });
 * dir.addMailbox({ name: 'alice', password: 'Passw0rd!' });
 * dir.authenticate('CONTOSO\\alice', 'Passw0rd!')?.smtp; // 'alice@contoso.com'
 */
export class Directory {
  #state: DirectoryState;
  #revision = 0;

  constructor(state: DirectoryState) {
    this.#state = state;
  }

  static create(options: CreateDirectoryOptions): Directory {
    return new Directory(createDirectoryState(options));
  }

  /** Loads what toJSON() saved; throws DirectoryError when the data is not a valid directory. */
  static fromJSON(json: unknown): Directory {
    return new Directory(parseDirectoryState(json));
  }

  toJSON(): DirectoryState {
    return this.#state;
  }

  get state(): DirectoryState {
    return this.#state;
  }

  /** Counts changes since this object was made. */
  get revision(): number {
    return this.#revision;
  }

  get domain(): string {
    return this.#state.domain;
  }

  /** The `administrator@<domain>` account. */
  get administrator(): Account {
    return this.#state.mailboxes.find((m) => m.guid === this.#state.administrator)!;
  }

  private commit(next: DirectoryState): void {
    this.#state = next;
    this.#revision++;
  }

  // Queries -------------------------------------------------------------------------------------------

  /**
   * The account a Basic sign-in names, when the password is right: by UPN, SMTP address,
   * `DOMAIN\alias` or alias. Accounts without a password (rooms, equipment, shared) never sign in.
   */
  authenticate(login: string, password: string): Account | undefined {
    const account = findMailbox(this.#state, login);
    if (!account?.passwordHash) return undefined;
    return verifyPassword(password, account.passwordHash) ? account : undefined;
  }

  /** The best match for an identity (GUID, SMTP, UPN, DOMAIN\alias, alias, name), or undefined. */
  findMailbox(identity: string): MailboxRecord | undefined {
    return findMailbox(this.#state, identity);
  }

  /** The mailbox an -Identity names, or DirectoryError (NotFound, Ambiguous) worded as Exchange. */
  resolveMailbox(identity: string): MailboxRecord {
    return resolveMailbox(this.#state, identity);
  }

  mailboxByGuid(guid: string): MailboxRecord | undefined {
    return this.#state.mailboxes.find((m) => m.guid === guid);
  }

  mailboxes(type?: MailboxType): readonly MailboxRecord[] {
    return type === undefined ? this.#state.mailboxes : this.#state.mailboxes.filter((m) => m.type === type);
  }

  /** Whether `account` may impersonate `target` through ApplicationImpersonation (and its scope). */
  canImpersonate(account: Account, target: MailboxRecord): boolean {
    return rbac.impersonationDecision(this.#state, account, target).allowed;
  }

  /** canImpersonate with the reason, for error messages and the connectivity analyzer. */
  impersonation(account: Account, target: MailboxRecord): rbac.ImpersonationDecision {
    return rbac.impersonationDecision(this.#state, account, target);
  }

  /** The folder role `account` has on `mailbox`'s folder: Owner for the owner, else explicit, else Default. */
  folderRole(account: Account, mailbox: MailboxRecord, folder: PermissionFolder = 'Calendar'): FolderRole {
    return perms.folderRole(this.#state, account, mailbox, folder);
  }

  hasSendAs(account: Account, mailbox: MailboxRecord): boolean {
    return perms.hasSendAs(this.#state, account, mailbox);
  }

  /** The EWS virtual directory (the simulator has one server, hence one). */
  get ewsVirtualDirectory(): EwsVirtualDirectory {
    return this.#state.virtualDirectories[0]!;
  }

  virtualDirectories(): readonly EwsVirtualDirectory[] {
    return this.#state.virtualDirectories;
  }

  resolveVirtualDirectory(identity: string): EwsVirtualDirectory {
    return resolveVirtualDirectory(this.#state, identity);
  }

  managementScopes(): readonly ManagementScope[] {
    return this.#state.managementScopes;
  }

  roleAssignments(): readonly RoleAssignment[] {
    return this.#state.roleAssignments;
  }

  folderPermissions(mailbox: MailboxRecord, folder: PermissionFolder = 'Calendar'): perms.FolderPermissionEntry[] {
    return perms.listFolderPermissions(this.#state, mailbox.guid, folder);
  }

  /** Extended-right grants, all or those on one mailbox. */
  extendedRights(mailbox?: MailboxRecord): readonly ExtendedRightGrant[] {
    return mailbox === undefined ? this.#state.extendedRights : this.#state.extendedRights.filter((g) => g.mailbox === mailbox.guid);
  }

  // Commands ------------------------------------------------------------------------------------------

  addMailbox(input: NewMailboxInput): MailboxRecord {
    const [next, mailbox] = addMailbox(this.#state, input);
    this.commit(next);
    return mailbox;
  }

  updateMailbox(mailbox: MailboxRecord, patch: MailboxPatch): MailboxRecord {
    const [next, updated] = updateMailbox(this.#state, mailbox.guid, patch);
    this.commit(next);
    return updated;
  }

  removeMailbox(mailbox: MailboxRecord): void {
    this.commit(removeMailbox(this.#state, mailbox.guid));
  }

  /** Applies the patch; `changed` is false when every value was already so (Exchange then warns). */
  setVirtualDirectory(identity: string, patch: VirtualDirectoryPatch): { vdir: EwsVirtualDirectory; changed: boolean } {
    const current = resolveVirtualDirectory(this.#state, identity);
    const changed = (Object.keys(patch) as (keyof VirtualDirectoryPatch)[]).some((k) => patch[k] !== undefined && patch[k] !== current[k]);
    if (!changed) return { vdir: current, changed };
    const vdir: EwsVirtualDirectory = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    this.commit({ ...this.#state, virtualDirectories: this.#state.virtualDirectories.map((v) => (v === current ? vdir : v)) });
    return { vdir, changed };
  }

  addManagementScope(name: string, recipientRestrictionFilter: string): ManagementScope {
    const [next, scope] = rbac.addScope(this.#state, name, recipientRestrictionFilter);
    this.commit(next);
    return scope;
  }

  findManagementScope(name: string): ManagementScope | undefined {
    return rbac.findScope(this.#state, name);
  }

  removeManagementScope(name: string): void {
    this.commit(rbac.removeScope(this.#state, name));
  }

  addRoleAssignment(input: rbac.NewRoleAssignment): RoleAssignment {
    const [next, assignment] = rbac.addRoleAssignment(this.#state, input);
    this.commit(next);
    return assignment;
  }

  findRoleAssignment(name: string): RoleAssignment | undefined {
    return rbac.findRoleAssignment(this.#state, name);
  }

  removeRoleAssignment(name: string): void {
    this.commit(rbac.removeRoleAssignment(this.#state, name));
  }

  addFolderPermission(mailbox: MailboxRecord, user: FolderPermissionUser, accessRights: FolderRole, folder: PermissionFolder = 'Calendar'): void {
    this.commit(perms.addFolderPermission(this.#state, { mailbox: mailbox.guid, folder, user, accessRights }));
  }

  setFolderPermission(mailbox: MailboxRecord, user: FolderPermissionUser, accessRights: FolderRole, folder: PermissionFolder = 'Calendar'): void {
    this.commit(perms.setFolderPermission(this.#state, { mailbox: mailbox.guid, folder, user, accessRights }));
  }

  removeFolderPermission(mailbox: MailboxRecord, user: FolderPermissionUser, folder: PermissionFolder = 'Calendar'): void {
    this.commit(perms.removeFolderPermission(this.#state, mailbox.guid, folder, user));
  }

  addExtendedRight(mailbox: MailboxRecord, user: MailboxRecord, right: ExtendedRight): void {
    const next = perms.addExtendedRight(this.#state, { mailbox: mailbox.guid, user: user.guid, right });
    if (next !== this.#state) this.commit(next);
  }

  /** Returns whether a grant was there to remove. */
  removeExtendedRight(mailbox: MailboxRecord, user: MailboxRecord, right: ExtendedRight): boolean {
    const [next, removed] = perms.removeExtendedRight(this.#state, { mailbox: mailbox.guid, user: user.guid, right });
    if (removed) this.commit(next);
    return removed;
  }
}
