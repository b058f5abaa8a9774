/**
 * UpdateItem: one UpdateItemResponseMessage per ItemChange, in order, each with the item's new
 * ItemId/ChangeKey and ConflictResults (messages.xsd UpdateItemResponseMessageType: Items, then
 * ConflictResults). https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem-operation
 */
import { attr, child, children, el, els, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { hasRight, same } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { isCalendarEntry, itemIdElements, lookup, ownerOf } from './items.js';
import { readUpdates } from './update-fields.js';
import { denied, DISPOSITIONS, enumAttr, failure, itemIdXml, SEND_UPDATES } from './write.js';

type Resolution = 'NeverOverwrite' | 'AutoResolve' | 'AlwaysOverwrite';
type SendUpdates = (typeof SEND_UPDATES)[number];

const success = (item: Raw) => responseMessage('UpdateItem', 'Success', 'NoError', els(el('m:Items', item), el('m:ConflictResults', el('t:Count', '0'))));

/**
 * One ItemChange. Changing needs EditItems on the item's calendar (Editor, Owner) unless it is the
 * caller's own. With NeverOverwrite the ChangeKey sent must be current (ErrorIrresolvableConflict);
 * AutoResolve and AlwaysOverwrite apply the change whatever ChangeKey came with it.
 */
function updateOne(ctx: EwsContext, change: XmlElement, resolution: Resolution, send: SendUpdates | undefined): Raw {
  const [id] = itemIdElements(change);
  if (!id) throw new ItemError('ErrorInvalidIdEmpty', 'The ItemChange has no item id.');
  const entry = lookup(ctx, id);
  const owner = ownerOf(ctx, entry);
  if (!same(owner.smtp, ctx.actAs.smtp) && !hasRight(ctx, owner, 'editAny')) throw denied();
  const { patch, isRead } = readUpdates(ctx, child(change, 'Updates'), entry);
  const store = ctx.exchange.calendar;
  if (!isCalendarEntry(entry)) {
    if (Object.keys(patch).length > 0) throw new ItemError('ErrorInvalidOperation', 'The simulator changes only IsRead on messages.');
    if (isRead !== undefined) store.setRead(entry.id, isRead);
    ctx.exchange.touch();
    const after = store.getItem(entry.id);
    return success(itemIdXml('Message', after.id, after.changeKey));
  }
  // Exchange's rule for calendar items and occurrences (messages.xsd leaves the attribute optional).
  if (!send) throw new ItemError('ErrorSendMeetingInvitationsOrCancellationsRequired', 'The SendMeetingInvitationsOrCancellations attribute is required for calendar items.');
  if (entry.folder === 'deleteditems' && send !== 'SendToNone') throw new ItemError('ErrorCalendarCannotUpdateDeletedItem', 'A calendar item in Deleted Items can only be updated with SendToNone.');
  // Clients restate the series' zone with a new start; on an occurrence that is no change.
  const occurrence = entry.calendarItemType === 'Occurrence' || entry.calendarItemType === 'Exception';
  const { timeZoneId, ...rest } = patch;
  const effective = occurrence && timeZoneId === entry.startTimeZone ? rest : patch;
  const changeKey = resolution === 'NeverOverwrite' ? attr(id.el, 'ChangeKey') : undefined;
  const updated = store.updateItem(entry.id, effective, send, changeKey !== undefined ? { changeKey } : {});
  ctx.exchange.touch();
  return success(itemIdXml('CalendarItem', updated.id, updated.changeKey));
}

export function updateItem(ctx: EwsContext, body: XmlElement): Raw {
  // messages.xsd declares ConflictResolution required; the reference documents AutoResolve as its default.
  const resolution = enumAttr(body, 'ConflictResolution', ['NeverOverwrite', 'AutoResolve', 'AlwaysOverwrite'] as const) ?? 'AutoResolve';
  enumAttr(body, 'MessageDisposition', DISPOSITIONS);
  const send = enumAttr(body, 'SendMeetingInvitationsOrCancellations', SEND_UPDATES);
  return responseMessages(
    children(child(body, 'ItemChanges'), 'ItemChange').map((change) => {
      try {
        return updateOne(ctx, change, resolution, send);
      } catch (err) {
        return failure('UpdateItem', err, el('m:Items'));
      }
    }),
  );
}
