import { randomUUID } from 'node:crypto';
import { DirectoryError, notFound } from './errors.js';
import { recipientLookup } from './identity.js';
import { compileOpath, OpathSyntaxError, parseOpath } from './opath.js';
import type { Account, DirectoryState, MailboxRecord, ManagementScope, RoleAssignment } from './types.js';

/**
 * Role-based access control, the part EWS needs: management scopes, role assignments, and whether an
 * account may impersonate a mailbox (the ApplicationImpersonation role, optionally narrowed by a
 * CustomRecipientWriteScope whose RecipientRestrictionFilter the target must match).
 * https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-configure-impersonation
 */

/** Built-in management roles an assignment may name (a subset of Exchange's list). */
export const BUILT_IN_ROLES: readonly string[] = [
  'ApplicationImpersonation',
  'Mail Recipients',
  'Mail Recipient Creation',
  'Mailbox Search',
  'Mailbox Import Export',
  'Organization Client Access',
  'Organization Configuration',
  'Exchange Virtual Directories',
  'Recipient Policies',
  'Reset Password',
  'Role Management',
  'User Options',
  'View-Only Configuration',
  'View-Only Recipients',
];

export const IMPERSONATION_ROLE = 'ApplicationImpersonation';

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function findScope(state: DirectoryState, name: string): ManagementScope | undefined {
  return state.managementScopes.find((s) => same(s.name, name.trim()));
}

export function addScope(state: DirectoryState, name: string, filter: string): [DirectoryState, ManagementScope] {
  const trimmed = name.trim();
  if (trimmed === '') throw new DirectoryError('InvalidValue', 'The Name parameter can\'t be empty.', 'Give the scope a name, e.g. -Name "UserMailboxes".');
  if (findScope(state, trimmed)) {
    throw new DirectoryError('AlreadyExists', `The management scope "${trimmed}" already exists.`, 'Choose another name, or remove the existing scope with Remove-ManagementScope.');
  }
  try {
    parseOpath(filter);
  } catch (err) {
    if (err instanceof OpathSyntaxError) throw new DirectoryError('InvalidValue', err.message, err.hint);
    throw err;
  }
  const scope: ManagementScope = { guid: randomUUID(), name: trimmed, recipientRestrictionFilter: filter.trim() };
  return [{ ...state, managementScopes: [...state.managementScopes, scope] }, scope];
}

export function removeScope(state: DirectoryState, name: string): DirectoryState {
  const scope = findScope(state, name);
  if (!scope) throw notFound(name, state.domainController, 'Get-ManagementScope lists the scopes.');
  const users = state.roleAssignments.filter((a) => a.customRecipientWriteScope !== undefined && same(a.customRecipientWriteScope, scope.name));
  if (users.length > 0) {
    throw new DirectoryError(
      'InUse',
      `Management scope "${scope.name}" can't be deleted because it's referenced by role assignments: ${users.map((a) => `"${a.name}"`).join(', ')}.`,
      'Remove those role assignments first (Remove-ManagementRoleAssignment).',
    );
  }
  return { ...state, managementScopes: state.managementScopes.filter((s) => s !== scope) };
}

export interface NewRoleAssignment {
  readonly name?: string;
  readonly role: string;
  /** GUID of the assignee's mailbox. */
  readonly user: string;
  readonly customRecipientWriteScope?: string;
}

export function findRoleAssignment(state: DirectoryState, name: string): RoleAssignment | undefined {
  return state.roleAssignments.find((a) => same(a.name, name.trim()));
}

export function addRoleAssignment(state: DirectoryState, input: NewRoleAssignment): [DirectoryState, RoleAssignment] {
  const role = BUILT_IN_ROLES.find((r) => same(r, input.role.trim()));
  if (role === undefined) throw notFound(input.role, state.domainController, `Known roles include ${IMPERSONATION_ROLE}; check the spelling of -Role.`);
  const user = state.mailboxes.find((m) => m.guid === input.user);
  if (!user) throw notFound(input.user, state.domainController, 'Get-Mailbox lists the users.');
  let scopeName: string | undefined;
  if (input.customRecipientWriteScope !== undefined) {
    const scope = findScope(state, input.customRecipientWriteScope);
    if (!scope) throw notFound(input.customRecipientWriteScope, state.domainController, 'Create the scope first with New-ManagementScope, or check its name with Get-ManagementScope.');
    scopeName = scope.name;
  }
  const name = input.name?.trim() || uniqueName(state, `${role}-${user.alias}`);
  if (findRoleAssignment(state, name)) {
    throw new DirectoryError('AlreadyExists', `The role assignment "${name}" already exists.`, 'Choose another -Name, or remove the existing assignment with Remove-ManagementRoleAssignment.');
  }
  const assignment: RoleAssignment = { guid: randomUUID(), name, role, user: user.guid, ...(scopeName !== undefined ? { customRecipientWriteScope: scopeName } : {}) };
  return [{ ...state, roleAssignments: [...state.roleAssignments, assignment] }, assignment];
}

/** Exchange names an unnamed assignment `Role-alias`, numbering it when that name is taken. */
function uniqueName(state: DirectoryState, base: string): string {
  let name = base;
  for (let n = 1; findRoleAssignment(state, name); n++) name = `${base}-${n}`;
  return name;
}

export function removeRoleAssignment(state: DirectoryState, name: string): DirectoryState {
  const found = findRoleAssignment(state, name);
  if (!found) throw notFound(name, state.domainController, 'Get-ManagementRoleAssignment lists the assignments.');
  return { ...state, roleAssignments: state.roleAssignments.filter((a) => a !== found) };
}

/** Why impersonation is allowed or not; the EWS server and the analyzer can explain a refusal. */
export interface ImpersonationDecision {
  readonly allowed: boolean;
  /**
   * `Unscoped`: an ApplicationImpersonation assignment without a scope covers every mailbox.
   * `InScope`: a scoped assignment's filter matches the target. `OutOfScope`: the account has the role
   * but no scope matches. `NoRole`: the account has no ApplicationImpersonation assignment.
   */
  readonly reason: 'Unscoped' | 'InScope' | 'OutOfScope' | 'NoRole';
  /** The assignment that allowed it. */
  readonly assignment?: string;
}

export function impersonationDecision(state: DirectoryState, account: Account, target: MailboxRecord): ImpersonationDecision {
  const assignments = state.roleAssignments.filter((a) => a.user === account.guid && same(a.role, IMPERSONATION_ROLE));
  if (assignments.length === 0) return { allowed: false, reason: 'NoRole' };
  const unscoped = assignments.find((a) => a.customRecipientWriteScope === undefined);
  if (unscoped) return { allowed: true, reason: 'Unscoped', assignment: unscoped.name };
  const lookup = recipientLookup(target);
  for (const a of assignments) {
    const scope = findScope(state, a.customRecipientWriteScope ?? '');
    if (scope && scopeMatches(scope, lookup)) return { allowed: true, reason: 'InScope', assignment: a.name };
  }
  return { allowed: false, reason: 'OutOfScope' };
}

function scopeMatches(scope: ManagementScope, lookup: ReturnType<typeof recipientLookup>): boolean {
  try {
    return compileOpath(scope.recipientRestrictionFilter)(lookup);
  } catch {
    // A filter that no longer parses (hand-edited JSON) grants nothing, as a broken scope would.
    return false;
  }
}
