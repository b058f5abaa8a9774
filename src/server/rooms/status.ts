import type { Booking, CheckInMode, RoomStatus } from '../../assistant/dialog/rooms.js';
import type { RoomBooking } from '../../providers/room-provider.js';
import type { CheckInRecord } from '../../persistence/repositories/room-check-ins.js';

/** The display warns this long before the current meeting ends. */
export const ENDING_SOON_MS = 5 * 60_000;
/** A check-in is accepted this long before a booking starts. */
export const EARLY_CHECK_IN_MS = 5 * 60_000;

const t = (iso: string) => Date.parse(iso);
export const isoOf = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Identifies a booking across reads and instances: its UID (or id) and its start. */
export function eventKey(b: RoomBooking): string {
  return `${b.uid ?? b.id ?? `freebusy:${b.end}`}|${isoOf(t(b.start))}`;
}

export function toBooking(b: RoomBooking, record: CheckInRecord | undefined): Booking {
  return {
    id: eventKey(b),
    subject: b.subject,
    ...(b.organizer ? { organizer: { ...(b.organizer.name ? { name: b.organizer.name } : {}), ...(b.organizer.email ? { email: b.organizer.email } : {}) } } : {}),
    start: isoOf(t(b.start)),
    end: isoOf(t(b.end)),
    checkedIn: record?.state === 'checked_in',
    released: record?.state === 'released',
  };
}

/** When the room is free again after `from`: the end of the run of bookings that touch or overlap it. */
export function freeAgainAt(bookings: readonly { start: string; end: string }[], from: number): number {
  let until = from;
  for (let moved = true; moved; ) {
    moved = false;
    for (const b of bookings) {
      if (t(b.start) <= until && t(b.end) > until) {
        until = t(b.end);
        moved = true;
      }
    }
  }
  return until;
}

export interface StatusInput {
  readonly room: RoomStatus['room'];
  readonly now: Date;
  readonly bookings: readonly RoomBooking[];
  readonly records: ReadonlyMap<string, CheckInRecord>;
  readonly checkIn: { readonly mode: CheckInMode; readonly minutes: number };
  /** The day shown; bookings outside it are used for "now" only. */
  readonly day: { readonly start: string; readonly end: string };
  readonly limited: boolean;
}

/** RoomStatus from the room's bookings and what the check-in policy recorded. */
export function buildStatus(i: StatusInput): RoomStatus {
  const now = i.now.getTime();
  const all = [...i.bookings].sort((a, b) => t(a.start) - t(b.start)).map((b) => ({ raw: b, view: toBooking(b, i.records.get(eventKey(b))) }));
  const current = all.find((b) => t(b.raw.start) <= now && t(b.raw.end) > now);
  const next = all.find((b) => t(b.raw.start) > now);
  const day = all.filter((b) => t(b.raw.end) > t(i.day.start) && t(b.raw.start) < t(i.day.end)).map((b) => b.view);
  const target = current ?? (next && t(next.raw.start) - now <= EARLY_CHECK_IN_MS ? next : undefined);
  const deadline = target ? t(target.raw.start) + i.checkIn.minutes * 60_000 : undefined;
  const required = i.checkIn.mode !== 'off' && !!target && !target.view.checkedIn && !target.view.released && deadline !== undefined && now < deadline;
  return {
    room: i.room,
    now: isoOf(now),
    state: current ? 'busy' : 'free',
    ...(current ? { current: current.view, busyUntil: isoOf(freeAgainAt(i.bookings, now)) } : {}),
    ...(next ? { next: next.view } : {}),
    ...(!current && next ? { freeUntil: next.view.start } : {}),
    endingSoon: !!current && t(current.raw.end) - now <= ENDING_SOON_MS,
    checkIn: { mode: i.checkIn.mode, minutes: i.checkIn.minutes, required, ...(required && deadline !== undefined ? { deadline: isoOf(deadline) } : {}) },
    day,
    ...(i.limited ? { limited: true } : {}),
  };
}
