import type { ItemId } from '../schema/types.js';
import { el, els } from '../xml/index.js';
import { parseItemIdResults, type MessageDisposition } from './create-item.js';
import type { ItemResult, Operation } from './operation.js';

/** types.xsd WellKnownResponseObjectType elements an attendee (a person or a room) answers with. */
export type MeetingAnswer = 'AcceptItem' | 'TentativelyAcceptItem' | 'DeclineItem';

export interface MeetingResponseInput {
  readonly answer: MeetingAnswer;
  /** The attendee's calendar item (or the meeting request in their Inbox). */
  readonly item: { readonly id: string; readonly changeKey?: string };
  /** Words for the organizer ("Released: nobody checked in"). */
  readonly text?: string;
}

export interface RespondToMeetingsArgs {
  readonly responses: readonly MeetingResponseInput[];
  /** SendAndSaveCopy tells the organizer; SaveOnly records the answer silently. */
  readonly messageDisposition: MessageDisposition;
}

/**
 * CreateItem with meeting response objects: the attendee acts on a meeting it was invited to. A room
 * mailbox declining through the service account is how a booking nobody checked into is released, and
 * the organizer hears of it as from the room. One result per response, in order; Exchange returns an
 * id only for responses kept as drafts.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-meeting-request
 */
export const RespondToMeetings: Operation<RespondToMeetingsArgs, ItemResult<ItemId | undefined>[]> = {
  name: 'CreateItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-meeting-request',
  // Answering twice is harmless for the calendar, but it would mail the organizer twice.
  idempotent: false,
  build(a) {
    return el(
      'm:CreateItem',
      el(
        'm:Items',
        a.responses.map((r) =>
          el(
            `t:${r.answer}`,
            // ItemType's Body precedes ResponseObjectCoreFieldsType's ReferenceItemId (types.xsd sequence).
            els(r.text !== undefined && el('t:Body', r.text, { BodyType: 'Text' }), el('t:ReferenceItemId', undefined, { Id: r.item.id, ChangeKey: r.item.changeKey })),
          ),
        ),
      ),
      { MessageDisposition: a.messageDisposition },
    );
  },
  parse: parseItemIdResults,
};
