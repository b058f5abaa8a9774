import { child, el, text, type XmlElement } from '../../../ews/xml/index.js';
import type { EwsContext } from '../context.js';
import { address, byDisplayName, directoryAddress, isRoom } from './directory-xml.js';
import { rootResponse, type RootResponse } from './root-response.js';

/**
 * Room lists. Exchange's room lists are distribution groups made with `New-DistributionGroup -RoomList`;
 * the simulated directory has no groups yet, so the server offers one list, "All Rooms"
 * <allrooms@{domain}>, holding every RoomMailbox. With no rooms it still answers Success with an empty
 * RoomLists, as Exchange does for an organization without lists (msdocs-getroomlists-ref-2.response.xml).
 */
export const ALL_ROOMS_NAME = 'All Rooms';

export const allRoomsAddress = (ctx: EwsContext): string => `allrooms@${ctx.exchange.directory.domain}`;

/** GetRoomLists (https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getroomlists-operation). */
export function getRoomLists(ctx: EwsContext): RootResponse {
  const hasRooms = ctx.exchange.directory.mailboxes().some(isRoom);
  // Room lists are distribution groups: MailboxType PublicDL (msdocs-getroomlists-ref.response.xml).
  const lists = hasRooms ? [address('t:Address', ALL_ROOMS_NAME, allRoomsAddress(ctx), 'PublicDL')] : [];
  return rootResponse('Success', 'NoError', el('m:RoomLists', lists.length > 0 ? lists : undefined));
}

/**
 * GetRooms (https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getrooms-operation):
 * the rooms of a list, by display name; a list that does not exist is ErrorNameResolutionNoResults with
 * the root's class Error (msdocs-getrooms-ref-error-noresults.response.xml).
 */
export function getRooms(ctx: EwsContext, body: XmlElement): RootResponse {
  const wanted = (text(child(body, 'RoomList'), 'EmailAddress') ?? '').trim().toLowerCase();
  const rooms = ctx.exchange.directory.mailboxes().filter(isRoom);
  if (wanted !== allRoomsAddress(ctx).toLowerCase() || rooms.length === 0) {
    return rootResponse('Error', 'ErrorNameResolutionNoResults', undefined, 'No results were found.');
  }
  const entries = [...rooms].sort(byDisplayName).map((m) => el('t:Room', directoryAddress('t:Id', m)));
  return rootResponse('Success', 'NoError', el('m:Rooms', entries));
}
