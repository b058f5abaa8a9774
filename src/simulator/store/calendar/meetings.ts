/**
 * Meeting workflow between mailboxes: invitations and updates to attendees, room booking, cancellations
 * and responses. Exchange does this asynchronously (transport + Calendar Attendant + Resource Booking
 * Assistant); the simulator does it at once, so a test sees the end state right after the call.
 */
import type { Attendee, EmailAddress } from '../../../ews/schema/types.js';
import type { CalendarItemRecord, ExceptionRecord, MeetingResponse, RoomPolicy, SendUpdates } from './model.js';
import type { StoreCore } from './core.js';
import { cancelCopy, exceptionFor, makeCopy, makeRoomCopy, recordResponse, syncCopy } from './copies.js';
import { StoreError } from './errors.js';
import { allAttendees, sameAddress } from './items.js';
import { canceledSubject, file, isLocal, meetingInfo, responseDraft, type DraftMessage } from './messages.js';
import { evaluateBooking, roomPolicy, roomSubject } from './rooms.js';
import { findByOriginalStart } from './series.js';

export interface SendPlan {
  readonly send: boolean;
  readonly saveCopy: boolean;
  /** SendOnlyToChanged / SendToChangedAndSaveCopy: only added and removed attendees hear of it. */
  readonly onlyChanged: boolean;
}

export function sendPlan(mode: SendUpdates): SendPlan {
  return {
    send: mode !== 'SendToNone',
    saveCopy: mode === 'SendToAllAndSaveCopy' || mode === 'SendToChangedAndSaveCopy',
    onlyChanged: mode === 'SendOnlyToChanged' || mode === 'SendToChangedAndSaveCopy',
  };
}

type Target = { readonly smtp: string; readonly policy?: Required<RoomPolicy> };

/** Attendees with a mailbox here, minus the organizer; rooms carry their booking policy. */
function targets(core: StoreCore, organizer: string, list: readonly Attendee[]): Target[] {
  const out: Target[] = [];
  for (const a of list) {
    const smtp = a.mailbox.email?.trim();
    if (!smtp || sameAddress({ email: organizer }, smtp) || out.some((t) => sameAddress({ email: t.smtp }, smtp))) continue;
    const resolved = core.resolve(smtp);
    if (resolved) out.push({ smtp, ...(resolved.isRoom ? { policy: roomPolicy(resolved.roomPolicy) } : {}) });
  }
  return out;
}

function draft(org: CalendarItemRecord, itemClass: DraftMessage['itemClass'], subject: string, extra: Partial<DraftMessage['meeting']> = {}): DraftMessage {
  return {
    itemClass,
    subject,
    body: org.body,
    from: org.organizer,
    to: org.requiredAttendees.map((a) => a.mailbox),
    cc: org.optionalAttendees.map((a) => a.mailbox),
    meeting: meetingInfo(org, extra),
  };
}

/** Puts one meeting message in one attendee's Inbox. */
function notify(core: StoreCore, smtp: string, d: DraftMessage): void {
  file(core, smtp, 'inbox', d);
}

function roomAnswer(core: StoreCore, organizer: string, org: CalendarItemRecord, room: string, accept: boolean, reason: string, originalStart?: string): void {
  const response = accept ? 'Accept' : 'Decline';
  recordResponse(core, organizer, org, room, response, originalStart);
  const from: EmailAddress = { name: core.resolve(room)?.name ?? room, email: room, routingType: 'SMTP', mailboxType: 'Mailbox' };
  file(core, organizer, 'inbox', responseDraft(from, org.organizer, org, response, reason, originalStart));
}

/** The Resource Booking Assistant processing a request or an update for one room. */
function bookRoom(core: StoreCore, organizer: string, org: CalendarItemRecord, room: string, policy: Required<RoomPolicy>, reevaluate: boolean): void {
  const existing = core.byUid(room, org.uid);
  if (existing && !reevaluate) {
    // Same times: refresh the booking's details, keep its declined occurrences and any truncation.
    const fresh = makeRoomCopy(core, room, org, policy, existing.deletedOccurrences, undefined);
    core.remove(existing.id);
    core.put(room, 'calendar', { ...fresh, id: existing.id, created: existing.created, ...(existing.recurrence ? { recurrence: existing.recurrence } : {}) });
    return;
  }
  const decision = evaluateBooking(core, room, policy, org);
  if (existing) core.remove(existing.id);
  if (decision.accept) core.put(room, 'calendar', makeRoomCopy(core, room, org, policy, decision.declinedOccurrences, decision.truncateAt));
  roomAnswer(core, organizer, org, room, decision.accept, decision.reason);
}

