import { EwsError } from '../ews/errors.js';
import { GetFolder } from '../ews/operations/get-folder.js';
import type { EffectiveRights } from '../ews/schema/types.js';
import { aliasOf, folderPermissionFix, impersonationAssignmentFix, impersonationScopeFix, sendAsFix } from './fixes.js';
import type { Session } from './session.js';
import { fail, pass, warn, type Finding } from './types.js';

const IMPERSONATION_DENIED = new Set(['ErrorImpersonateUserDenied', 'ErrorImpersonationDenied']);
const FOLDER_DENIED = new Set(['ErrorAccessDenied', 'ErrorFolderNotFound']);

/** The UTC day containing `now`, as CalendarView's window. */
export function utcDay(now: Date): { start: string; end: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
}

/** Whether the service account may impersonate itself: yes means it holds the role, and a scope leaves the mailbox out. */
export type SelfImpersonation = 'allowed' | 'denied' | 'unknown';

/** Reads today's calendar of the test mailbox through the chosen access method, as Concierge will. */
export async function checkCalendarRead(s: Session, now: Date): Promise<Finding> {
  const { mailbox, access, upn } = s.input;
  const day = utcDay(now);
  try {
    const events = await s.client.calendarView(mailbox, day, { signal: AbortSignal.timeout(s.timeoutMs) });
    const how = access === 'impersonation' ? `impersonating ${mailbox}` : `as ${upn}, a delegate (full access)`;
    return pass(`Read ${mailbox}'s calendar ${how}: CalendarView of ${day.start.slice(0, 10)} (UTC) returned ${events.length} event${events.length === 1 ? '' : 's'}.`);
  } catch (err) {
    if (!(err instanceof EwsError)) throw err;
    const self = access === 'impersonation' && IMPERSONATION_DENIED.has(err.code) ? await selfImpersonation(s) : 'unknown';
    return judgeReadError(err, s.input, s.serviceAlias, self);
  }
}

/** Impersonating its own mailbox needs the ApplicationImpersonation role but passes any scope that includes it. */
async function selfImpersonation(s: Session): Promise<SelfImpersonation> {
  try {
    await s.probe.call(GetFolder, { folders: [{ distinguished: 'calendar' }] }, { impersonate: s.input.upn });
    return 'allowed';
  } catch (err) {
    if (!(err instanceof EwsError)) throw err;
    if (IMPERSONATION_DENIED.has(err.code)) return 'denied';
    return err.code.startsWith('Error') && err.code !== 'ErrorNonExistentMailbox' ? 'allowed' : 'unknown';
  }
}

/** Why the calendar could not be read, and the command that lets it be. */
export function judgeReadError(err: EwsError, input: { readonly upn: string; readonly mailbox: string; readonly access: string }, serviceAlias: string, self: SelfImpersonation): Finding {
  const { upn, mailbox } = input;
  if (IMPERSONATION_DENIED.has(err.code)) {
    if (self === 'allowed') {
      return fail(
        `${upn} may not impersonate ${mailbox} (${err.code}), yet it may impersonate its own mailbox: it holds ApplicationImpersonation, but through a management scope that leaves ${mailbox} out.`,
        impersonationScopeFix(serviceAlias, mailbox),
      );
    }
    const why = self === 'denied' ? 'it may not impersonate even its own mailbox, so it has no ApplicationImpersonation role assignment (or only scoped ones that leave both out)' : 'it has no ApplicationImpersonation role assignment, or one whose management scope leaves the mailbox out';
    return fail(
      `${upn} may not impersonate ${mailbox} (${err.code}): ${why}.`,
      `${impersonationAssignmentFix(serviceAlias)}\nIf an assignment limited by a scope exists already:\n${impersonationScopeFix(serviceAlias, mailbox)}`,
    );
  }
  if (err.code === 'ErrorNonExistentMailbox') return fail(`Exchange knows no mailbox ${mailbox} (ErrorNonExistentMailbox).`, 'Give the primary SMTP address of an existing mailbox (Get-Mailbox -Identity <name> | fl PrimarySmtpAddress).');
  if (FOLDER_DENIED.has(err.code)) {
    if (input.access === 'delegation') {
      return fail(`Exchange denied ${upn} access to ${mailbox}'s Calendar (${err.code}): the service account has no permission on that folder.`, `${folderPermissionFix(serviceAlias, mailbox)}\n${sendAsFix(serviceAlias, mailbox)}   # for invitations sent in ${mailbox}'s name`);
    }
    return fail(`Even impersonating ${mailbox}, Exchange denied access to its Calendar (${err.code}): the mailbox's own rights are missing (a disabled or unusual mailbox?).`, `Get-MailboxFolderPermission -Identity "${aliasOf(mailbox)}:\\Calendar"   # the owner must have full rights on its Calendar`);
  }
  return fail(`Reading ${mailbox}'s calendar failed: ${err.message} (${err.code}).`, err.hint);
}

const WRITE_RIGHTS: readonly [keyof EffectiveRights, string][] = [
  ['createContents', 'CreateContents'],
  ['modify', 'Modify'],
  ['delete', 'Delete'],
];

/** What the service account may do in the calendar, from GetFolder's EffectiveRights: nothing is written. */
export async function checkCalendarWrite(s: Session): Promise<Finding> {
  try {
    const folder = await s.client.getCalendarFolder(s.input.mailbox);
    return judgeWriteRights(folder.effectiveRights, s.input, s.serviceAlias);
  } catch (err) {
    if (!(err instanceof EwsError)) throw err;
    return judgeReadError(err, s.input, s.serviceAlias, 'unknown');
  }
}

export function judgeWriteRights(rights: EffectiveRights | undefined, input: { readonly upn: string; readonly mailbox: string; readonly access: string }, serviceAlias: string): Finding {
  const { upn, mailbox, access } = input;
  if (!rights) return warn(`Exchange did not report the EffectiveRights of ${mailbox}'s Calendar, so whether Concierge may create events there is unknown.`);
  const missing = WRITE_RIGHTS.filter(([k]) => !rights[k]).map(([, name]) => name);
  const granted = WRITE_RIGHTS.filter(([k]) => rights[k]).map(([, name]) => name);
  const seen = `EffectiveRights on the Calendar: ${granted.length ? granted.join(', ') : 'none of CreateContents, Modify, Delete'}${rights.read ? ', Read' : ''}; checked without writing anything`;
  if (access === 'impersonation') {
    if (missing.length === 0) return pass(`Impersonating ${mailbox}, Concierge acts as the owner (${seen}). Invitations go out as ${mailbox} itself, so no Send As is needed.`);
    return fail(`Even impersonating ${mailbox}, Exchange withholds ${missing.join(', ')} on its Calendar (${seen}).`, `Get-MailboxFolderPermission -Identity "${aliasOf(mailbox)}:\\Calendar"   # the owner's rights on its Calendar`);
  }
  if (missing.length > 0) {
    return fail(
      `${upn} may not ${missing.includes('CreateContents') ? 'create' : 'change or delete'} events in ${mailbox}'s Calendar: ${missing.join(', ')} missing (${seen}). Concierge needs Editor.`,
      `${folderPermissionFix(serviceAlias, mailbox)}\n${sendAsFix(serviceAlias, mailbox)}   # for invitations sent in ${mailbox}'s name`,
    );
  }
  return warn(
    `${upn} may create, change and delete events in ${mailbox}'s Calendar (${seen}). Not verified: Send As on ${mailbox}, which invitations sent in its name need; only sending a message would tell.`,
    `If it is not granted yet: ${sendAsFix(serviceAlias, mailbox)}`,
  );
}
