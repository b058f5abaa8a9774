import { readCalendarItem } from '../schema/calendar-item-fields.js';
import type { CalendarItem } from '../schema/types.js';
import { child, children, el, els, type XmlElement } from '../xml/index.js';
import { writeItemId, writeItemShape, type BaseShape, type ItemRef } from './common.js';
import { messageError, responseMessages } from './envelope.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';

export interface GetItemArgs {
  readonly ids: readonly ItemRef[];
  readonly baseShape?: BaseShape;
  readonly fields: readonly (keyof CalendarItem)[];
}

/**
 * GetItem for calendar items, many ids per call; one result per id, in order.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getitem-operation-calendar-item
 */
export const GetItem: Operation<GetItemArgs, ItemResult<CalendarItem>[]> = {
  name: 'GetItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getitem-operation-calendar-item',
  idempotent: true,
  build(a) {
    return el('m:GetItem', els(writeItemShape('m:ItemShape', a.baseShape ?? 'IdOnly', a.fields), el('m:ItemIds', a.ids.map(writeItemId))));
  },
  parse(response: XmlElement, ctx: ParseContext) {
    return responseMessages(response).map((msg): ItemResult<CalendarItem> => {
      if (msg.responseClass === 'Error') return { ok: false, error: messageError(msg, ctx.operation, ctx.errors) };
      const item = children(child(msg.element, 'Items'), 'CalendarItem')[0];
      // A non-calendar item (a message, a meeting request) reads as the ItemType fields it shares.
      const other = item ?? firstItemOfAnyType(child(msg.element, 'Items'));
      return { ok: true, value: readCalendarItem(other ?? {}) };
    });
  },
};

function firstItemOfAnyType(items: XmlElement | undefined): XmlElement | undefined {
  if (!items) return undefined;
  for (const [k, v] of Object.entries(items)) if (!k.startsWith('@') && !k.startsWith('#') && Array.isArray(v)) return children(items, k)[0];
  return undefined;
}
