/**
 * CreateItem response objects on meetings: AcceptItem, TentativelyAcceptItem, DeclineItem (by the
 * attendee's calendar copy or the meeting request in their Inbox) and CancelCalendarItem (by the
 * organizer's item). https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-respond-to-meeting-requests-by-using-ews-in-exchange
 *
 * Exchange 2007 answered a sent AcceptItem with an empty m:Items (msdocs-createitem-acceptitem);
 * CancelCalendarItem was answered with the cancelled calendar item's id (msdocs-cancel-meeting).
 */
import { attr, child, el, text, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { MeetingResponse, StoreEntry } from '../../store/calendar/index.js';
import { StoreError } from '../../store/calendar/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';
import { hasRight, same, type Right } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage } from '../soap-response.js';
import { isCalendarEntry, ownerOf } from './items.js';
import { denied, itemIdXml, requireSendAs, type Disposition } from './write.js';

const NOT_FOR: Record<MeetingResponse, string> = {
  Accept: 'ErrorInvalidItemForOperationAcceptItem',
  Tentative: 'ErrorInvalidItemForOperationTentative',
  Decline: 'ErrorInvalidItemForOperationDeclineItem',
};

/** The ReferenceItemId's item and its owner, when the caller may act on it with `right`. */
function referenced(ctx: EwsContext, item: XmlElement, right: Right): { entry: StoreEntry; owner: MailboxRecord; own: boolean } {
  const id = attr(child(item, 'ReferenceItemId'), 'Id');
  if (!id) throw new ItemError('ErrorMissingInformationReferenceItemId', 'The response object has no ReferenceItemId.');
  const entry = ctx.exchange.calendar.getItem(id);
  const owner = ownerOf(ctx, entry);
  const own = same(owner.smtp, ctx.actAs.smtp);
  if (!own && !hasRight(ctx, owner, right)) throw denied();
  return { entry, owner, own };
}

/**
 * Answers a meeting for the attendee. SaveOnly records the answer without telling the organizer (the
 * simulator keeps no draft response); a sent answer from another mailbox needs Send As on it.
 */
export function respondToMeeting(ctx: EwsContext, item: XmlElement, response: MeetingResponse, disposition: Disposition | undefined): Raw {
  const { entry, owner, own } = referenced(ctx, item, 'editAny');
  if (!isCalendarEntry(entry) && !entry.itemClass.startsWith('IPM.Schedule.Meeting.')) throw new ItemError(NOT_FOR[response], 'The item is not a meeting request or a calendar item.');
  const send = disposition !== 'SaveOnly';
  if (send && !own) requireSendAs(ctx, owner);
  ctx.exchange.calendar.respond(entry.id, response, { send, body: text(child(item, 'Body')) ?? '' });
  ctx.exchange.touch();
  return responseMessage('CreateItem', 'Success', 'NoError', el('m:Items'));
}

/**
 * The organizer cancels: attendees get the cancellation, rooms free the slot, and the organizer's item
 * goes to Deleted Items. SaveOnly (a cancellation kept as a draft) is not simulated.
 */
export function cancelMeeting(ctx: EwsContext, item: XmlElement, disposition: Disposition | undefined): Raw {
  const { entry, owner, own } = referenced(ctx, item, 'deleteAny');
  if (!isCalendarEntry(entry)) throw new ItemError('ErrorInvalidItemForOperationCancelItem', 'CancelCalendarItem applies to calendar items only.');
  if (entry.myResponseType !== 'Organizer') throw new ItemError('ErrorCalendarIsNotOrganizer', 'Only the organizer can cancel a meeting.');
  if (disposition === 'SaveOnly') throw new ItemError('ErrorInvalidOperation', 'The simulator cannot keep a cancellation as a draft; send it (SendOnly or SendAndSaveCopy).');
  if (!own) requireSendAs(ctx, owner);
  const store = ctx.exchange.calendar;
  store.deleteItem(entry.id, disposition === 'SendOnly' ? 'SendOnlyToAll' : 'SendToAllAndSaveCopy', { deleteType: 'MoveToDeletedItems' });
  ctx.exchange.touch();
  let after: StoreEntry | undefined;
  try {
    after = store.getItem(entry.id);
  } catch (err) {
    // A cancelled occurrence is gone from its series: nothing left to name.
    if (!(err instanceof StoreError)) throw err;
  }
  return responseMessage('CreateItem', 'Success', 'NoError', el('m:Items', after ? itemIdXml('CalendarItem', after.id, after.changeKey) : undefined));
}
