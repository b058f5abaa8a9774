import { el, type XmlElement } from '../xml/index.js';
import { writeItemId, type ItemRef } from './common.js';
import type { CalendarItemCreateOrDelete } from './create-item.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';
import { voidResults } from './send-item.js';

/** types.xsd DisposalType. */
export type DeleteType = 'HardDelete' | 'SoftDelete' | 'MoveToDeletedItems';

/** types.xsd AffectedTaskOccurrencesType; Exchange wants it for tasks only. */
export type AffectedTaskOccurrences = 'AllOccurrences' | 'SpecifiedOccurrenceOnly';

export interface DeleteItemsArgs {
  /** Items, or single occurrences addressed through their master (OccurrenceItemId). */
  readonly ids: readonly ItemRef[];
  readonly deleteType: DeleteType;
  /** Defaults to SendToNone: a silent delete is the safe default, and Exchange requires a value for calendar items. */
  readonly sendMeetingCancellations?: CalendarItemCreateOrDelete;
  readonly affectedTaskOccurrences?: AffectedTaskOccurrences;
}

/**
 * DeleteItem, many ids per call; one result per id, in order.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem-operation
 */
export const DeleteItems: Operation<DeleteItemsArgs, ItemResult<void>[]> = {
  name: 'DeleteItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deleteitem-operation',
  // Repeating it may send cancellations again, and turns success into ErrorItemNotFound.
  idempotent: false,
  build(a) {
    // Without SendMeetingCancellations Exchange refuses calendar items (ErrorSendMeetingCancellationsRequired).
    return el('m:DeleteItem', el('m:ItemIds', a.ids.map(writeItemId)), {
      DeleteType: a.deleteType,
      SendMeetingCancellations: a.sendMeetingCancellations ?? 'SendToNone',
      AffectedTaskOccurrences: a.affectedTaskOccurrences,
    });
  },
  parse(response: XmlElement, ctx: ParseContext) {
    return voidResults(response, ctx);
  },
};
