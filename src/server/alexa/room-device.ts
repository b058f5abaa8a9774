import type { Kysely } from 'kysely';
import { roomDevices, rooms, type Tables } from '../../persistence/index.js';
import type { AlexaRoomRef } from './turn.js';

/**
 * The room an Echo stands in: an administrator registered its device id (`context.System.device.deviceId`)
 * under Rooms (room_devices, kind 'alexa'). Records that the device was heard, for the console's
 * "last seen". Undefined for any other device.
 */
export async function roomForAlexaDevice(db: Kysely<Tables>, deviceId: string, now: Date = new Date()): Promise<AlexaRoomRef | undefined> {
  const placed = await roomDevices.roomOfAlexa(db, deviceId);
  if (!placed) return undefined;
  const [room] = await Promise.all([rooms.get(db, placed.roomId), roomDevices.touch(db, placed.deviceId, now)]);
  return room ? { id: room.id, email: room.email, name: room.name } : undefined;
}
