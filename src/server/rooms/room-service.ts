import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DeskOutcome, DeskResult, FoundRoom, RoomDesk, RoomStatus } from '../../assistant/dialog/rooms.js';
import type { EndChanged, RoomBooking, RoomProvider } from '../../providers/room-provider.js';
import { RoomProviderError } from '../../providers/room-provider.js';
import { auditLog, roomCheckIns, rooms as roomsRepo, type Json, type Tables } from '../../persistence/index.js';
import type { Room } from '../../persistence/repositories/rooms.js';
import type { CheckInRecord } from '../../persistence/repositories/room-check-ins.js';
import { buildStatus, eventKey, freeAgainAt, isoOf, EARLY_CHECK_IN_MS } from './status.js';

const MINUTE = 60_000;
/** Bookings made from a room start on the last 5-minute mark: 10:02 books 10:00. */
const ROUND_MS = 5 * MINUTE;
const ZONE_TTL_MS = 3_600_000;

/** Only the room's item changed (someone else's meeting): the end the organizer's own calendar still shows. */
const organizerEnd = (changed: EndChanged, before: RoomBooking): { organizerEnd?: string } => (changed === 'room_item' ? { organizerEnd: isoOf(Date.parse(before.end)) } : {});
/** The subject of bookings made in the room (the room's calendar shows the organizer by default anyway). */
export const WALK_IN_SUBJECT = 'Booked at the room';

export interface RoomServiceDeps {
  readonly db: Kysely<Tables>;
  readonly provider: RoomProvider;
  /** The current time; tests set a fixed one. */
  readonly clock: () => Date;
}

type Read = { bookings: readonly RoomBooking[]; limited: boolean; records: Map<string, CheckInRecord>; zone: string; status: RoomStatus };

/**
 * What a room can do (status, book, end, extend, check in, find another) over the room provider, with
 * every action written to the audit log. One per server instance; the room and the actor per call.
 */
export class RoomService {
  readonly #zones = new Map<string, { zone: string | undefined; at: number }>();

  constructor(readonly deps: RoomServiceDeps) {}

  now(): Date {
    return this.deps.clock();
  }

  /** The room mailbox's zone (cached an hour), else UTC. */
  async zoneOf(room: Room): Promise<string> {
    const hit = this.#zones.get(room.email);
    if (hit && Date.now() - hit.at < ZONE_TTL_MS) return hit.zone ?? 'UTC';
    const zone = await this.deps.provider.timeZone(room.email).catch(() => undefined);
    this.#zones.set(room.email, { zone, at: Date.now() });
    return zone ?? 'UTC';
  }

