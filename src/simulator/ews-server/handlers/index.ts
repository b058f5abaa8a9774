import type { Handler } from '../context.js';
import { convertId } from './convert-id.js';
import { createItem } from './create-item.js';
import { deleteItem } from './delete-item.js';
import { findItem } from './find-item.js';
import { getFolder } from './get-folder.js';
import { getItem } from './get-item.js';
import { getServerTimeZones } from './get-server-time-zones.js';
import { getUserAvailability } from './get-user-availability.js';
import { resolveNames } from './resolve-names.js';
import { getRoomLists, getRooms } from './rooms.js';
import { sendItem } from './send-item.js';
import { updateItem } from './update-item.js';

/** Every operation the simulator answers, by EWS operation name. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  ConvertId: convertId,
  CreateItem: createItem,
  DeleteItem: deleteItem,
  FindItem: findItem,
  GetFolder: getFolder,
  GetItem: getItem,
  GetRoomLists: getRoomLists,
  GetRooms: getRooms,
  GetServerTimeZones: getServerTimeZones,
  GetUserAvailability: getUserAvailability,
  ResolveNames: resolveNames,
  SendItem: sendItem,
  UpdateItem: updateItem,
};