/** An ordinary attendee (or a room without AutoAccept): a tentative copy and a request in the Inbox. */
function invite(core: StoreCore, org: CalendarItemRecord, smtp: string, timeChanged: boolean, withCopy: boolean): void {
  let copyId: string | undefined;
  if (withCopy) {
    const existing = core.byUid(smtp, org.uid);
    if (existing) syncCopy(core, smtp, existing, org, timeChanged);
    const copy = existing ?? makeCopy(core, smtp, org);
    if (!existing) core.put(smtp, 'calendar', copy);
    copyId = copy.id;
  }
  notify(core, smtp, draft(org, 'IPM.Schedule.Meeting.Request', org.subject, copyId ? { associatedItemId: copyId } : {}));
}

export interface DistributeOptions extends SendPlan {
  /** The organizer's item before the update; absent for a new meeting. */
  readonly previous?: CalendarItemRecord;
  readonly timeChanged: boolean;
}

/** After CreateItem or UpdateItem of a single or a series by its organizer. */
export function distributeMeeting(core: StoreCore, organizer: string, org: CalendarItemRecord, o: DistributeOptions): void {
  // A meeting whose last attendee was just removed still owes that attendee a cancellation.
  if (!o.send || (!org.isMeeting && !o.previous?.isMeeting)) return;
  const before = o.previous ? targets(core, organizer, allAttendees(o.previous)) : [];
  const now = targets(core, organizer, allAttendees(org));
  const removed = before.filter((b) => !now.some((n) => sameAddress({ email: n.smtp }, b.smtp)));
  if (o.previous && removed.length > 0) cancelFor(core, organizer, o.previous, removed, false);
  org.appointmentSequenceNumber += o.previous ? 1 : 0;
  org.meetingRequestWasSent = true;
  for (const t of now) {
    const wasInvited = before.some((b) => sameAddress({ email: b.smtp }, t.smtp));
    if (o.onlyChanged && wasInvited) continue;
    if (t.policy?.automateProcessing === 'AutoAccept') bookRoom(core, organizer, org, t.smtp, t.policy, !wasInvited || o.timeChanged);
    else invite(core, org, t.smtp, o.timeChanged, t.policy?.automateProcessing !== 'None');
  }
  if (o.saveCopy) file(core, organizer, 'sentitems', draft(org, 'IPM.Schedule.Meeting.Request', org.subject));
  core.touch(organizer, org);
}

/** Cancellations to `who`: people keep a cancelled copy and get a message; rooms drop the booking. */
function cancelFor(core: StoreCore, organizer: string, org: CalendarItemRecord, who: readonly Target[], saveCopy: boolean, originalStart?: string): void {
  const occ = originalStart ? findByOriginalStart(org, originalStart) : undefined;
  const times = occ ? { start: occ.start, end: occ.end, originalStart: occ.originalStart } : {};
  const subject = canceledSubject(occ?.exception?.fields.subject ?? org.subject);
  for (const t of who) {
    const copy = core.byUid(t.smtp, org.uid);
    if (t.policy?.automateProcessing === 'AutoAccept') {
      if (copy && originalStart) dropOccurrence(core, t.smtp, copy, originalStart);
      else if (copy) core.remove(copy.id);
      continue;
    }
    if (copy) cancelCopy(core, t.smtp, copy, org, originalStart);
    notify(core, t.smtp, draft(org, 'IPM.Schedule.Meeting.Canceled', subject, { ...times, ...(copy ? { associatedItemId: copy.id } : {}) }));
  }
  if (saveCopy) file(core, organizer, 'sentitems', draft(org, 'IPM.Schedule.Meeting.Canceled', subject, times));
}

function dropOccurrence(core: StoreCore, mailbox: string, copy: CalendarItemRecord, originalStart: string): void {
  if (!copy.deletedOccurrences.includes(originalStart)) copy.deletedOccurrences.push(originalStart);
  copy.exceptions = copy.exceptions.filter((e) => e.originalStart !== originalStart);
  core.touch(mailbox, copy);
}

