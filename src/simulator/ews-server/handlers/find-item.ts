import { attr, child, el, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { hasRight, resolveFolder } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { NOT_IN_FIND_ITEM, writeCalendarItemXml } from '../item-xml.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { calendarItemFor, isCalendarEntry } from './items.js';
import { writeMessage } from './message-xml.js';
import { readShape } from './shape.js';
import { toInstant } from './time.js';

/**
 * FindItem. With a CalendarView: singles, occurrences and exceptions overlapping the window, paged by
 * MaxEntriesReturned as Exchange does (IncludesLastItemInRange). Without one: singles and recurring
 * masters, unexpanded. Mail folders list their messages (without bodies, as Exchange does).
 */
export function findItem(ctx: EwsContext, body: XmlElement): Raw {
  const shape = readShape(child(body, 'ItemShape'));
  const bad = [...shape.requested].find((k) => NOT_IN_FIND_ITEM.has(k));
  try {
    if (bad) throw new ItemError('ErrorInvalidPropertyRequest', `The property ${bad} can't be used in FindItem requests.`);
    const { mailbox, folder } = resolveFolder(ctx, child(body, 'ParentFolderIds'));
    if (!hasRight(ctx, mailbox, 'read')) throw new ItemError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const keys = new Set([...shape.keys].filter((k) => !NOT_IN_FIND_ITEM.has(k)));
    const view = child(body, 'CalendarView');
    let entries;
    let total: number;
    let includesLast = true;
    if (view) {
      if (folder !== 'calendar') throw new ItemError('ErrorCalendarFolderIsInvalidForCalendarView', 'The folder is not a calendar folder; CalendarView can only be used on calendar folders.');
      const tz = ctx.request.timeZone;
      const max = attr(view, 'MaxEntriesReturned');
      const result = ctx.exchange.calendar.calendarView(mailbox.smtp, folder, toInstant(attr(view, 'StartDate') ?? '', tz), toInstant(attr(view, 'EndDate') ?? '', tz), max === undefined ? undefined : Number(max));
      entries = result.items;
      total = result.totalItemsInView;
      includesLast = result.includesLastItemInRange;
    } else {
      entries = ctx.exchange.calendar.findItems(mailbox.smtp, folder);
      total = entries.length;
    }
    // Calendar folders list calendar items in the requested shape; mail folders (Inbox, Sent Items) list messages.
    const items = entries.map((e) => (isCalendarEntry(e) ? writeCalendarItemXml(calendarItemFor(ctx, e, mailbox), keys) : writeMessage(e, { withBody: false })));
    const root = el('m:RootFolder', el('t:Items', items), { ...(view ? {} : { IndexedPagingOffset: items.length }), TotalItemsInView: total, IncludesLastItemInRange: includesLast ? 'true' : 'false' });
    return responseMessages([responseMessage('FindItem', 'Success', 'NoError', root)]);
  } catch (err) {
    if (err instanceof ItemError) return responseMessages([responseMessage('FindItem', 'Error', err.code, undefined, err.message)]);
    throw err;
  }
}
