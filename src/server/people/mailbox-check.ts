import { DateTime } from 'luxon';
import type { EwsClient } from '../../ews/client/ews-client.js';
import type { ResolvedName, ResolveNamesResult } from '../../ews/operations/resolve-names.js';
import type { TimeWindow } from '../../domain/calendar.js';
import { ianaZoneOfLegacy } from '../../ews/schema/timezones.js';

/** Why a calendar link was refused, in words for the person and the admin. */
export interface LinkProblem {
  readonly code: 'MailboxNotFound' | 'MailboxMismatch' | 'MailboxAmbiguous';
  readonly message: string;
  readonly hint: string;
}

export type MailboxVerdict = { readonly ok: true; readonly mailbox: string } | { readonly ok: false; readonly problem: LinkProblem };

const same = (a: string | undefined, b: string) => a !== undefined && a.trim().toLowerCase() === b;
const aliasOf = (smtp: string) => smtp.split('@')[0] ?? smtp;
/** The admin guide's troubleshooting advice, said once in every hint. */
const GUIDE = 'Verify that the email address you invited the user with matches the email address in your Microsoft Exchange server';
const NOT_A_MAILBOX = new Set(['PublicDL', 'PrivateDL', 'Contact', 'PublicFolder', 'GroupMailbox']);

function named(r: ResolvedName): string {
  const email = r.mailbox.email ?? '(no address)';
  return r.mailbox.name && r.mailbox.name !== email ? `${email} (${r.mailbox.name})` : email;
}

/** True when `address` is among the candidate's proxy addresses but not its primary one. */
function isSecondaryProxy(r: ResolvedName, address: string): boolean {
  return (r.contact?.emailAddresses ?? []).some((e) => same(e.address, address) && (e.routingType === undefined || e.routingType !== 'SMTP'));
}

/**
 * Does the invited address name exactly one mailbox, as its primary SMTP address? ResolveNames is Exchange's
 * ambiguous name resolution, so several candidates may come back for one address: the one whose primary
 * address is the invited one wins; otherwise the answer names what Exchange found instead.
 */
export function judgeResolution(invitedAddress: string, r: ResolveNamesResult): MailboxVerdict {
  const invited = invitedAddress.trim().toLowerCase();
  const candidates = r.entries.filter((e) => e.mailbox.email !== undefined);
  const exact = candidates.filter((e) => same(e.mailbox.email, invited));
  if (exact.length === 1) {
    const m = exact[0]!;
    if (m.mailbox.mailboxType !== undefined && NOT_A_MAILBOX.has(m.mailbox.mailboxType)) {
      return refuse('MailboxNotFound', `The address ${invited} you were invited with belongs to ${named(m)}, which is a ${m.mailbox.mailboxType} in Microsoft Exchange, not a mailbox with a calendar.`, `${GUIDE}: re-invite the user with the primary SMTP address of their own mailbox (Get-Mailbox -Identity <alias> | fl PrimarySmtpAddress shows it).`);
    }
    return { ok: true, mailbox: m.mailbox.email!.trim().toLowerCase() };
  }
  if (candidates.length === 0) {
    return refuse(
      'MailboxNotFound',
      `The address ${invited} you were invited with does not match any mailbox in Microsoft Exchange: the directory resolves it to nothing.`,
      `${GUIDE}. Re-invite the user with their mailbox's primary SMTP address (Get-Mailbox -Identity <alias> | fl PrimarySmtpAddress shows it), or give their mailbox this address in the Exchange Management Shell: Set-Mailbox -Identity <alias> -PrimarySmtpAddress ${invited}`,
    );
  }
  const proxies = candidates.filter((e) => isSecondaryProxy(e, invited));
  const one = proxies.length === 1 ? proxies[0]! : candidates.length === 1 ? candidates[0]! : undefined;
  if (one) {
    const found = one.mailbox.email!.trim().toLowerCase();
    const how = proxies.length === 1 ? `is a secondary proxy address of the mailbox ${named(one)}` : `resolves to the mailbox ${named(one)}`;
    return refuse(
      'MailboxMismatch',
      `The address ${invited} you were invited with does not match the email address of your mailbox in Microsoft Exchange: it ${how}, whose primary address is ${found}.`,
      `${GUIDE}. Either re-invite the user as ${found}, or make ${invited} the mailbox's primary address in the Exchange Management Shell: Set-Mailbox -Identity ${aliasOf(found)} -PrimarySmtpAddress ${invited}`,
    );
  }
  const shown = candidates.slice(0, 5).map(named).join(', ');
  const more = candidates.length > 5 ? `, and ${candidates.length - 5} more` : '';
  return refuse(
    'MailboxAmbiguous',
    `The address ${invited} you were invited with matches ${candidates.length} mailboxes in Microsoft Exchange (${shown}${more}), so Concierge cannot tell which calendar is yours.`,
    `${GUIDE}: re-invite the user with the exact primary SMTP address of their mailbox, or make ${invited} the primary address of exactly one mailbox: Set-Mailbox -Identity <alias> -PrimarySmtpAddress ${invited}`,
  );
}

function refuse(code: LinkProblem['code'], message: string, hint: string): MailboxVerdict {
  return { ok: false, problem: { code, message, hint } };
}

/** Today in `timeZone`, midnight to midnight: the window the access check reads. */
export function today(timeZone: string, now: Date = new Date()): TimeWindow {
  const start = DateTime.fromJSDate(now).setZone(timeZone).startOf('day');
  return { start: start.toUTC().toISO()!, end: start.plus({ days: 1 }).toUTC().toISO()! };
}

/**
 * Resolves the invited address through the service account, then proves the link's access method reaches
 * the mailbox by reading today's calendar view of it (impersonation or delegation, as the client is set).
 * EWS failures of the calendar read are thrown (EwsError, with the catalog's message and hint).
 */
export async function checkMailbox(client: EwsClient, invitedAddress: string, timeZone: string, now: Date = new Date()): Promise<MailboxVerdict> {
  const verdict = judgeResolution(invitedAddress, await client.resolveNames(invitedAddress));
  if (!verdict.ok) return verdict;
  await client.calendarView(verdict.mailbox, today(timeZone, now), { timeZone });
  return verdict;
}

/**
 * The zone the mailbox's owner keeps working hours in (Outlook's own time zone setting, as the
 * availability service reports it), for a person linked without one: answers in UTC would put a 10 AM
 * standup at 6 PM. Undefined when Exchange does not say or no IANA zone keeps that clock; a guess, so
 * any failure is undefined too (the link itself was already proven).
 */
export async function mailboxZone(client: EwsClient, mailbox: string, now: Date = new Date()): Promise<string | undefined> {
  try {
    const [answer] = await client.availability([{ email: mailbox }], today('UTC', now), { timeZone: 'UTC', view: 'FreeBusy' });
    const tz = answer?.ok ? answer.value.workingHours?.timeZone : undefined;
    return tz ? ianaZoneOfLegacy(tz, now.getUTCFullYear()) : undefined;
  } catch {
    return undefined;
  }
}
