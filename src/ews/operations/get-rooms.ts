import { readEmailAddress } from '../schema/calendar-item-fields.js';
import type { EmailAddress } from '../schema/types.js';
import { AppError } from '../../shared/errors.js';
import { child, children, el, type XmlElement } from '../xml/index.js';
import { messageError, readResponseMessage } from './envelope.js';
import type { Operation, ParseContext } from './operation.js';

/**
 * GetRoomListsResponse and GetRoomsResponse are ResponseMessageType extensions: ResponseClass sits on
 * the response element itself, not in a ResponseMessages container (msdocs-getroomlists-ref.response.xml).
 */
function rootMessage(response: XmlElement, ctx: ParseContext) {
  const msg = readResponseMessage(response);
  if (msg.responseClass === 'Error') throw messageError(msg, ctx.operation, ctx.errors);
  return msg;
}

const NO_RESULTS = 'ErrorNameResolutionNoResults';

/**
 * GetRoomLists: the organization's room lists (distribution groups made with `-RoomList`), as
 * addresses. An organization without lists answers Success with none.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getroomlists-operation
 */
export const GetRoomLists: Operation<Record<string, never>, EmailAddress[]> = {
  name: 'GetRoomLists',
  minVersion: 'Exchange2010',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getroomlists-operation',
  idempotent: true,
  build() {
    return el('m:GetRoomLists');
  },
  parse(response: XmlElement, ctx: ParseContext) {
    rootMessage(response, ctx);
    return children(child(response, 'RoomLists'), 'Address').flatMap((a) => {
      const addr = readEmailAddress(a);
      return addr?.email ? [addr] : [];
    });
  },
};

export interface GetRoomsArgs {
  /** SMTP address of the room list. */
  readonly roomList: string;
}

/**
 * GetRooms: the rooms of one room list. A list Exchange does not know answers
 * ErrorNameResolutionNoResults, which is an empty answer here, not a failure.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getrooms-operation
 */
export const GetRooms: Operation<GetRoomsArgs, EmailAddress[]> = {
  name: 'GetRooms',
  minVersion: 'Exchange2010',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getrooms-operation',
  idempotent: true,
  build(a) {
    // RoomList/EmailAddress is a NonEmptyStringType: an empty one is a schema fault.
    if (a.roomList.trim() === '') throw new AppError('InvalidArgument', 'GetRooms: the room list address is empty.', 'Pass a room list address from GetRoomLists.');
    return el('m:GetRooms', el('m:RoomList', el('t:EmailAddress', a.roomList.trim())));
  },
  parse(response: XmlElement, ctx: ParseContext) {
    const msg = readResponseMessage(response);
    if (msg.responseCode === NO_RESULTS) return [];
    rootMessage(response, ctx);
    return children(child(response, 'Rooms'), 'Room').flatMap((r) => {
      const addr = readEmailAddress(child(r, 'Id'));
      return addr?.email ? [addr] : [];
    });
  },
};
