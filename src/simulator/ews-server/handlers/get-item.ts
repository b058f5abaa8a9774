import { child, el, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { StoreError } from '../../store/calendar/index.js';
import { ItemError, type EwsContext } from '../context.js';
import { writeCalendarItemXml } from '../item-xml.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { calendarItemFor, isCalendarEntry, itemIdElements, lookup, requireReadable } from './items.js';
import { readShape } from './shape.js';
import { writeMessage } from './message-xml.js';

/** GetItem: one ResponseMessage per id, in order; calendar items in the requested shape. */
export function getItem(ctx: EwsContext, body: XmlElement): Raw {
  const shape = readShape(child(body, 'ItemShape'));
  return responseMessages(
    itemIdElements(child(body, 'ItemIds')).map((id) => {
      try {
        const entry = lookup(ctx, id);
        const owner = requireReadable(ctx, entry);
        const xml = isCalendarEntry(entry) ? writeCalendarItemXml(calendarItemFor(ctx, entry, owner), shape.keys) : writeMessage(entry);
        return responseMessage('GetItem', 'Success', 'NoError', el('m:Items', xml));
      } catch (err) {
        if (err instanceof ItemError) return responseMessage('GetItem', 'Error', err.code, el('m:Items'), err.message);
        if (err instanceof StoreError) return responseMessage('GetItem', 'Error', err.responseCode, el('m:Items'), err.message);
        throw err;
      }
    }),
  );
}
