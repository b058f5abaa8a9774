import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../errors.js';
import type { CheckInMode, RoomsTable, Tables } from '../tables.js';
import { normalizeEmail } from './admins.js';

/** A room the admin added: a room mailbox, its list, and its check-in policy. */
export interface Room {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roomList: string | null;
  readonly capacity: number | null;
  readonly checkIn: { readonly mode: CheckInMode; readonly minutes: number };
  readonly createdAt: Date;
}

function toRoom(r: Selectable<RoomsTable>): Room {
  return { id: r.id, email: r.email, name: r.name, roomList: r.room_list, capacity: r.capacity, checkIn: { mode: r.check_in_mode, minutes: r.check_in_minutes }, createdAt: r.created_at };
}

export async function list(db: Kysely<Tables>): Promise<Room[]> {
  const rows = await db.selectFrom('rooms').selectAll().orderBy('name').orderBy('email').execute();
  return rows.map(toRoom);
}

export async function get(db: Kysely<Tables>, id: string): Promise<Room | undefined> {
  const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRoom(row) : undefined;
}

export async function byEmail(db: Kysely<Tables>, email: string): Promise<Room | undefined> {
  const row = await db.selectFrom('rooms').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row ? toRoom(row) : undefined;
}

export interface NewRoom {
  readonly email: string;
  readonly name: string;
  readonly roomList?: string | null;
  readonly capacity?: number | null;
}

/** Adds a room; undefined when a room with that address exists already. */
export async function create(db: Kysely<Tables>, room: NewRoom): Promise<Room | undefined> {
  try {
    const row = await db
      .insertInto('rooms')
      .values({ id: randomUUID(), email: normalizeEmail(room.email), name: room.name, room_list: room.roomList ?? null, capacity: room.capacity ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRoom(row);
  } catch (err) {
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

export interface RoomChange {
  readonly name?: string;
  readonly roomList?: string | null;
  readonly capacity?: number | null;
  readonly checkIn?: { readonly mode: CheckInMode; readonly minutes: number };
}

export async function update(db: Kysely<Tables>, id: string, change: RoomChange): Promise<Room | undefined> {
  const set = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.roomList !== undefined ? { room_list: change.roomList } : {}),
    ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
    ...(change.checkIn !== undefined ? { check_in_mode: change.checkIn.mode, check_in_minutes: change.checkIn.minutes } : {}),
  };
  if (Object.keys(set).length === 0) return get(db, id);
  const row = await db.updateTable('rooms').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? toRoom(row) : undefined;
}

/** Removes a room with its devices and check-in records; true when it existed. */
export async function remove(db: Kysely<Tables>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('rooms').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Rooms whose check-in policy is on (report or enforce): what the sweeper looks at. */
export async function withCheckIn(db: Kysely<Tables>): Promise<Room[]> {
  const rows = await db.selectFrom('rooms').selectAll().where('check_in_mode', '<>', 'off').execute();
  return rows.map(toRoom);
}
