/**
 * DeleteItem: one DeleteItemResponseMessage per id (ItemId, OccurrenceItemId, RecurringMasterItemId),
 * in order, with no payload. https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem-operation
 *
 * DeleteType HardDelete and SoftDelete remove the item (the simulator has no Recoverable Items);
 * MoveToDeletedItems moves it, and removes it when it is already there. The organizer's delete with
 * SendOnlyToAll/SendToAllAndSaveCopy cancels the meeting for attendees and rooms; an occurrence id
 * deletes that occurrence from its series.
 */
import { child, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { hasRight, same } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { isCalendarEntry, itemIdElements, lookup, ownerOf } from './items.js';
import { denied, enumAttr, failure, requiredAttr, SEND_INVITATIONS } from './write.js';

const DELETE_TYPES = ['HardDelete', 'SoftDelete', 'MoveToDeletedItems'] as const;

export function deleteItem(ctx: EwsContext, body: XmlElement): Raw {
  requiredAttr(body, 'DeleteType');
  const deleteType = enumAttr(body, 'DeleteType', DELETE_TYPES)!;
  const send = enumAttr(body, 'SendMeetingCancellations', SEND_INVITATIONS);
  enumAttr(body, 'AffectedTaskOccurrences', ['AllOccurrences', 'SpecifiedOccurrenceOnly'] as const);
  return responseMessages(
    itemIdElements(child(body, 'ItemIds')).map((id) => {
      try {
        const entry = lookup(ctx, id);
        const owner = ownerOf(ctx, entry);
        // DeleteItems on the calendar (Editor, Owner), unless it is the caller's own mailbox.
        if (!same(owner.smtp, ctx.actAs.smtp) && !hasRight(ctx, owner, 'deleteAny')) throw denied();
        // Exchange's rule when the item is a calendar item (messages.xsd leaves the attribute optional).
        if (isCalendarEntry(entry) && !send) throw new ItemError('ErrorSendMeetingCancellationsRequired', 'The SendMeetingCancellations attribute is required for calendar items.');
        ctx.exchange.calendar.deleteItem(entry.id, send ?? 'SendToNone', { deleteType });
        ctx.exchange.touch();
        return responseMessage('DeleteItem', 'Success', 'NoError');
      } catch (err) {
        return failure('DeleteItem', err);
      }
    }),
  );
}
