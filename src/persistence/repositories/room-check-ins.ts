import type { Kysely, Selectable } from 'kysely';
import type { CheckInState, RoomCheckInsTable, Tables } from '../tables.js';

/** What the check-in policy recorded about one booking. */
export interface CheckInRecord {
  readonly roomId: string;
  /** The booking's identity across reads: its UID (or id) and start. */
  readonly eventKey: string;
  readonly subject: string | null;
  readonly organizer: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly state: CheckInState;
  readonly at: Date;
  readonly by: string | null;
}

function toRecord(r: Selectable<RoomCheckInsTable>): CheckInRecord {
  return { roomId: r.room_id, eventKey: r.event_key, subject: r.subject, organizer: r.organizer, startsAt: r.starts_at, endsAt: r.ends_at, state: r.state, at: r.at, by: r.by };
}

export interface CheckInClaim {
  readonly roomId: string;
  readonly eventKey: string;
  readonly subject?: string | null;
  readonly organizer?: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly state: CheckInState;
  readonly at: Date;
  readonly by?: string | null;
}

/**
 * Records a booking's fate once across all instances (INSERT … ON CONFLICT DO NOTHING RETURNING): true
 * for exactly one caller. A check-in and a release race here, and the database picks one.
 */
export async function claim(db: Kysely<Tables>, c: CheckInClaim): Promise<boolean> {
  const row = await db
    .insertInto('room_check_ins')
    .values({ room_id: c.roomId, event_key: c.eventKey, subject: c.subject ?? null, organizer: c.organizer ?? null, starts_at: c.startsAt, ends_at: c.endsAt, state: c.state, at: c.at, by: c.by ?? null })
    .onConflict((oc) => oc.columns(['room_id', 'event_key']).doNothing())
    .returning('event_key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a claim back (a release Exchange refused), so a later sweep may try again. */
export async function unclaim(db: Kysely<Tables>, roomId: string, eventKey: string): Promise<void> {
  await db.deleteFrom('room_check_ins').where('room_id', '=', roomId).where('event_key', '=', eventKey).execute();
}

export async function get(db: Kysely<Tables>, roomId: string, eventKey: string): Promise<CheckInRecord | undefined> {
  const row = await db.selectFrom('room_check_ins').selectAll().where('room_id', '=', roomId).where('event_key', '=', eventKey).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Records of bookings starting in [from, to), per room when given, oldest first. */
export async function between(db: Kysely<Tables>, from: Date, to: Date, roomId?: string): Promise<CheckInRecord[]> {
  let q = db.selectFrom('room_check_ins').selectAll().where('starts_at', '>=', from).where('starts_at', '<', to);
  if (roomId !== undefined) q = q.where('room_id', '=', roomId);
  const rows = await q.orderBy('starts_at').orderBy('room_id').execute();
  return rows.map(toRecord);
}
