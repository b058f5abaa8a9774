/**
 * An attendee's answers (AcceptItem, TentativelyAcceptItem, DeclineItem): to a whole meeting or series,
 * or to one occurrence of a series, as Exchange takes them.
 */
import type { EmailAddress } from '../../../ews/schema/types.js';
import type { CalendarItemRecord, MeetingResponse } from './model.js';
import type { StoreCore } from './core.js';
import { exceptionFor, recordResponse } from './copies.js';
import { StoreError } from './errors.js';
import { file, isLocal, responseDraft } from './messages.js';
import type { Occurrence } from './series.js';

const ORGANIZER_CODE = { Accept: 'ErrorCalendarIsOrganizerForAccept', Tentative: 'ErrorCalendarIsOrganizerForTentative', Decline: 'ErrorCalendarIsOrganizerForDecline' } as const;
const CANCELLED_CODE = { Accept: 'ErrorCalendarIsCancelledForAccept', Tentative: 'ErrorCalendarIsCancelledForTentative', Decline: 'ErrorCalendarIsCancelledForDecline' } as const;

/**
 * AcceptItem / TentativelyAcceptItem / DeclineItem on an attendee's copy. Accepting shows the
 * organizer's intended status; declining moves the copy to Deleted Items. The answered request leaves
 * the Inbox, as Outlook and OWA do. With `send`, the organizer's tracking and Inbox get the response.
 */
export function respond(core: StoreCore, mailbox: string, copy: CalendarItemRecord, response: MeetingResponse, send: boolean, text = ''): void {
  refuseIfCannot(copy, copy.isCancelled, response);
  copy.myResponseType = response;
  if (response === 'Accept') copy.legacyFreeBusy = copy.intendedFreeBusy ?? 'Busy';
  if (response === 'Tentative') copy.legacyFreeBusy = 'Tentative';
  core.touch(mailbox, copy);
  // Declining files the copy in Deleted Items; a later accept brings it back.
  const folder = core.locate(copy.id)?.folder;
  if (response === 'Decline' && folder === 'calendar') core.move(copy.id, 'deleteditems');
  if (response !== 'Decline' && folder === 'deleteditems') core.move(copy.id, 'calendar');
  for (const m of core.items(mailbox, 'inbox')) {
    if (m.kind === 'message' && m.itemClass === 'IPM.Schedule.Meeting.Request' && m.meeting?.uid === copy.uid) core.move(m.id, 'deleteditems');
  }
  if (send) tellOrganizer(core, mailbox, copy, response, text);
}

/**
 * The same answers on one occurrence of an attendee's series (an OccurrenceItemId or an occurrence's
 * ItemId). The occurrence becomes an exception that keeps its own answer and free/busy status;
 * declining takes it off the attendee's calendar, as Outlook does, and leaves the rest of the series.
 * With `send`, the organizer records the answer on that occurrence only.
 */
export function respondToOccurrence(core: StoreCore, mailbox: string, master: CalendarItemRecord, occ: Occurrence, response: MeetingResponse, send: boolean, text = ''): void {
  refuseIfCannot(master, master.isCancelled || occ.exception?.fields.isCancelled === true, response);
  if (response === 'Decline') {
    master.exceptions = master.exceptions.filter((e) => e.originalStart !== occ.originalStart);
    master.deletedOccurrences.push(occ.originalStart);
  } else {
    const ex = exceptionFor(core, mailbox, master, occ.originalStart);
    ex.fields.myResponseType = response;
    ex.fields.legacyFreeBusy = response === 'Accept' ? (master.intendedFreeBusy ?? 'Busy') : 'Tentative';
    ex.changeKey = core.newChangeKey(mailbox);
    ex.lastModified = core.now();
  }
  core.touch(mailbox, master);
  // The answer quotes the occurrence as it is (an exception's subject and times).
  const answered: CalendarItemRecord = { ...master, subject: occ.exception?.fields.subject ?? master.subject, start: occ.start, end: occ.end };
  if (send) tellOrganizer(core, mailbox, answered, response, text, occ.originalStart);
}

function refuseIfCannot(copy: CalendarItemRecord, cancelled: boolean, response: MeetingResponse): void {
  if (copy.myResponseType === 'Organizer') throw new StoreError(ORGANIZER_CODE[response], 'The organizer cannot respond to their own meeting.');
  if (cancelled) throw new StoreError(CANCELLED_CODE[response], 'The meeting was cancelled.');
}

function tellOrganizer(core: StoreCore, mailbox: string, copy: CalendarItemRecord, response: MeetingResponse, text: string, originalStart?: string): void {
  const from: EmailAddress = { name: core.resolve(mailbox)?.name ?? mailbox, email: mailbox, routingType: 'SMTP', mailboxType: 'Mailbox' };
  const d = responseDraft(from, copy.organizer, copy, response, text, originalStart);
  const organizer = copy.organizer.email;
  if (isLocal(core, organizer)) {
    const org = core.byUid(organizer, copy.uid);
    if (org && org.myResponseType === 'Organizer') recordResponse(core, organizer, org, mailbox, response, originalStart);
    file(core, organizer, 'inbox', d);
  }
  file(core, mailbox, 'sentitems', d);
}
