import { randomUUID } from 'node:crypto';
import { DirectoryError } from './errors.js';
import { assertUnique, deriveAlias, invalidAliasMessage, isValidAlias, suggestAlias } from './identity.js';
import { hashPassword } from './password.js';
import type { CustomAttributeName, DirectoryState, MailboxRecord, MailboxType } from './types.js';

/** Creating, changing and removing mailboxes, with the checks Exchange and AD make. */

export interface NewMailboxInput {
  readonly name: string;
  /** Defaults as Exchange derives it (see deriveAlias). */
  readonly alias?: string;
  /** Defaults to the name. */
  readonly displayName?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** Defaults to `alias@domain`. */
  readonly upn?: string;
  /** Defaults to `alias@domain`, as the default email address policy makes it. */
  readonly smtp?: string;
  /** Plain text, hashed here; absent means the account cannot sign in. */
  readonly password?: string;
  readonly type?: MailboxType;
  readonly capacity?: number;
  readonly timeZone?: string;
  readonly organizationalUnit?: string;
  readonly department?: string;
  readonly customAttributes?: Readonly<Partial<Record<CustomAttributeName, string>>>;
}

export interface MailboxPatch {
  readonly alias?: string;
  readonly name?: string;
  readonly displayName?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly smtp?: string;
  readonly password?: string;
  readonly type?: MailboxType;
  readonly capacity?: number;
  readonly timeZone?: string;
  readonly department?: string;
  readonly customAttributes?: Readonly<Partial<Record<CustomAttributeName, string>>>;
}

function checkAlias(alias: string): void {
  if (!isValidAlias(alias)) throw new DirectoryError('InvalidValue', invalidAliasMessage(alias), `An alias can't contain spaces; use e.g. -Alias ${suggestAlias(alias)}.`);
}

function checkName(name: string): void {
  if (name.trim() === '' || name.length > 64) {
    throw new DirectoryError('InvalidValue', `The length of the property is too long or too short. The maximum length is 64 and the minimum length is 1. The length of the value "${name}" is ${name.length}.`, 'Give a name of 1 to 64 characters.');
  }
}

function checkAddress(address: string, what: string): void {
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new DirectoryError('InvalidValue', `"${address}" isn't a valid ${what}.`, `Write the ${what} as name@domain.`);
}

export function addMailbox(state: DirectoryState, input: NewMailboxInput): [DirectoryState, MailboxRecord] {
  const type = input.type ?? 'UserMailbox';
  checkName(input.name);
  const alias = input.alias ?? deriveAlias(input.upn, input.name);
  checkAlias(alias);
  const smtp = input.smtp ?? `${alias}@${state.domain}`;
  const upn = input.upn ?? `${alias}@${state.domain}`;
  checkAddress(smtp, 'SMTP address');
  checkAddress(upn, 'user principal name');
  assertUnique(state, undefined, 'name', input.name);
  assertUnique(state, undefined, 'alias', alias);
  assertUnique(state, undefined, 'smtp', smtp);
  assertUnique(state, undefined, 'upn', upn);
  const mailbox: MailboxRecord = stripUndefined({
    guid: randomUUID(),
    smtp,
    alias,
    name: input.name,
    displayName: input.displayName ?? input.name,
    firstName: input.firstName,
    lastName: input.lastName,
    upn,
    passwordHash: input.password !== undefined ? hashPassword(input.password) : undefined,
    type,
    capacity: input.capacity,
    timeZone: input.timeZone ?? state.defaultTimeZone,
    organizationalUnit: input.organizationalUnit,
    department: input.department,
    customAttributes: input.customAttributes,
  });
  return [{ ...state, mailboxes: [...state.mailboxes, mailbox] }, mailbox];
}

export function updateMailbox(state: DirectoryState, guid: string, patch: MailboxPatch): [DirectoryState, MailboxRecord] {
  const current = state.mailboxes.find((m) => m.guid === guid);
  if (!current) throw new DirectoryError('NotFound', `The mailbox ${guid} doesn't exist.`, 'Get-Mailbox lists the mailboxes.');
  if (patch.alias !== undefined) {
    checkAlias(patch.alias);
    assertUnique(state, guid, 'alias', patch.alias);
    // The default email address policy (%m@domain) regenerates the primary address from the alias.
    if (patch.smtp === undefined && current.smtp.toLowerCase() === `${current.alias}@${state.domain}`.toLowerCase()) {
      patch = { ...patch, smtp: `${patch.alias}@${state.domain}` };
    }
  }
  if (patch.name !== undefined) {
    checkName(patch.name);
    assertUnique(state, guid, 'name', patch.name);
  }
  if (patch.smtp !== undefined) {
    checkAddress(patch.smtp, 'SMTP address');
    assertUnique(state, guid, 'smtp', patch.smtp);
  }
  const { password, customAttributes, ...rest } = patch;
  const next: MailboxRecord = stripUndefined({
    ...current,
    ...stripUndefined(rest),
    ...(password !== undefined ? { passwordHash: hashPassword(password) } : {}),
    ...(customAttributes !== undefined ? { customAttributes: stripUndefined({ ...current.customAttributes, ...customAttributes }) } : {}),
  });
  return [{ ...state, mailboxes: state.mailboxes.map((m) => (m.guid === guid ? next : m)) }, next];
}

/** Removes the mailbox and every grant to or on it, as deleting the AD user does. */
export function removeMailbox(state: DirectoryState, guid: string): DirectoryState {
  if (guid === state.administrator) {
    throw new DirectoryError('NotSupported', "The administrator's mailbox can't be removed in the simulator: the Management Shell signs in with it.", 'Remove another mailbox, or start a fresh simulator.');
  }
  return {
    ...state,
    mailboxes: state.mailboxes.filter((m) => m.guid !== guid),
    roleAssignments: state.roleAssignments.filter((a) => a.user !== guid),
    folderPermissions: state.folderPermissions.filter((p) => p.mailbox !== guid && p.user !== guid),
    extendedRights: state.extendedRights.filter((g) => g.mailbox !== guid && g.user !== guid),
  };
}

/**
 * The domain's default password policy (complexity on, at least 7 characters, three of: upper case,
 * lower case, digit, symbol; not containing the account name). The store itself accepts any password
 * so tests can seed simply; New-Mailbox and Set-Mailbox apply this, as AD would.
 */
export function checkPasswordComplexity(password: string, accountName: string, domainController: string): void {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const containsName = accountName.length >= 3 && password.toLowerCase().includes(accountName.toLowerCase());
  if (password.length < 7 || classes < 3 || containsName) {
    throw new DirectoryError(
      'InvalidValue',
      `Active Directory operation failed on ${domainController}. The password does not meet the length, complexity, or history requirement of the domain.`,
      'Use at least 7 characters from three of: upper case, lower case, digits, symbols; and not the account name.',
    );
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
