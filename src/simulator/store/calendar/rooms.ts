/**
 * The Resource Booking Assistant's decision for a room with AutomateProcessing AutoAccept: is the
 * request in policy, and is the room free? Defaults and meanings follow Set-CalendarProcessing
 * (learn.microsoft.com/powershell/module/exchange/set-calendarprocessing).
 */
import { DateTime } from 'luxon';
import type { CalendarItemRecord, RoomPolicy } from './model.js';
import type { StoreCore } from './core.js';
import { entriesInWindow } from './calendar-view.js';
import { isDeleted, walkSeries } from './series.js';
import { ianaZone, ms, overlaps } from './time.js';

export const DEFAULT_ROOM_POLICY: Required<RoomPolicy> = {
  automateProcessing: 'AutoAccept',
  bookingWindowInDays: 180,
  maximumDurationInMinutes: 1440,
  allowConflicts: false,
  allowRecurringMeetings: true,
  enforceSchedulingHorizon: true,
  conflictPercentageAllowed: 0,
  maximumConflictInstances: 0,
  deleteSubject: true,
  addOrganizerToSubject: true,
  deleteComments: true,
  removePrivateProperty: true,
};

export function roomPolicy(p: RoomPolicy | undefined): Required<RoomPolicy> {
  return { ...DEFAULT_ROOM_POLICY, ...(p ?? {}) };
}

export interface BookingDecision {
  readonly accept: boolean;
  /** Why, in the words the response message carries. */
  readonly reason: string;
  /** Occurrences declined inside an accepted series (within the conflict allowances), by original start. */
  readonly declinedOccurrences: readonly string[];
  /** EnforceSchedulingHorizon=false: the room books the series only up to this local date. */
  readonly truncateAt?: string;
}

interface Slot {
  readonly start: number;
  readonly end: number;
  readonly originalStart?: string;
}

const decline = (reason: string): BookingDecision => ({ accept: false, reason, declinedOccurrences: [] });

/** The meeting's times the room must hold: a single's one slot, or a series' occurrences inside the window. */
function slots(meeting: CalendarItemRecord, horizon: number): { inWindow: Slot[]; beyond: boolean } {
  if (!meeting.recurrence) {
    const start = ms(meeting.start);
    return start >= horizon ? { inWindow: [], beyond: true } : { inWindow: [{ start, end: ms(meeting.end) }], beyond: false };
  }
  const inWindow: Slot[] = [];
  for (const occ of walkSeries(meeting)) {
    if (isDeleted(meeting, occ.originalStart)) continue;
    if (ms(occ.start) >= horizon) return { inWindow, beyond: true };
    inWindow.push({ start: ms(occ.start), end: ms(occ.end), originalStart: occ.originalStart });
  }
  return { inWindow, beyond: false };
}

/** Does an item already in the room's calendar (another meeting, not cancelled, not free) overlap the slot? */
function conflicts(core: StoreCore, room: string, uid: string, slot: Slot): boolean {
  return entriesInWindow(core, room, 'calendar', slot.start, slot.end).some(
    (e) => e.uid !== uid && !e.isCancelled && e.legacyFreeBusy !== 'Free' && overlaps(ms(e.start), ms(e.end), slot.start, slot.end),
  );
}

/**
 * Decides a room's answer to `meeting`. Out of policy (too long, recurring when not allowed, beyond the
 * booking window) declines outright; a series reaching past the window declines unless
 * EnforceSchedulingHorizon is off, which books it up to the window's end instead. Conflicts decline,
 * except a series may keep up to MaximumConflictInstances and ConflictPercentageAllowed of them.
 */
export function evaluateBooking(core: StoreCore, room: string, policy: Required<RoomPolicy>, meeting: CalendarItemRecord): BookingDecision {
  const minutes = (ms(meeting.end) - ms(meeting.start)) / 60_000;
  if (minutes > policy.maximumDurationInMinutes) return decline(`The meeting is longer than the ${policy.maximumDurationInMinutes} minutes allowed.`);
  if (meeting.recurrence && !policy.allowRecurringMeetings) return decline('Recurring meetings are not allowed.');
  const horizon = core.nowMs() + policy.bookingWindowInDays * 86_400_000;
  const { inWindow, beyond } = slots(meeting, horizon);
  if (inWindow.length === 0) return decline(`The meeting is beyond the booking window of ${policy.bookingWindowInDays} days.`);
  let truncateAt: string | undefined;
  if (beyond && meeting.recurrence) {
    if (policy.enforceSchedulingHorizon) return decline(`The recurring meeting extends beyond the booking window of ${policy.bookingWindowInDays} days.`);
    truncateAt = DateTime.fromMillis(horizon, { zone: ianaZone(meeting.startTimeZone) }).toISODate() ?? undefined;
  }
  const conflicting = policy.allowConflicts ? [] : inWindow.filter((slot) => conflicts(core, room, meeting.uid, slot));
  if (conflicting.length === 0) return { accept: true, reason: 'Your request was accepted.', declinedOccurrences: [], ...(truncateAt ? { truncateAt } : {}) };
  const share = (conflicting.length * 100) / inWindow.length;
  const tolerated = meeting.recurrence && conflicting.length <= policy.maximumConflictInstances && share <= policy.conflictPercentageAllowed;
  if (!tolerated) return decline(`The room is already booked for ${conflicting.length} of ${inWindow.length} requested time(s).`);
  return {
    accept: true,
    reason: `Your request was accepted; ${conflicting.length} conflicting occurrence(s) were declined.`,
    declinedOccurrences: conflicting.flatMap((s) => (s.originalStart ? [s.originalStart] : [])),
    ...(truncateAt ? { truncateAt } : {}),
  };
}

/** The subject the room's calendar shows: by default the organizer's name instead of the subject. */
export function roomSubject(policy: Required<RoomPolicy>, subject: string, organizerName: string): string {
  if (policy.deleteSubject) return policy.addOrganizerToSubject ? organizerName : '';
  return policy.addOrganizerToSubject ? `${organizerName} ${subject}`.trim() : subject;
}
