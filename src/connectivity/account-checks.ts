import { EwsError } from '../ews/errors.js';
import { GetFolder } from '../ews/operations/get-folder.js';
import { ResolveNames, type ResolveNamesResult } from '../ews/operations/resolve-names.js';
import { formatServerVersion, isExchange2013OrLater, productName, type ServerVersionInfo } from '../ews/schema/versions.js';
import { aliasOf } from './fixes.js';
import type { Session } from './session.js';
import { fail, pass, warn, type Finding } from './types.js';

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Signs in as the service account: GetFolder of its own Calendar, which needs no impersonation or delegation. */
export async function checkCredentials(s: Session): Promise<Finding> {
  const upn = s.input.upn;
  try {
    const { result } = await s.probe.call(GetFolder, { folders: [{ distinguished: 'calendar' }] }, {});
    const [r] = result;
    if (r?.ok) return pass(`Exchange accepted ${upn} with Basic: GetFolder of its own Calendar answered (${r.value.totalCount ?? 0} items).`);
    return pass(`Exchange accepted ${upn} with Basic; GetFolder of its own Calendar answered ${r?.error.code ?? 'nothing'}${r?.error.data.serverMessage ? ` ("${r.error.data.serverMessage}")` : ''}.`);
  } catch (err) {
    if (!(err instanceof EwsError)) throw err;
    return judgeSignInError(err, upn, s.serviceAlias);
  }
}

/** A failed sign-in in the admin's terms; an EWS-level error still proves the credentials work. */
export function judgeSignInError(err: EwsError, upn: string, serviceAlias: string): Finding {
  if (err.code === 'HttpUnauthorized') {
    return fail(
      `Exchange refused the Basic sign-in of ${upn} (HTTP 401): wrong UPN or password, or the password expired, or the account is locked or disabled.`,
      [
        `Get-User -Identity ${serviceAlias} | fl UserPrincipalName,WindowsEmailAddress   # the UPN to give`,
        `Get-ADUser ${serviceAlias} -Properties Enabled,LockedOut,PasswordExpired,PasswordLastSet   # (Active Directory module) why a right password is refused`,
        `Set-Mailbox -Identity ${serviceAlias} -Password (Read-Host -AsSecureString "New password")   # reset it, then give Concierge the new one`,
      ].join('\n'),
    );
  }
  if (err.code === 'HttpForbidden') {
    return fail(`Exchange refused ${upn} (HTTP 403): the account may be disabled, or EWS blocked for it.`, `Get-CASMailbox -Identity ${serviceAlias} | fl EwsEnabled,EwsAllowList,EwsBlockList\nSet-CASMailbox -Identity ${serviceAlias} -EwsEnabled $true`);
  }
  if (err.code.startsWith('Error') && err.data.httpStatus !== undefined) {
    return pass(`Exchange accepted ${upn} with Basic (it answered with ${err.code}${err.data.serverMessage ? `: "${err.data.serverMessage}"` : ''}, an EWS answer, not a sign-in refusal).`);
  }
  return fail(`Signing in as ${upn} failed: ${err.message} (${err.code}).`, err.hint);
}

/** Exchange 2013 or later, from the ServerVersionInfo of the answers so far. */
export function judgeVersion(v: ServerVersionInfo | undefined): Finding {
  if (!v) return warn('Exchange\'s answers carried no ServerVersionInfo, so its version is unknown; Concierge needs Exchange 2013 or later.');
  if (isExchange2013OrLater(v)) return pass(`${formatServerVersion(v)}: Exchange 2013 or later, as Concierge needs.`);
  return fail(
    `${productName(v)}, build ${v.majorVersion}.${v.minorVersion}.${v.majorBuildNumber}.${v.minorBuildNumber} (schema ${v.version}): Concierge needs Exchange 2013 or later, as the Alexa for Business guide does.`,
    'Move the mailboxes to Exchange 2016, Exchange 2019 or Exchange Server SE and point the URL at a server running it (Exchange 2010 and older are out of Microsoft support). Get-ExchangeServer | fl Name,AdminDisplayVersion lists the servers and their versions.',
  );
}

