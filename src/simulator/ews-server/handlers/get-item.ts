import { child, el, els, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { MessageEntry } from '../../store/calendar/index.js';
import { StoreError } from '../../store/calendar/index.js';
import { ItemError, type EwsContext } from '../context.js';
import { writeCalendarItemXml } from '../item-xml.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { calendarItemFor, isCalendarEntry, itemIdElements, lookup, requireReadable } from './items.js';
import { readShape } from './shape.js';
import type { EmailAddress } from '../../../ews/schema/types.js';

const address = (a: EmailAddress, tag: string) => el(tag, els(a.name !== undefined && el('t:Name', a.name), a.email !== undefined && el('t:EmailAddress', a.email), el('t:RoutingType', 'SMTP')));

/** A message (mail, meeting request, response or cancellation), with the fields a client reads. */
function writeMessage(m: MessageEntry): Raw {
  const tag = m.itemClass.startsWith('IPM.Schedule.Meeting.Request') ? 't:MeetingRequest' : m.itemClass.startsWith('IPM.Schedule.Meeting.Canceled') ? 't:MeetingCancellation' : m.itemClass.startsWith('IPM.Schedule.Meeting.Resp') ? 't:MeetingResponse' : 't:Message';
  return el(tag, els(
    el('t:ItemId', undefined, { Id: m.id, ChangeKey: m.changeKey }),
    el('t:ItemClass', m.itemClass),
    el('t:Subject', m.subject),
    el('t:Body', m.body.value, { BodyType: m.body.type }),
    el('t:DateTimeReceived', m.received),
    el('t:DateTimeSent', m.sent),
    m.toRecipients.length > 0 && el('t:ToRecipients', m.toRecipients.map((r) => address(r, 't:Mailbox'))),
    m.ccRecipients.length > 0 && el('t:CcRecipients', m.ccRecipients.map((r) => address(r, 't:Mailbox'))),
    el('t:From', address(m.from, 't:Mailbox')),
    el('t:IsRead', m.isRead ? 'true' : 'false'),
  ));
}

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
