/**
 * CreateItem: calendar items, email messages and meeting response objects, one ResponseMessage per
 * item in order. https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-calendar-item
 */
import { child, el, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { hasRight, resolveFolder, same, type ResolvedFolder } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { hasAttendees, readCalendarInput } from './calendar-input.js';
import { createMessage } from './create-message.js';
import { cancelMeeting, respondToMeeting } from './meeting-responses.js';
import { denied, DISPOSITIONS, elementsOf, enumAttr, failure, itemIdXml, requireSendAs, SEND_INVITATIONS } from './write.js';

type SendInvitations = (typeof SEND_INVITATIONS)[number];

/**
 * A calendar item in the caller's calendar, or (SavedItemFolderId with t:Mailbox or a FolderId) in
 * another mailbox's, whose owner is then the organizer. Creating there needs CreateItems (Author,
 * Editor, Owner); sending invitations from there also needs Send As on that mailbox.
 */
function createCalendarItem(ctx: EwsContext, item: XmlElement, savedIn: XmlElement | undefined, send: SendInvitations | undefined): Raw {
  // Exchange's own rule for calendar items (messages.xsd leaves the attribute optional).
  if (!send) throw new ItemError('ErrorSendMeetingInvitationsRequired', 'The SendMeetingInvitations attribute is required for calendar items.');
  const target: ResolvedFolder = savedIn ? resolveFolder(ctx, savedIn) : { mailbox: ctx.actAs, folder: 'calendar' };
  const own = same(target.mailbox.smtp, ctx.actAs.smtp);
  if (!own && !hasRight(ctx, target.mailbox, 'create')) throw denied();
  if (target.folder !== 'calendar') throw new ItemError('ErrorCannotCreateCalendarItemInNonCalendarFolder', 'Calendar items can only be created in a calendar folder.');
  const input = readCalendarInput(ctx, item);
  if (send !== 'SendToNone' && hasAttendees(input)) requireSendAs(ctx, target.mailbox);
  const entry = ctx.exchange.calendar.createItem(target.mailbox.smtp, input, send);
  ctx.exchange.touch();
  return responseMessage('CreateItem', 'Success', 'NoError', el('m:Items', itemIdXml('CalendarItem', entry.id, entry.changeKey)));
}

const RESPONSES: Record<string, 'Accept' | 'Tentative' | 'Decline'> = { AcceptItem: 'Accept', TentativelyAcceptItem: 'Tentative', DeclineItem: 'Decline' };

export function createItem(ctx: EwsContext, body: XmlElement): Raw {
  const disposition = enumAttr(body, 'MessageDisposition', DISPOSITIONS);
  const send = enumAttr(body, 'SendMeetingInvitations', SEND_INVITATIONS);
  const savedIn = child(body, 'SavedItemFolderId');
  return responseMessages(
    elementsOf(child(body, 'Items')).map(({ kind, element }) => {
      try {
        if (kind === 'CalendarItem') return createCalendarItem(ctx, element, savedIn, send);
        if (kind === 'Message') return createMessage(ctx, element, savedIn, disposition);
        const response = RESPONSES[kind];
        if (response) return respondToMeeting(ctx, element, response, disposition);
        if (kind === 'CancelCalendarItem') return cancelMeeting(ctx, element, disposition);
        throw new ItemError('ErrorInvalidItemForOperationCreateItem', `The simulator cannot create items of type ${kind}; it keeps calendar items and messages.`);
      } catch (err) {
        return failure('CreateItem', err, el('m:Items'));
      }
    }),
  );
}