/** DeleteItem by the organizer with SendOnlyToAll/SendToAllAndSaveCopy: the series, a single, or one occurrence. */
export function cancelMeeting(core: StoreCore, organizer: string, org: CalendarItemRecord, plan: SendPlan, originalStart?: string): void {
  if (!plan.send || !org.isMeeting || org.myResponseType !== 'Organizer') return;
  org.appointmentSequenceNumber += 1;
  cancelFor(core, organizer, org, targets(core, organizer, allAttendees(org)), plan.saveCopy, originalStart);
}

/** Copies the organizer's exception onto an attendee's copy; a moved occurrence needs a new answer. */
function applyException(core: StoreCore, mailbox: string, copy: CalendarItemRecord, from: ExceptionRecord, timeChanged: boolean, subject?: string): void {
  const target = exceptionFor(core, mailbox, copy, from.originalStart);
  const { myResponseType: _m, legacyFreeBusy, ...fields } = structuredClone(from.fields);
  const previous = target.fields;
  target.fields = { ...fields, ...(subject !== undefined ? { subject } : {}) };
  if (timeChanged) {
    target.fields.myResponseType = 'NoResponseReceived';
    target.fields.legacyFreeBusy = 'Tentative';
  } else if (previous.myResponseType) {
    target.fields.myResponseType = previous.myResponseType;
    const status = previous.legacyFreeBusy ?? legacyFreeBusy;
    if (status) target.fields.legacyFreeBusy = status;
  }
  target.changeKey = core.newChangeKey(mailbox);
  target.lastModified = core.now();
  core.touch(mailbox, copy);
}

/** A room re-checks a moved occurrence on its own: free keeps it, a conflict declines that occurrence. */
function bookOccurrence(core: StoreCore, organizer: string, master: CalendarItemRecord, room: string, policy: Required<RoomPolicy>, ex: ExceptionRecord, timeChanged: boolean): void {
  const copy = core.byUid(room, master.uid);
  const occ = findByOriginalStart(master, ex.originalStart);
  if (!copy || !occ) return;
  const organizerName = master.organizer.name ?? master.organizer.email ?? '';
  const subject = ex.fields.subject !== undefined ? roomSubject(policy, ex.fields.subject, organizerName) : undefined;
  if (!timeChanged) return applyException(core, room, copy, ex, false, subject);
  const { recurrence: _series, ...rest } = master;
  const single: CalendarItemRecord = { ...rest, start: occ.start, end: occ.end, exceptions: [], deletedOccurrences: [] };
  const decision = evaluateBooking(core, room, policy, single);
  if (decision.accept) {
    applyException(core, room, copy, ex, false, subject);
    const target = exceptionFor(core, room, copy, ex.originalStart);
    target.fields.myResponseType = 'Accept';
    target.fields.legacyFreeBusy = ex.fields.legacyFreeBusy ?? master.legacyFreeBusy;
  } else dropOccurrence(core, room, copy, ex.originalStart);
  roomAnswer(core, organizer, master, room, decision.accept, decision.reason, ex.originalStart);
}

/** After UpdateItem of one occurrence by the organizer: the exception travels to every copy. */
export function distributeOccurrence(core: StoreCore, organizer: string, master: CalendarItemRecord, originalStart: string, o: SendPlan & { readonly timeChanged: boolean }): void {
  const ex = master.exceptions.find((e) => e.originalStart === originalStart);
  if (!o.send || !master.isMeeting || !ex) return;
  const f = ex.fields;
  const list = [...(f.requiredAttendees ?? master.requiredAttendees), ...(f.optionalAttendees ?? master.optionalAttendees), ...(f.resources ?? master.resources)];
  const occ = findByOriginalStart(master, originalStart);
  const info = { originalStart, ...(occ ? { start: occ.start, end: occ.end } : {}), ...(f.location !== undefined ? { location: f.location } : {}) };
  master.meetingRequestWasSent = true;
  for (const t of targets(core, organizer, list)) {
    const copy = core.byUid(t.smtp, master.uid);
    if (!copy) continue;
    if (t.policy?.automateProcessing === 'AutoAccept') {
      bookOccurrence(core, organizer, master, t.smtp, t.policy, ex, o.timeChanged);
      continue;
    }
    applyException(core, t.smtp, copy, ex, o.timeChanged);
    notify(core, t.smtp, draft(master, 'IPM.Schedule.Meeting.Request', f.subject ?? master.subject, { ...info, associatedItemId: copy.id }));
  }
  if (o.saveCopy) file(core, organizer, 'sentitems', draft(master, 'IPM.Schedule.Meeting.Request', f.subject ?? master.subject, info));
  core.touch(organizer, master);
}
