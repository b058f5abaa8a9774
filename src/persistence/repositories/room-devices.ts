import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../errors.js';
import type { RoomDevicesTable, Tables } from '../tables.js';
import { hashToken, newToken } from '../tokens.js';

/** Where a room's requests come from; never carries a display's token or CSRF token. */
export interface RoomDevice {
  readonly id: string;
  readonly roomId: string;
  readonly kind: 'alexa' | 'display';
  readonly label: string | null;
  readonly createdAt: Date;
  readonly lastSeenAt: Date | null;
}

function toDevice(r: Selectable<RoomDevicesTable>): RoomDevice {
  return { id: r.id, roomId: r.room_id, kind: r.kind, label: r.label, createdAt: r.created_at, lastSeenAt: r.last_seen_at };
}

export async function listFor(db: Kysely<Tables>, roomIds: readonly string[]): Promise<RoomDevice[]> {
  if (roomIds.length === 0) return [];
  const rows = await db.selectFrom('room_devices').selectAll().where('room_id', 'in', roomIds).orderBy('created_at').execute();
  return rows.map(toDevice);
}

/** Places an Alexa device in a room; undefined when that device is placed already (in any room). */
export async function addAlexa(db: Kysely<Tables>, roomId: string, deviceId: string, label?: string): Promise<RoomDevice | undefined> {
  try {
    const row = await db.insertInto('room_devices').values({ id: randomUUID(), room_id: roomId, kind: 'alexa', device_key: deviceId, label: label ?? null }).returningAll().executeTakeFirstOrThrow();
    return toDevice(row);
  } catch (err) {
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

/** Adds a room display. The token is returned once, for the admin to open on the display; only its hash is kept. */
export async function addDisplay(db: Kysely<Tables>, roomId: string, label?: string): Promise<{ device: RoomDevice; token: string }> {
  const token = newToken();
  const row = await db.insertInto('room_devices').values({ id: randomUUID(), room_id: roomId, kind: 'display', device_key: hashToken(token), label: label ?? null }).returningAll().executeTakeFirstOrThrow();
  return { device: toDevice(row), token };
}

export async function remove(db: Kysely<Tables>, roomId: string, deviceId: string): Promise<boolean> {
  const r = await db.deleteFrom('room_devices').where('id', '=', deviceId).where('room_id', '=', roomId).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** The room an Alexa device is placed in (for the skill's room context). */
export async function roomOfAlexa(db: Kysely<Tables>, deviceId: string): Promise<{ deviceId: string; roomId: string } | undefined> {
  const row = await db.selectFrom('room_devices').select(['id', 'room_id']).where('kind', '=', 'alexa').where('device_key', '=', deviceId).executeTakeFirst();
  return row ? { deviceId: row.id, roomId: row.room_id } : undefined;
}

/**
 * Starts a display session: the display's token (from `/display#token=…`) is checked against its hash,
 * and a fresh CSRF token for its writes replaces the previous one. Undefined for an unknown token.
 */
export async function openDisplay(db: Kysely<Tables>, token: string, now: Date = new Date()): Promise<{ device: RoomDevice; csrfToken: string } | undefined> {
  const csrfToken = newToken();
  const row = await db.updateTable('room_devices').set({ csrf_token: csrfToken, last_seen_at: now }).where('kind', '=', 'display').where('device_key', '=', hashToken(token)).returningAll().executeTakeFirst();
  return row ? { device: toDevice(row), csrfToken } : undefined;
}

/** The display a session cookie (its token) belongs to, with its CSRF token for comparison. */
export async function displayByToken(db: Kysely<Tables>, token: string): Promise<{ device: RoomDevice; csrfToken: string | null } | undefined> {
  const row = await db.selectFrom('room_devices').selectAll().where('kind', '=', 'display').where('device_key', '=', hashToken(token)).executeTakeFirst();
  return row ? { device: toDevice(row), csrfToken: row.csrf_token } : undefined;
}

export async function touch(db: Kysely<Tables>, deviceId: string, now: Date = new Date()): Promise<void> {
  await db.updateTable('room_devices').set({ last_seen_at: now }).where('id', '=', deviceId).execute();
}

/** Constant-time comparison of a submitted CSRF token with the display's. */
export function csrfMatches(expected: string | null, submitted: string | undefined): boolean {
  if (!expected || submitted === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(submitted, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
