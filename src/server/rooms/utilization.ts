import type { Kysely } from 'kysely';
import type { RoomProvider } from '../../providers/room-provider.js';
import { roomCheckIns, rooms as roomsRepo, type Tables } from '../../persistence/index.js';
import { eventKey } from './status.js';
import { csvRow } from '../csv-export.js';

export interface RoomUtilization {
  readonly roomId: string;
  readonly name: string;
  /** Hours reserved: bookings in the calendar plus bookings released for want of a check-in. */
  readonly bookedHours: number;
  /** Hours of bookings someone checked into. */
  readonly attendedHours: number;
  /** Hours given back by releases (from the release to the booking's end). */
  readonly releasedHours: number;
  /** Released hours that were booked again. */
  readonly recoveredHours: number;
}

const HOUR = 3_600_000;
const round = (ms: number) => Math.round((ms / HOUR) * 100) / 100;
const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Utilization of every room over [from, to), from its calendar and the check-in records. */
export async function utilization(db: Kysely<Tables>, provider: RoomProvider, from: Date, to: Date): Promise<RoomUtilization[]> {
  const f = from.getTime();
  const t = to.getTime();
  const out: RoomUtilization[] = [];
  for (const room of await roomsRepo.list(db)) {
    const cal = await provider.calendar(room.email, { start: from.toISOString(), end: to.toISOString() });
    const records = await roomCheckIns.between(db, new Date(f - 24 * HOUR), to, room.id);
    const byKey = new Map(records.map((r) => [r.eventKey, r]));
    let booked = 0;
    let attended = 0;
    for (const b of cal.bookings) {
      const d = overlap(Date.parse(b.start), Date.parse(b.end), f, t);
      booked += d;
      if (byKey.get(eventKey(b))?.state === 'checked_in') attended += d;
    }
    let released = 0;
    let recovered = 0;
    for (const r of records.filter((x) => x.state === 'released')) {
      const s = r.startsAt.getTime();
      const e = r.endsAt.getTime();
      booked += overlap(s, e, f, t);
      const freedFrom = Math.max(s, r.at.getTime());
      released += overlap(freedFrom, e, f, t);
      for (const b of cal.bookings) recovered += overlap(Math.max(freedFrom, f), Math.min(e, t), Date.parse(b.start), Date.parse(b.end));
    }
    out.push({ roomId: room.id, name: room.name, bookedHours: round(booked), attendedHours: round(attended), releasedHours: round(released), recoveredHours: round(recovered) });
  }
  return out;
}

export function utilizationCsv(rows: readonly RoomUtilization[]): string {
  const head = 'roomId,name,bookedHours,attendedHours,releasedHours,recoveredHours';
  return `${head}\r\n${rows.map((r) => csvRow([r.roomId, r.name, r.bookedHours, r.attendedHours, r.releasedHours, r.recoveredHours])).join('')}`;
}
