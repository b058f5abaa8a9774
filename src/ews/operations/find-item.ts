import { messageError, responseMessages } from './envelope.js';
import { readCalendarItem } from '../schema/calendar-item-fields.js';
import type { CalendarItem } from '../schema/types.js';
import { attr, child, children, el, els, type XmlElement } from '../xml/index.js';
import { writeFolderId, writeItemShape, type BaseShape, type FolderRef } from './common.js';
import type { Operation, ParseContext } from './operation.js';

export interface CalendarViewArgs {
  readonly folder: FolderRef;
  /** ISO 8601 instants. Exchange returns items that overlap [start, end). */
  readonly start: string;
  readonly end: string;
  readonly maxEntries?: number;
  readonly baseShape?: BaseShape;
  readonly fields: readonly (keyof CalendarItem)[];
}

export interface CalendarViewPage {
  readonly items: readonly CalendarItem[];
  readonly totalItemsInView?: number;
  /** False when Exchange cut the result at MaxEntriesReturned (or its own EWSFindCountLimit). */
  readonly includesLastItemInRange: boolean;
}

/**
 * FindItem with a CalendarView: singles, occurrences and exceptions overlapping the window, with
 * recurring series expanded by Exchange. https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/finditem-operation-calendar-item
 */
export const FindItemCalendarView: Operation<CalendarViewArgs, CalendarViewPage> = {
  name: 'FindItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/calendarview',
  idempotent: true,
  build(a) {
    return el(
      'm:FindItem',
      els(
        writeItemShape('m:ItemShape', a.baseShape ?? 'IdOnly', a.fields),
        el('m:CalendarView', undefined, { MaxEntriesReturned: a.maxEntries, StartDate: a.start, EndDate: a.end }),
        el('m:ParentFolderIds', writeFolderId(a.folder)),
      ),
      { Traversal: 'Shallow' },
    );
  },
  parse(response: XmlElement, ctx: ParseContext) {
    const [msg] = responseMessages(response);
    if (!msg) throw messageError({ responseClass: 'Error', responseCode: 'ErrorInvalidRequest', messageText: 'FindItemResponse has no ResponseMessage', values: {}, element: {} }, ctx.operation, ctx.errors);
    if (msg.responseClass === 'Error') throw messageError(msg, ctx.operation, ctx.errors);
    const root = child(msg.element, 'RootFolder');
    const items = children(child(root, 'Items'), 'CalendarItem').map(readCalendarItem);
    const total = attr(root, 'TotalItemsInView');
    return {
      items,
      ...(total !== undefined ? { totalItemsInView: Number(total) } : {}),
      includesLastItemInRange: attr(root, 'IncludesLastItemInRange') !== 'false',
    };
  },
};
