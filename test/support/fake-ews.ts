import { parseXml, child, childNames, attr, path } from '../../src/ews/xml/index.js';
import type { HttpRequest, HttpResponse, Transport } from '../../src/ews/transport/types.js';

/** Test double for a base transport: answers each request with a function of its parsed body. */
export class FakeTransport implements Transport {
  readonly requests: { operation: string; headers: Readonly<Record<string, string>>; body: string }[] = [];
  constructor(private readonly answer: (op: string, req: HttpRequest, n: number) => HttpResponse | Promise<HttpResponse>) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    const { element } = parseXml(req.body);
    const op = childNames(child(element, 'Body'))[0] ?? '?';
    this.requests.push({ operation: op, headers: req.headers, body: req.body });
    return this.answer(op, req, this.requests.length);
  }

  async close(): Promise<void> {}
}

export const SVI = '<h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1748" MinorBuildNumber="10" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/>';

export function soap(body: string): HttpResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>${SVI}</s:Header><s:Body>${body}</s:Body></s:Envelope>`,
  };
}

export interface FakeItem {
  id: string;
  subject: string;
  start: string;
  end: string;
  isMeeting?: boolean;
  kind?: 'Single' | 'Occurrence' | 'Exception';
  uid?: string;
  attendees?: { email: string; name: string; response: string }[];
}

export function calendarItemXml(i: FakeItem, withAttendees = false): string {
  const att = withAttendees && i.attendees ? `<t:RequiredAttendees>${i.attendees.map((a) => `<t:Attendee><t:Mailbox><t:Name>${a.name}</t:Name><t:EmailAddress>${a.email}</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType></t:Mailbox><t:ResponseType>${a.response}</t:ResponseType></t:Attendee>`).join('')}</t:RequiredAttendees>` : '';
  if (withAttendees) return `<t:CalendarItem><t:ItemId Id="${i.id}" ChangeKey="CK"/>${att}</t:CalendarItem>`;
  return `<t:CalendarItem><t:ItemId Id="${i.id}" ChangeKey="CK"/><t:Subject>${i.subject}</t:Subject>${i.uid ? `<t:UID>${i.uid}</t:UID>` : ''}<t:Start>${i.start}</t:Start><t:End>${i.end}</t:End><t:IsAllDayEvent>false</t:IsAllDayEvent><t:IsMeeting>${i.isMeeting ? 'true' : 'false'}</t:IsMeeting><t:IsCancelled>false</t:IsCancelled><t:IsRecurring>${i.kind === 'Occurrence' ? 'true' : 'false'}</t:IsRecurring><t:CalendarItemType>${i.kind ?? 'Single'}</t:CalendarItemType><t:Organizer><t:Mailbox><t:Name>Alice Wong</t:Name><t:EmailAddress>alice@contoso.com</t:EmailAddress></t:Mailbox></t:Organizer></t:CalendarItem>`;
}

/** A FindItem CalendarView answer over `items`, honouring StartDate and MaxEntriesReturned like Exchange. */
export function answerCalendarView(all: readonly FakeItem[], reqBody: string): HttpResponse {
  const { element } = parseXml(reqBody);
  const view = path(element, 'Body', 'FindItem', 'CalendarView');
  const start = Date.parse(attr(view, 'StartDate') ?? '');
  const end = Date.parse(attr(view, 'EndDate') ?? '');
  const max = Number(attr(view, 'MaxEntriesReturned') ?? 1e9);
  const inView = all.filter((i) => Date.parse(i.end) > start && Date.parse(i.start) < end).sort((a, b) => a.start.localeCompare(b.start));
  const page = inView.slice(0, max);
  return soap(`<m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="${page.length}" IncludesLastItemInRange="${page.length === inView.length}"><t:Items>${page.map((i) => calendarItemXml(i)).join('')}</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse>`);
}

/** A GetItem answer for the requested ids (attendee fields only), ErrorItemNotFound for unknown ids. */
export function answerGetItem(all: readonly FakeItem[], reqBody: string): HttpResponse {
  const { element } = parseXml(reqBody);
  const ids = (path(element, 'Body', 'GetItem', 'ItemIds')?.ItemId ?? []) as unknown[];
  const msgs = (ids as Record<string, string>[]).map((idEl) => {
    const item = all.find((i) => i.id === idEl['@Id']);
    return item
      ? `<m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items>${calendarItemXml(item, true)}</m:Items></m:GetItemResponseMessage>`
      : '<m:GetItemResponseMessage ResponseClass="Error"><m:MessageText>The specified object was not found in the store.</m:MessageText><m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/></m:GetItemResponseMessage>';
  });
  return soap(`<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>${msgs.join('')}</m:ResponseMessages></m:GetItemResponse>`);
}