/** The test mailbox exists, and the address given is its primary SMTP address. */
export async function checkMailbox(s: Session): Promise<Finding> {
  const mailbox = s.input.mailbox;
  if (!/^[^@\s]+@[^@\s]+$/.test(mailbox)) return fail(`"${mailbox}" is not an SMTP address.`, 'Give the primary SMTP address of a mailbox, e.g. alice@contoso.com.');
  let result: ResolveNamesResult;
  try {
    ({ result } = await s.probe.call(ResolveNames, { entry: mailbox, returnFullContactData: true, searchScope: 'ActiveDirectory' }, {}));
  } catch (err) {
    if (!(err instanceof EwsError)) throw err;
    // ResolveNames is in every Exchange since 2007; a server that refuses it (a simulator, a filtering proxy) still tells existence through GetFolder.
    if (err.code === 'ErrorInvalidRequest' || err.code === 'SoapFault') return mailboxByGetFolder(s, err.code);
    return fail(`Looking up ${mailbox} failed: ${err.message} (${err.code}).`, err.hint);
  }
  return judgeResolution(mailbox, result);
}

/** Judges a ResolveNames answer for the address given. */
export function judgeResolution(mailbox: string, result: ResolveNamesResult): Finding {
  const alias = aliasOf(mailbox);
  const lookUp = `Get-Recipient -Identity ${alias} | fl Name,RecipientTypeDetails,PrimarySmtpAddress,EmailAddresses   # what Exchange has under that alias`;
  if (result.noResults || result.entries.length === 0) {
    return fail(`No one in the directory has the address ${mailbox} (ResolveNames found no match).`, `Check the address: the user must be invited with the address Exchange has.\n${lookUp}`);
  }
  const exact = result.entries.find((e) => same(e.mailbox.email, mailbox));
  if (exact) {
    const type = exact.mailbox.mailboxType;
    if (type !== undefined && type !== 'Mailbox' && type !== 'GroupMailbox') {
      return fail(`${mailbox} belongs to ${exact.mailbox.name ?? exact.contact?.displayName ?? 'a recipient'}, which is a ${type}, not a mailbox: it has no calendar.`, `Give the address of a user or room mailbox.\n${lookUp}`);
    }
    return pass(`${mailbox} is the primary SMTP address of ${exact.mailbox.name ?? exact.contact?.displayName ?? 'a mailbox'}${type ? ` (${type})` : ''}.`);
  }
  if (result.entries.length === 1) {
    const entry = result.entries[0]!;
    const found = entry.mailbox;
    const primary = found.email ?? 'a different address';
    const isProxy = entry.contact?.emailAddresses?.some((e) => same(e.address, mailbox)) ?? false;
    const what = isProxy
      ? `${mailbox} is a secondary (proxy) address of ${found.name ?? 'a mailbox'}, whose primary SMTP address is ${primary}`
      : `No mailbox has exactly the address ${mailbox}; the directory's nearest match is ${found.name ?? 'a mailbox'} <${primary}>`;
    return fail(
      `${what}. Concierge needs the primary SMTP address: EWS delegation accepts only it, and invitations match on it.`,
      `Use ${primary} (and invite the user with it) if that is the mailbox meant.\nGet-Mailbox -Identity ${aliasOf(found.email ?? mailbox)} | fl PrimarySmtpAddress,EmailAddresses`,
    );
  }
  const candidates = result.entries.slice(0, 5).map((e) => `${e.mailbox.name ?? '?'} <${e.mailbox.email ?? '?'}>`);
  return fail(`${mailbox} is not anyone's primary SMTP address; it matches ${result.entries.length} recipients: ${candidates.join(', ')}.`, `Give the exact primary SMTP address.\n${lookUp}`);
}

async function mailboxByGetFolder(s: Session, resolveCode: string): Promise<Finding> {
  const mailbox = s.input.mailbox;
  const unchecked = `this server did not answer ResolveNames (${resolveCode}), so whether ${mailbox} is the primary SMTP address was not checked`;
  try {
    const { result } = await s.probe.call(GetFolder, { folders: [{ distinguished: 'calendar', mailbox }] }, { mailbox });
    const [r] = result;
    if (r && !r.ok && r.error.code === 'ErrorNonExistentMailbox') return notFound(mailbox);
    return warn(`${mailbox} is a mailbox (GetFolder of its Calendar answered ${r?.ok ? 'NoError' : r?.error.code}), but ${unchecked}.`);
  } catch (err) {
    if (!(err instanceof EwsError)) throw err;
    if (err.code === 'ErrorNonExistentMailbox') return notFound(mailbox);
    return warn(`Could not tell whether ${mailbox} exists: ${unchecked}, and GetFolder answered ${err.code}.`);
  }
}

function notFound(mailbox: string): Finding {
  return fail(`No mailbox has the primary SMTP address ${mailbox} (ErrorNonExistentMailbox).`, `Check the address.\nGet-Recipient -Identity ${aliasOf(mailbox)} | fl Name,RecipientTypeDetails,PrimarySmtpAddress,EmailAddresses`);
}
