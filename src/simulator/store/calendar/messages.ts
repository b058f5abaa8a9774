/**
 * Mail: plain messages and the meeting messages (requests, cancellations, responses) that carry a
 * meeting between mailboxes. Item classes are the ones Exchange stamps ([MS-OXOCAL] 2.2.6-2.2.7).
 */
import type { Body, EmailAddress, ResponseType } from '../../../ews/schema/types.js';
import type { CalendarItemRecord, MeetingMessageInfo, MessageClass, MessageRecord } from './model.js';
import type { StoreCore } from './core.js';
import { mailboxKey } from './core.js';
import { StoreError } from './errors.js';

export interface DraftMessage {
  readonly itemClass: MessageClass;
  readonly subject: string;
  readonly body: Body;
  readonly from: EmailAddress;
  readonly to: readonly EmailAddress[];
  readonly cc?: readonly EmailAddress[];
  readonly meeting?: MeetingMessageInfo;
}

/** A message record owned by `mailbox` (ids embed the owner, so every copy gets its own). */
export function newMessage(core: StoreCore, mailbox: string, draft: DraftMessage, isRead = false): MessageRecord {
  const now = core.now();
  return {
    kind: 'message',
    id: core.newItemId(mailbox),
    changeKey: core.newChangeKey(mailbox),
    itemClass: draft.itemClass,
    subject: draft.subject,
    body: { ...draft.body },
    from: { ...draft.from },
    toRecipients: draft.to.map((a) => ({ ...a })),
    ccRecipients: (draft.cc ?? []).map((a) => ({ ...a })),
    sent: now,
    received: now,
    isRead,
    ...(draft.meeting ? { meeting: { ...draft.meeting } } : {}),
    created: now,
    lastModified: now,
  };
}

/** Files a message straight into one mailbox folder (meeting traffic between mailboxes of this store). */
export function file(core: StoreCore, mailbox: string, folder: 'inbox' | 'sentitems', draft: DraftMessage): MessageRecord {
  const msg = newMessage(core, mailbox, draft, folder === 'sentitems');
  core.put(mailbox, folder, msg);
  return msg;
}

/** Exists in the directory, or already has data here (an organizer always does). */
export function isLocal(core: StoreCore, smtp: string | undefined): smtp is string {
  return !!smtp && (core.resolve(smtp) !== undefined || core.hasMailbox(smtp));
}

export interface Delivery {
  /** The copy in the sender's Sent Items, when one was saved. */
  readonly sentItemId?: string;
  readonly delivered: readonly { readonly mailbox: string; readonly id: string }[];
  /** Recipients the directory does not know (Exchange would send them an NDR or route them out). */
  readonly notDelivered: readonly string[];
}

/**
 * Delivers a draft to every local recipient's Inbox (once per mailbox, To before Cc) and optionally
 * saves the sender's copy in Sent Items, already read.
 */
export function deliver(core: StoreCore, sender: string, draft: DraftMessage, saveCopy: boolean): Delivery {
  const seen = new Set<string>();
  const delivered: { mailbox: string; id: string }[] = [];
  const notDelivered: string[] = [];
  for (const r of [...draft.to, ...(draft.cc ?? [])]) {
    const smtp = r.email?.trim();
    if (!smtp || seen.has(mailboxKey(smtp))) continue;
    seen.add(mailboxKey(smtp));
    if (!core.resolve(smtp)) {
      notDelivered.push(smtp);
      continue;
    }
    const msg = newMessage(core, smtp, draft);
    core.put(smtp, 'inbox', msg);
    delivered.push({ mailbox: mailboxKey(smtp), id: msg.id });
  }
  if (!saveCopy) return { delivered, notDelivered };
  const copy = newMessage(core, sender, draft, true);
  core.put(sender, 'sentitems', copy);
  return { sentItemId: copy.id, delivered, notDelivered };
}

/** deliverMessage: a plain IPM.Note. */
export function sendNote(core: StoreCore, from: EmailAddress, to: readonly EmailAddress[], cc: readonly EmailAddress[], subject: string, body: Body, saveCopy = true): Delivery {
  if (!from.email) throw new StoreError('ErrorInvalidRequest', 'The sender has no email address.');
  if (to.length + cc.length === 0) throw new StoreError('ErrorInvalidRequest', 'The message has no recipients.');
  return deliver(core, from.email, { itemClass: 'IPM.Note', subject, body, from, to, cc }, saveCopy);
}

export function meetingInfo(record: CalendarItemRecord, extra: Partial<MeetingMessageInfo> = {}): MeetingMessageInfo {
  return { uid: record.uid, start: record.start, end: record.end, location: record.location, ...extra };
}

const RESPONSE_CLASS: Record<'Accept' | 'Tentative' | 'Decline', MessageClass> = {
  Accept: 'IPM.Schedule.Meeting.Resp.Pos',
  Tentative: 'IPM.Schedule.Meeting.Resp.Tent',
  Decline: 'IPM.Schedule.Meeting.Resp.Neg',
};
const RESPONSE_PREFIX: Record<'Accept' | 'Tentative' | 'Decline', string> = { Accept: 'Accepted', Tentative: 'Tentative', Decline: 'Declined' };

/** A meeting response from an attendee (or a room's assistant) to the organizer: `Accepted: <subject>` etc. */
export function responseDraft(
  from: EmailAddress,
  organizer: EmailAddress,
  meeting: CalendarItemRecord,
  response: 'Accept' | 'Tentative' | 'Decline',
  text: string,
  originalStart?: string,
): DraftMessage {
  const responseType: ResponseType = response;
  return {
    itemClass: RESPONSE_CLASS[response],
    subject: `${RESPONSE_PREFIX[response]}: ${stripCanceled(meeting.subject)}`,
    body: { type: 'Text', value: text },
    from,
    to: [organizer],
    meeting: meetingInfo(meeting, { responseType, ...(originalStart ? { originalStart } : {}) }),
  };
}

export const CANCELED_PREFIX = 'Canceled: ';

/** Exchange prefixes a cancelled meeting's subject once, with the US spelling. */
export function canceledSubject(subject: string): string {
  return subject.startsWith(CANCELED_PREFIX) ? subject : `${CANCELED_PREFIX}${subject}`;
}

function stripCanceled(subject: string): string {
  return subject.startsWith(CANCELED_PREFIX) ? subject.slice(CANCELED_PREFIX.length) : subject;
}
