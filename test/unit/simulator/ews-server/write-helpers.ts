/** Request builders and response readers shared by the write-handler tests. */
import { expect } from 'vitest';
import { attr, child, children, childNames, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import type { SimulatedExchange } from '../../../../src/simulator/ews-server/exchange.js';
import { call, envelope, schemaCheck, type SoapHeaders, type SoapResult } from '../../../support/simulator.js';

export const ALICE = 'alice@contoso.com';
export const BOB = 'bob@contoso.com';

export const mailbox = (smtp: string) => `<t:Mailbox><t:EmailAddress>${smtp}</t:EmailAddress></t:Mailbox>`;
export const attendees = (tag: string, list: readonly string[]) => (list.length ? `<t:${tag}>${list.map((a) => `<t:Attendee>${mailbox(a)}</t:Attendee>`).join('')}</t:${tag}>` : '');

/** A t:CalendarItem; `extra` holds elements that go after End, in schema order. */
export function calendarItem(subject: string, start: string, end: string, o: { location?: string; required?: string[]; resources?: string[]; tail?: string } = {}): string {
  return (
    `<t:CalendarItem><t:Subject>${subject}</t:Subject><t:Start>${start}</t:Start><t:End>${end}</t:End>` +
    (o.location ? `<t:Location>${o.location}</t:Location>` : '') +
    attendees('RequiredAttendees', o.required ?? []) +
    attendees('Resources', o.resources ?? []) +
    (o.tail ?? '') +
    `</t:CalendarItem>`
  );
}

export const folder = (id: string, owner?: string) => `<t:DistinguishedFolderId Id="${id}">${owner ? mailbox(owner) : ''}</t:DistinguishedFolderId>`;

export function createItem(items: string, attrs: string, savedIn?: string): string {
  return `<m:CreateItem ${attrs}>${savedIn ? `<m:SavedItemFolderId>${savedIn}</m:SavedItemFolderId>` : ''}<m:Items>${items}</m:Items></m:CreateItem>`;
}

export const itemIds = (ids: readonly string[]) => ids.map((id) => `<t:ItemId Id="${id}"/>`).join('');

export const getItem = (ids: readonly string[], shape = 'AllProperties') => `<m:GetItem><m:ItemShape><t:BaseShape>${shape}</t:BaseShape></m:ItemShape><m:ItemIds>${itemIds(ids)}</m:ItemIds></m:GetItem>`;

export const calendarView = (start: string, end: string, owner?: string) =>
  `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:CalendarView StartDate="${start}" EndDate="${end}"/><m:ParentFolderIds>${folder('calendar', owner)}</m:ParentFolderIds></m:FindItem>`;

export function setField(uri: string, value: string, tag = 'CalendarItem'): string {
  return `<t:SetItemField><t:FieldURI FieldURI="${uri}"/><t:${tag}>${value}</t:${tag}></t:SetItemField>`;
}

export function updateItem(id: string, updates: string, attrs = 'ConflictResolution="AutoResolve" SendMeetingInvitationsOrCancellations="SendToAllAndSaveCopy"', changeKey?: string): string {
  return `<m:UpdateItem ${attrs}><m:ItemChanges><t:ItemChange><t:ItemId Id="${id}"${changeKey ? ` ChangeKey="${changeKey}"` : ''}/><t:Updates>${updates}</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`;
}

export const deleteItem = (ids: readonly string[], attrs = 'DeleteType="MoveToDeletedItems" SendMeetingCancellations="SendToAllAndSaveCopy"') => `<m:DeleteItem ${attrs}><m:ItemIds>${itemIds(ids)}</m:ItemIds></m:DeleteItem>`;

/** Sends and checks the answer against messages.xsd (faults excepted by the validator). */
export async function send(ex: SimulatedExchange, caller: string, body: string, headers: SoapHeaders = {}): Promise<SoapResult> {
  const r = await call(ex, caller, envelope(body, headers));
  const verdict = await schemaCheck(r.xml);
  expect(verdict.valid, verdict.output).toBe(true);
  return r;
}

export const messages = (r: SoapResult, op: string): XmlElement[] => children(child(r.body, 'ResponseMessages'), `${op}ResponseMessage`);
export const codes = (r: SoapResult, op: string) => messages(r, op).map((m) => text(m, 'ResponseCode'));

/** The ItemId (Id, ChangeKey) of each message's first item, whatever its kind. */
export function ids(r: SoapResult, op: string): { id: string; changeKey: string }[] {
  return messages(r, op).map((m) => {
    const items = child(m, 'Items');
    const [kind] = childNames(items);
    const idEl = path(items, kind ?? '', 'ItemId');
    return { id: attr(idEl, 'Id') ?? '', changeKey: attr(idEl, 'ChangeKey') ?? '' };
  });
}

export function viewItems(r: SoapResult): XmlElement[] {
  return children(path(r.body, 'ResponseMessages', 'FindItemResponseMessage', 'RootFolder', 'Items'), 'CalendarItem');
}

export const gotItem = (r: SoapResult, kind = 'CalendarItem', i = 0) => child(child(messages(r, 'GetItem')[i], 'Items'), kind);

/** The ResponseType each attendee of a list shows on an item from GetItem. */
export function responses(item: XmlElement | undefined, list: string): Record<string, string | undefined> {
  return Object.fromEntries(children(child(item, list), 'Attendee').map((a) => [text(child(a, 'Mailbox'), 'EmailAddress') ?? '', text(a, 'ResponseType')]));
}
