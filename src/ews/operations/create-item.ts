import { ewsError } from '../error-catalog.js';
import { readItemId, writeCalendarItem, writeEmailAddress } from '../schema/calendar-item-fields.js';
import type { Body, CalendarItemInput, EmailAddress, ItemId } from '../schema/types.js';
import { child, childNames, children, el, els, type XmlElement } from '../xml/index.js';
import { writeFolderId, type FolderRef } from './common.js';
import { messageError, responseMessages } from './envelope.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';

/** types.xsd CalendarItemCreateOrDeleteOperationType: who hears about a created (or deleted) meeting. */
export type CalendarItemCreateOrDelete = 'SendToNone' | 'SendOnlyToAll' | 'SendToAllAndSaveCopy';

export interface CreateCalendarItemsArgs {
  readonly items: readonly CalendarItemInput[];
  /** Defaults (server side) to the calendar of the mailbox acted for. */
  readonly savedItemFolder?: FolderRef;
  /** Exchange requires it for calendar items (else ErrorSendMeetingInvitationsRequired). */
  readonly sendMeetingInvitations: CalendarItemCreateOrDelete;
}

/**
 * CreateItem for calendar items, many per call; one result per item, in order.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-calendar-item
 */
export const CreateCalendarItems: Operation<CreateCalendarItemsArgs, ItemResult<ItemId>[]> = {
  name: 'CreateItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-calendar-item',
  // A lost answer does not mean nothing was created: repeating it could book the meeting twice.
  idempotent: false,
  build(a, version) {
    return el(
      'm:CreateItem',
      els(
        a.savedItemFolder && el('m:SavedItemFolderId', writeFolderId(a.savedItemFolder)),
        el('m:Items', a.items.map((item) => el('t:CalendarItem', writeCalendarItem(item, version)))),
      ),
      { SendMeetingInvitations: a.sendMeetingInvitations },
    );
  },
  parse(response: XmlElement, ctx: ParseContext) {
    return parseItemIdResults(response, ctx).map((r) => requireItemId(r, ctx));
  },
};

/** types.xsd MessageDispositionType. */
export type MessageDisposition = 'SaveOnly' | 'SendOnly' | 'SendAndSaveCopy';

/** A plain email. */
export interface MessageInput {
  readonly subject: string;
  readonly body: Body;
  readonly to: readonly EmailAddress[];
  readonly cc?: readonly EmailAddress[];
  readonly bcc?: readonly EmailAddress[];
  /** Send as this mailbox; the caller needs Send As (or Send on Behalf) on it, else ErrorSendAsDenied. */
  readonly from?: EmailAddress;
}

export interface CreateMessageArgs {
  readonly messages: readonly MessageInput[];
  readonly messageDisposition: MessageDisposition;
  /** Where the saved copy goes (e.g. `{ distinguished: 'sentitems' }`); Exchange ignores it with SendOnly. */
  readonly savedItemFolder?: FolderRef;
}

/**
 * CreateItem for email messages. Exchange returns an id only with SaveOnly, so the value is
 * `undefined` for sent messages. https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-email-message
 */
export const CreateMessage: Operation<CreateMessageArgs, ItemResult<ItemId | undefined>[]> = {
  name: 'CreateItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-email-message',
  idempotent: false,
  build(a) {
    return el(
      'm:CreateItem',
      els(a.savedItemFolder && el('m:SavedItemFolderId', writeFolderId(a.savedItemFolder)), el('m:Items', a.messages.map(writeMessage))),
      { MessageDisposition: a.messageDisposition },
    );
  },
  parse: parseItemIdResults,
};

const recipients = (tag: string, list: readonly EmailAddress[] | undefined) => list !== undefined && list.length > 0 && el(tag, list.map((a) => writeEmailAddress(a)));

/** ItemType children (Subject, Body) come before MessageType's (recipients, From): types.xsd sequence order. */
function writeMessage(m: MessageInput) {
  return el(
    't:Message',
    els(
      el('t:Subject', m.subject),
      el('t:Body', m.body.value, { BodyType: m.body.type }),
      recipients('t:ToRecipients', m.to),
      recipients('t:CcRecipients', m.cc),
      recipients('t:BccRecipients', m.bcc),
      m.from !== undefined && el('t:From', writeEmailAddress(m.from)),
    ),
  );
}

/**
 * The ItemId of the first item in `m:Items`, whatever its type: CalendarItem, Message, or what a
 * meeting response creates (CalendarItem then MeetingRequest). The parser keeps first-seen order of
 * element names, so the first name is the first item in the document.
 */
export function firstItemId(items: XmlElement | undefined): ItemId | undefined {
  for (const name of childNames(items)) {
    for (const item of children(items, name)) {
      const id = readItemId(child(item, 'ItemId'));
      if (id) return id;
    }
  }
  return undefined;
}

/**
 * Lenient reading of any `…ItemResponseMessage` list that carries `m:Items`: one result per message,
 * the id when Exchange sent one. Meeting responses (AcceptItem …) and sent messages legitimately
 * come back with an empty `m:Items`.
 */
export function parseItemIdResults(response: XmlElement, ctx: ParseContext): ItemResult<ItemId | undefined>[] {
  return responseMessages(response).map((msg): ItemResult<ItemId | undefined> => {
    if (msg.responseClass === 'Error') return { ok: false, error: messageError(msg, ctx.operation, ctx.errors) };
    return { ok: true, value: firstItemId(child(msg.element, 'Items')) };
  });
}

/**
 * A created or updated calendar item always comes back with its id. When one is missing the answer
 * is unusable, but the item may still exist, so this is a non-transient error nobody retries blindly.
 */
export function requireItemId(r: ItemResult<ItemId | undefined>, ctx: ParseContext): ItemResult<ItemId> {
  if (!r.ok) return r;
  if (r.value) return { ok: true, value: r.value };
  const serverMessage = `${ctx.operation} answered NoError without an ItemId; the item may exist all the same`;
  return { ok: false, error: ewsError('XmlMalformed', { operation: ctx.operation, responseCode: 'NoError', serverMessage }, ctx.errors) };
}