  async #read(room: Room, date?: string): Promise<Read> {
    const now = this.now();
    const zone = await this.zoneOf(room);
    const dayStart = (date ? DateTime.fromISO(date, { zone }) : DateTime.fromJSDate(now, { zone })).startOf('day');
    const day = { start: dayStart.toUTC().toISO()!, end: dayStart.plus({ days: 1 }).toUTC().toISO()! };
    // The day shown, and around now (a meeting running past midnight, the next one tomorrow morning).
    const window = { start: isoOf(Math.min(Date.parse(day.start), now.getTime() - 12 * 3_600_000)), end: isoOf(Math.max(Date.parse(day.end), now.getTime() + 24 * 3_600_000)) };
    const cal = await this.deps.provider.calendar(room.email, window);
    const rows = await roomCheckIns.between(this.deps.db, new Date(window.start), new Date(window.end), room.id);
    const records = new Map(rows.map((r) => [r.eventKey, r]));
    const status = buildStatus({ room: { id: room.id, name: room.name, email: room.email, timeZone: zone }, now, bookings: cal.bookings, records, checkIn: room.checkIn, day, limited: cal.source === 'freebusy' });
    return { bookings: cal.bookings, limited: cal.source === 'freebusy', records, zone, status };
  }

  async status(room: Room, date?: string): Promise<RoomStatus> {
    return (await this.#read(room, date)).status;
  }

  async #audit(actor: string, action: string, room: Room, result: string, detail: Record<string, Json>): Promise<void> {
    await auditLog.append(this.deps.db, { actor, action, target: room.email, result, detail: { room: room.name, ...detail } });
  }

  async #done(room: Room, outcome: DeskOutcome): Promise<DeskResult> {
    return { outcome, status: await this.status(room) };
  }

  /** Books the room from now for `minutes`; the room's booking rules answer. */
  async book(room: Room, minutes: number, actor: string): Promise<DeskResult> {
    const r = await this.#read(room);
    const now = this.now().getTime();
    const endedJustNow = r.bookings.map((b) => Date.parse(b.end)).filter((e) => e <= now);
    const start = Math.max(Math.floor(now / ROUND_MS) * ROUND_MS, ...endedJustNow);
    const end = start + minutes * MINUTE;
    const window = { start: isoOf(start), end: isoOf(end) };
    const made = await this.deps.provider.book({ email: room.email, name: room.name }, window, WALK_IN_SUBJECT, r.zone);
    await this.#audit(actor, 'room.book', room, made.answer, { start: window.start, end: window.end, minutes });
    if (made.answer === 'declined') {
      const clash = r.bookings.filter((b) => Date.parse(b.start) < end && Date.parse(b.end) > start);
      const freeAt = clash.length ? freeAgainAt(r.bookings, Math.min(...clash.map((b) => Date.parse(b.start)))) : undefined;
      return this.#done(room, { kind: 'book_declined', ...window, ...(freeAt !== undefined ? { freeAt: isoOf(freeAt) } : {}) });
    }
    // Booked at the room by someone in it: they are here, so the booking counts as checked in.
    await roomCheckIns.claim(this.deps.db, { roomId: room.id, eventKey: eventKey(made.booking), subject: made.booking.subject, organizer: made.booking.organizer?.email ?? null, startsAt: new Date(start), endsAt: new Date(end), state: 'checked_in', at: new Date(now), by: actor });
    return this.#done(room, { kind: 'booked', answer: made.answer, ...window });
  }

  /** Ends the current meeting now: its booking is shortened to this minute. */
  async end(room: Room, actor: string): Promise<DeskResult> {
    const r = await this.#read(room);
    const now = this.now().getTime();
    const current = r.bookings.find((b) => Date.parse(b.start) <= now && Date.parse(b.end) > now);
    if (!current) return { outcome: { kind: 'nothing_to_end' }, status: r.status };
    const end = Math.max(Date.parse(current.start) + MINUTE, Math.floor(now / MINUTE) * MINUTE);
    const booking = r.status.current!;
    const changed = await this.#change(room, current, end, r.zone, actor, 'room.end');
    if (!changed) return { outcome: { kind: 'not_changeable' }, status: r.status };
    return this.#done(room, { kind: 'ended', booking: { ...booking, end: isoOf(end) }, ...organizerEnd(changed, current) });
  }

  /** Extends the current meeting by `minutes` when the room is free for that time. */
  async extend(room: Room, minutes: number, actor: string): Promise<DeskResult> {
    const r = await this.#read(room);
    const now = this.now().getTime();
    const current = r.bookings.find((b) => Date.parse(b.start) <= now && Date.parse(b.end) > now);
    if (!current) return { outcome: { kind: 'nothing_to_extend' }, status: r.status };
    const from = Date.parse(current.end);
    const end = from + minutes * MINUTE;
    const clash = r.bookings.filter((b) => b !== current && Date.parse(b.start) < end && Date.parse(b.end) > from).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    if (clash) {
      await this.#audit(actor, 'room.extend', room, 'refused', { booking: eventKey(current), minutes, freeUntil: isoOf(Math.max(from, Date.parse(clash.start))) });
      const next = r.status.day.find((b) => b.id === eventKey(clash)) ?? r.status.next;
      return { outcome: { kind: 'extend_refused', freeUntil: isoOf(Math.max(from, Date.parse(clash.start))), ...(next ? { next } : {}) }, status: r.status };
    }
    const booking = r.status.current!;
    const changed = await this.#change(room, current, end, r.zone, actor, 'room.extend');
    if (!changed) return { outcome: { kind: 'not_changeable' }, status: r.status };
    return this.#done(room, { kind: 'extended', booking: { ...booking, end: isoOf(end) }, end: isoOf(end), ...organizerEnd(changed, current) });
  }

  /** What changed (undefined: nothing could be). */
  async #change(room: Room, booking: RoomBooking, end: number, zone: string, actor: string, action: string): Promise<EndChanged | undefined> {
    const detail = { booking: eventKey(booking), subject: booking.subject, from: isoOf(Date.parse(booking.end)), to: isoOf(end) };
    let changed: EndChanged;
    try {
      changed = await this.deps.provider.changeEnd(room.email, booking, isoOf(end), zone);
    } catch (err) {
      await this.#audit(actor, action, room, 'failed', { ...detail, error: err instanceof Error ? err.message : String(err) });
      if (err instanceof RoomProviderError) return undefined;
      throw err;
    }
    await this.#audit(actor, action, room, 'ok', { ...detail, changed });
    return changed;
  }

  /** Checks in to the current booking (or one starting within five minutes). */
  async checkIn(room: Room, actor: string): Promise<DeskResult> {
    const r = await this.#read(room);
    const now = this.now().getTime();
    const target = r.bookings.find((b) => Date.parse(b.start) - EARLY_CHECK_IN_MS <= now && Date.parse(b.end) > now);
    if (!target) return { outcome: { kind: 'nothing_to_check_in' }, status: r.status };
    const key = eventKey(target);
    const claimed = await roomCheckIns.claim(this.deps.db, { roomId: room.id, eventKey: key, subject: target.subject, organizer: target.organizer?.email ?? null, startsAt: new Date(target.start), endsAt: new Date(target.end), state: 'checked_in', at: new Date(now), by: actor });
    const record = claimed ? undefined : await roomCheckIns.get(this.deps.db, room.id, key);
    const booking = { ...(r.status.day.find((b) => b.id === key) ?? r.status.current ?? r.status.next!), checkedIn: true };
    if (record?.state === 'released') return { outcome: { kind: 'already_released', booking: { ...booking, checkedIn: false, released: true } }, status: r.status };
    if (claimed) await this.#audit(actor, 'room.check_in', room, 'ok', { booking: key, subject: target.subject, start: isoOf(Date.parse(target.start)) });
    return this.#done(room, { kind: 'checked_in', booking });
  }

  /** Rooms free from now (or `from`) for `minutes`: the asking room's list first, then by name. */
  async find(minutes: number, asking?: Room, from?: string): Promise<FoundRoom[]> {
    const now = from ? Date.parse(from) : this.now().getTime();
    const window = { start: isoOf(now), end: isoOf(now + minutes * MINUTE) };
    const all = await roomsRepo.list(this.deps.db);
    const busy = await this.deps.provider.busy(all.map((r) => r.email), window);
    const free = all.filter((r) => {
      const b = busy.get(r.email);
      return b !== undefined && !b.some((w) => Date.parse(w.start) < now + minutes * MINUTE && Date.parse(w.end) > now);
    });
    const sameList = (r: Room) => (asking?.roomList && r.roomList === asking.roomList ? 0 : 1);
    free.sort((a, b) => sameList(a) - sameList(b) || a.name.localeCompare(b.name));
    return free.map((r) => ({ name: r.name, email: r.email, ...(r.roomList ? { roomList: r.roomList } : {}), ...(r.capacity ? { capacity: r.capacity } : {}) }));
  }

  /** The room's desk for the dialog, acting as `actor`. */
  desk(room: Room, actor: string): RoomDesk {
    return {
      status: (day) => this.status(room, day),
      book: (minutes) => this.book(room, minutes, actor),
      end: () => this.end(room, actor),
      extend: (minutes) => this.extend(room, minutes, actor),
      checkIn: () => this.checkIn(room, actor),
      find: (minutes, from) => this.find(minutes, room, from),
    };
  }
}
