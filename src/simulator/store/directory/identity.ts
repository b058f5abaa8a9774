import { ambiguous, DirectoryError, notFound } from './errors.js';
import type { CustomAttributeName, DirectoryState, EwsVirtualDirectory, MailboxRecord } from './types.js';
import type { OpathLookup } from './opath.js';

/**
 * How Exchange names things: alias rules, the many spellings of a mailbox identity, and virtual
 * directory identities. Everything compares case-insensitively, as Active Directory does.
 */

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Exchange's alias rule: RFC 5322 atext characters, periods only between other characters, Latin-1
 * letters allowed, at most 64 characters. Spaces are the usual mistake (`-Alias Alexa for Business`).
 */
const ALIAS_PATTERN = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u00A1-\u00FF]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u00A1-\u00FF]+)*$/;

export function isValidAlias(alias: string): boolean {
  return alias.length <= 64 && ALIAS_PATTERN.test(alias);
}

/** Exchange's message for an alias it refuses, verbatim apart from the value. */
export function invalidAliasMessage(alias: string): string {
  return (
    `Property expression "${alias}" isn't valid. Valid values are: Strings formed with characters from A to Z (uppercase or lowercase), ` +
    'digits from 0 to 9, !, #, $, %, &, \', *, +, -, /, =, ?, ^, _, `, {, |, } or ~. One or more periods may be embedded in an alias, ' +
    'but each period should be preceded and followed by at least one of the other characters. Unicode characters from U+00A1 to U+00FF ' +
    'are also valid in an alias, but they will be mapped to a best-fit US-ASCII string in the email address, which is generated from such an alias.'
  );
}

/** A valid alias close to what the administrator typed: `Alexa for Business` -> `alexaforbusiness`. */
export function suggestAlias(text: string): string {
  const kept = text.replace(/[^A-Za-z0-9._-]/g, '').replace(/^\.+|\.+$/g, '').replace(/\.{2,}/g, '.');
  return (kept || 'mailbox').toLowerCase();
}

/**
 * The alias Exchange derives when -Alias is absent: the local part of the UPN for accounts that can
 * sign in, otherwise the name with spaces removed and unsupported characters turned into '?'.
 */
export function deriveAlias(upn: string | undefined, name: string): string {
  if (upn !== undefined && upn.includes('@')) return upn.slice(0, upn.indexOf('@'));
  return name.replace(/\s+/g, '').replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.\u00A1-\u00FF]/g, '?');
}

/** Every way -Identity may name a mailbox: GUID, address, UPN, DOMAIN\alias, alias or name. */
export function mailboxIdentityMatches(state: DirectoryState, m: MailboxRecord, identity: string): boolean {
  const id = identity.trim();
  return (
    same(m.guid, id) ||
    same(m.smtp, id) ||
    same(m.upn, id) ||
    same(m.alias, id) ||
    same(m.name, id) ||
    same(`${state.netbiosName}\\${m.alias}`, id) ||
    same(canonicalName(state, m), id)
  );
}

/** The canonical name Exchange 2013 and later show as a mailbox's Identity: `contoso.com/Users/alice`. */
export function canonicalName(state: DirectoryState, m: MailboxRecord): string {
  return `${state.domain}/${m.organizationalUnit ?? 'Users'}/${m.name}`;
}

/**
 * The one mailbox an identity names, preferring the unambiguous spellings (GUID, address, UPN,
 * DOMAIN\alias, canonical name) over alias and name. For sign-in and EWS lookups, where a best match is wanted.
 */
export function findMailbox(state: DirectoryState, identity: string): MailboxRecord | undefined {
  const id = identity.trim();
  const strong = state.mailboxes.find(
    (m) => same(m.guid, id) || same(m.smtp, id) || same(m.upn, id) || same(`${state.netbiosName}\\${m.alias}`, id) || same(canonicalName(state, m), id),
  );
  if (strong) return strong;
  return state.mailboxes.find((m) => same(m.alias, id)) ?? state.mailboxes.find((m) => same(m.name, id));
}

