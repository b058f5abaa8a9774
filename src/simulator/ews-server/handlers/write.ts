/**
 * What the write handlers (CreateItem, UpdateItem, DeleteItem, SendItem) share: the enumerations of
 * messages.xsd/types.xsd they accept, per-item failures, the id answer, and reading request parts.
 */
import type { EmailAddress } from '../../../ews/schema/types.js';
import { attr, childNames, children, el, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';
import { StoreError } from '../../store/calendar/index.js';
import { same } from '../access.js';
import { EwsFault, ItemError, type EwsContext } from '../context.js';
import { responseMessage } from '../soap-response.js';

/** types.xsd CalendarItemCreateOrDeleteOperationType (CreateItem SendMeetingInvitations, DeleteItem SendMeetingCancellations). */
export const SEND_INVITATIONS = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'] as const;
/** types.xsd CalendarItemUpdateOperationType (UpdateItem SendMeetingInvitationsOrCancellations). */
export const SEND_UPDATES = [...SEND_INVITATIONS, 'SendOnlyToChanged', 'SendToChangedAndSaveCopy'] as const;
/** types.xsd MessageDispositionType. */
export const DISPOSITIONS = ['SaveOnly', 'SendOnly', 'SendAndSaveCopy'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * An attribute restricted by the schema. Absent gives undefined; a value outside the enumeration is
 * what Exchange rejects before any handler runs: a SOAP fault ErrorSchemaValidation.
 */
export function enumAttr<T extends string>(element: XmlElement, name: string, allowed: readonly T[]): T | undefined {
  const v = attr(element, name);
  if (v === undefined) return undefined;
  const value = v.trim();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new EwsFault('ErrorSchemaValidation', `The request failed schema validation: The '${name}' attribute is invalid - The value '${v}' is invalid according to its datatype.`);
  }
  return value as T;
}

/** An attribute the schema declares `use="required"`: missing is a schema-validation fault. */
export function requiredAttr(element: XmlElement, name: string): string {
  const v = attr(element, name);
  if (v === undefined) throw new EwsFault('ErrorSchemaValidation', `The request failed schema validation: The required attribute '${name}' is missing.`);
  return v.trim();
}

/** xs:boolean as the schema reads it: true/false/1/0 (exchangelib writes 0 and 1). */
export function xsBoolean(value: string, name: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new EwsFault('ErrorSchemaValidation', `The request failed schema validation: The '${name}' attribute is invalid - The value '${value}' is not a valid xs:boolean.`);
}

/**
 * A per-item failure as Exchange answers it: a ResponseMessage of class Error with the code, the text
 * and the operation's (empty) payload. Anything that is not a per-item failure is rethrown.
 */
export function failure(operation: string, err: unknown, payload?: Raw): Raw {
  if (err instanceof ItemError) return responseMessage(operation, 'Error', err.code, payload, err.message);
  if (err instanceof StoreError) return responseMessage(operation, 'Error', err.responseCode, payload, err.message);
  throw err;
}

/** `<t:{tag}><t:ItemId Id ChangeKey/></t:{tag}>`: how CreateItem and UpdateItem name what they made. */
export function itemIdXml(tag: 'CalendarItem' | 'Message', id: string, changeKey: string): Raw {
  return el(`t:${tag}`, el('t:ItemId', undefined, { Id: id, ChangeKey: changeKey }));
}

/**
 * The children of m:Items (or t:Updates) with their kinds. The XML reader groups siblings by name, so
 * items of one kind keep their order and kinds come in the order each first appears; clients batch
 * one kind per request, which keeps responses in request order.
 */
export function elementsOf(container: XmlElement | undefined, skip: readonly string[] = []): { kind: string; element: XmlElement }[] {
  return childNames(container)
    .filter((k) => !skip.includes(k))
    .flatMap((kind) => children(container, kind).map((element) => ({ kind, element })));
}

/**
 * An address as Exchange stores it on a recipient or attendee: a mailbox of the directory gets its
 * primary SMTP address and display name (as Exchange resolves them); others stay as written.
 */
export function resolveAddress(ctx: EwsContext, a: EmailAddress): EmailAddress {
  const m = a.email ? ctx.exchange.mailbox(a.email) : undefined;
  if (!m) return { ...a, name: a.name ?? a.email ?? '', routingType: a.routingType ?? 'SMTP' };
  return { name: a.name ?? m.displayName, email: m.smtp, routingType: 'SMTP', mailboxType: 'Mailbox' };
}

export const denied = () => new ItemError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
export const sendAsDenied = () => new ItemError('ErrorSendAsDenied', 'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.');

/** Sending from `mailbox` (its calendar, its name in From) needs Send As, unless it is the caller's own. */
export function requireSendAs(ctx: EwsContext, mailbox: MailboxRecord): void {
  if (!same(mailbox.smtp, ctx.actAs.smtp) && !ctx.exchange.directory.hasSendAs(ctx.actAs, mailbox)) throw sendAsDenied();
}
