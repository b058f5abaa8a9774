/**
 * GetUserAvailability's free/busy for one mailbox: the merged string (one digit per interval) and the
 * busy events behind it, occurrences expanded (web-service-reference/mergedfreebusy, calendarevent).
 */
import type { LegacyFreeBusy } from '../../../ews/schema/types.js';
import type { StoreCore } from './core.js';
import { entriesInWindow } from './calendar-view.js';
import { StoreError } from './errors.js';
import { ms, overlaps, parseInstant } from './time.js';

/** MergedFreeBusy digits: 0 Free, 1 Tentative, 2 Busy, 3 OOF, 4 WorkingElsewhere, 5 NoData. */
const DIGIT: Record<LegacyFreeBusy, string> = { Free: '0', Tentative: '1', Busy: '2', OOF: '3', WorkingElsewhere: '4', NoData: '5' };

/**
 * Which status wins when items overlap in one interval. OOF and Busy block time outright; Tentative
 * may; WorkingElsewhere only says where the person is, so it yields to all three.
 */
const RANK: Record<LegacyFreeBusy, number> = { Free: 0, NoData: 0, WorkingElsewhere: 1, Tentative: 2, Busy: 3, OOF: 4 };

export interface BusyEventDetails {
  readonly id: string;
  readonly subject: string;
  readonly location: string;
  readonly isMeeting: boolean;
  readonly isRecurring: boolean;
  readonly isException: boolean;
  readonly isReminderSet: boolean;
  readonly isPrivate: boolean;
}

export interface BusyEvent {
  readonly start: string;
  readonly end: string;
  readonly busyType: LegacyFreeBusy;
  /** For the Detailed views; the server hides it when the requester may only see free/busy. */
  readonly details: BusyEventDetails;
}

export interface FreeBusyResult {
  readonly mergedFreeBusy: string;
  readonly events: readonly BusyEvent[];
}

/**
 * Free/busy of `mailbox` over [start, end) in `intervalMinutes` slots. Free and cancelled items are
 * not events (Exchange leaves them out of CalendarEventArray); a slot shows the strongest status of
 * the events overlapping it. The 42-day limit of GetUserAvailability is the server's to check.
 */
export function freeBusy(core: StoreCore, mailbox: string, start: string, end: string, intervalMinutes: number): FreeBusyResult {
  const s = parseInstant(start);
  const e = parseInstant(end);
  if (e < s) throw new StoreError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndTime is earlier than StartTime.');
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < 1) throw new StoreError('ErrorInvalidRequest', 'The merged free/busy interval must be a positive number of minutes.');
  const events: BusyEvent[] = entriesInWindow(core, mailbox, 'calendar', s, e)
    .filter((x) => !x.isCancelled && x.legacyFreeBusy !== 'Free' && x.legacyFreeBusy !== 'NoData')
    .map((x) => ({
      start: x.start,
      end: x.end,
      busyType: x.legacyFreeBusy,
      details: {
        id: x.id,
        subject: x.subject,
        location: x.location,
        isMeeting: x.isMeeting,
        isRecurring: x.isRecurring,
        isException: x.calendarItemType === 'Exception',
        isReminderSet: x.reminderIsSet,
        isPrivate: x.sensitivity === 'Private',
      },
    }));
  const step = intervalMinutes * 60_000;
  let merged = '';
  for (let t = s; t < e; t += step) {
    let best: LegacyFreeBusy = 'Free';
    for (const ev of events) {
      if (overlaps(ms(ev.start), ms(ev.end), t, Math.min(t + step, e)) && RANK[ev.busyType] > RANK[best]) best = ev.busyType;
    }
    merged += DIGIT[best];
  }
  return { mergedFreeBusy: merged, events };
}