/**
 * The mailbox an administrator's -Identity names, or Exchange's error: not found, or (when the text is
 * one mailbox's name and another's alias) ambiguous.
 */
export function resolveMailbox(state: DirectoryState, identity: string): MailboxRecord {
  const matches = state.mailboxes.filter((m) => mailboxIdentityMatches(state, m, identity));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) return throwAmbiguous(identity);
  throw notFound(identity, state.domainController, 'Check the spelling; Get-Mailbox lists the mailboxes by Name and Alias.');
}

function throwAmbiguous(identity: string): never {
  throw ambiguous(identity, 'Name the mailbox by its primary SMTP address instead.');
}

/** Normalizes a virtual directory name: no case, no space before '(' ("EWS(Default Web Site)"). */
function normalizeVdirName(name: string): string {
  return name.trim().replace(/\s+\(/g, '(').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether `identity` names this virtual directory: `SERVER\EWS (Default Web Site)` or just the
 * name. Exchange tolerates the missing space before '(' that the Alexa for Business guide has.
 */
export function virtualDirectoryMatches(vdir: EwsVirtualDirectory, identity: string): boolean {
  const [server, name] = splitIdentity(vdir.identity);
  const [wantedServer, wantedName] = splitIdentity(identity);
  if (normalizeVdirName(name) !== normalizeVdirName(wantedName)) return false;
  return wantedServer === undefined || same(server, wantedServer.trim());
}

function splitIdentity(identity: string): [string | undefined, string] {
  const slash = identity.indexOf('\\');
  return slash < 0 ? [undefined, identity] : [identity.slice(0, slash), identity.slice(slash + 1)];
}

export function resolveVirtualDirectory(state: DirectoryState, identity: string): EwsVirtualDirectory {
  const found = state.virtualDirectories.find((v) => virtualDirectoryMatches(v, identity));
  if (found) return found;
  const known = state.virtualDirectories.map((v) => `"${v.identity}"`).join(', ');
  throw notFound(identity, state.domainController, `This organization's EWS virtual directory is ${known}; run Get-WebServicesVirtualDirectory to see its identity.`);
}

/** The recipient as OPATH filters see it. */
export function recipientLookup(m: MailboxRecord): OpathLookup {
  const values: Record<string, string | readonly string[] | undefined> = {
    recipienttypedetails: m.type,
    recipienttype: 'UserMailbox',
    alias: m.alias,
    name: m.name,
    displayname: m.displayName,
    primarysmtpaddress: m.smtp,
    windowsemailaddress: m.smtp,
    emailaddresses: [`SMTP:${m.smtp}`, m.smtp],
    userprincipalname: m.upn,
    firstname: m.firstName,
    lastname: m.lastName,
    department: m.department,
  };
  return (property) => {
    const key = property.toLowerCase();
    if (key.startsWith('customattribute')) return m.customAttributes?.[`CustomAttribute${key.slice('customattribute'.length)}` as CustomAttributeName];
    return values[key];
  };
}

/** Refuses a value that must be unique when another mailbox already has it. */
export function assertUnique(state: DirectoryState, except: string | undefined, field: 'name' | 'alias' | 'smtp' | 'upn', value: string): void {
  const clash = state.mailboxes.find((m) => m.guid !== except && same(m[field], value));
  if (!clash) return;
  const messages: Record<typeof field, string> = {
    name: `Active Directory operation failed on ${state.domainController}. The object 'CN=${value},CN=Users,DC=${state.domain.split('.').join(',DC=')}' already exists.`,
    alias: `The alias "${value}" is already used by "${clash.name}". Please choose another alias.`,
    smtp: `The proxy address "SMTP:${value}" is already being used by the proxy addresses or LegacyExchangeDN of "${clash.name}". Please choose another proxy address.`,
    upn: `The user principal name ${value} is already used. Please use a new user principal name.`,
  };
  throw new DirectoryError('AlreadyExists', messages[field], `Choose another ${field === 'smtp' ? 'address' : field}, or change or remove "${clash.name}" first.`);
}
