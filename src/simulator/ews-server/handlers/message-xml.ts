import { el, els, type Raw } from '../../../ews/xml/index.js';
import type { EmailAddress } from '../../../ews/schema/types.js';
import type { MessageEntry } from '../../store/calendar/index.js';

const address = (a: EmailAddress, tag: string) => el(tag, els(a.name !== undefined && el('t:Name', a.name), a.email !== undefined && el('t:EmailAddress', a.email), el('t:RoutingType', 'SMTP')));

/**
 * A message (mail, meeting request, response or cancellation), with the fields a client reads. FindItem
 * lists messages without their body, as Exchange does (Body is not a FindItem property).
 */
export function writeMessage(m: MessageEntry, opts: { readonly withBody: boolean } = { withBody: true }): Raw {
  const tag = m.itemClass.startsWith('IPM.Schedule.Meeting.Request') ? 't:MeetingRequest' : m.itemClass.startsWith('IPM.Schedule.Meeting.Canceled') ? 't:MeetingCancellation' : m.itemClass.startsWith('IPM.Schedule.Meeting.Resp') ? 't:MeetingResponse' : 't:Message';
  return el(tag, els(
    el('t:ItemId', undefined, { Id: m.id, ChangeKey: m.changeKey }),
    el('t:ItemClass', m.itemClass),
    el('t:Subject', m.subject),
    opts.withBody && el('t:Body', m.body.value, { BodyType: m.body.type }),
    el('t:DateTimeReceived', m.received),
    el('t:DateTimeSent', m.sent),
    m.toRecipients.length > 0 && el('t:ToRecipients', m.toRecipients.map((r) => address(r, 't:Mailbox'))),
    m.ccRecipients.length > 0 && el('t:CcRecipients', m.ccRecipients.map((r) => address(r, 't:Mailbox'))),
    el('t:From', address(m.from, 't:Mailbox')),
    el('t:IsRead', m.isRead ? 'true' : 'false'),
  ));
}

