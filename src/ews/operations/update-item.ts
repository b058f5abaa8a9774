import { CALENDAR_ITEM_FIELDS, fieldFor, writeSingleField } from '../schema/calendar-item-fields.js';
import type { CalendarItemInput, ItemId } from '../schema/types.js';
import { versionAtLeast, type ExchangeVersion } from '../schema/versions.js';
import { child, el, els, int, type Raw, type XmlElement } from '../xml/index.js';
import { writeItemId, type ItemRef } from './common.js';
import { firstItemId, requireItemId } from './create-item.js';
import { messageError, responseMessages } from './envelope.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';

/** types.xsd ConflictResolutionType: what to do when the ChangeKey is stale. */
export type ConflictResolution = 'NeverOverwrite' | 'AutoResolve' | 'AlwaysOverwrite';

/** types.xsd CalendarItemUpdateOperationType: who hears about the change. */
export type CalendarItemUpdateOperation = 'SendToNone' | 'SendOnlyToAll' | 'SendOnlyToChanged' | 'SendToAllAndSaveCopy' | 'SendToChangedAndSaveCopy';

export interface CalendarItemChange {
  /** With the ChangeKey last read, so Exchange can detect a concurrent edit. */
  readonly item: ItemRef;
  /** Fields to set; absent keys stay as they are. Lists (attendees) replace the whole list. */
  readonly set: CalendarItemInput;
  /** Fields to clear. */
  readonly delete?: readonly (keyof CalendarItemInput)[];
}

export interface UpdateCalendarItemsArgs {
  readonly changes: readonly CalendarItemChange[];
  /** Default AutoResolve, Exchange's own default. */
  readonly conflictResolution?: ConflictResolution;
  /** Exchange requires it for calendar items (else ErrorSendMeetingInvitationsOrCancellationsRequired). */
  readonly sendMeetingInvitationsOrCancellations: CalendarItemUpdateOperation;
}

/** The new id and ChangeKey, plus how many conflicts Exchange resolved (ConflictResults/Count) when it says. */
export interface UpdatedItemId extends ItemId {
  readonly conflictCount?: number;
}

/**
 * UpdateItem for calendar items, many changes per call; one result per change, in order.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem-operation-calendar-item
 */
export const UpdateCalendarItems: Operation<UpdateCalendarItemsArgs, ItemResult<UpdatedItemId>[]> = {
  name: 'UpdateItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/updateitem-operation-calendar-item',
  // Repeating it re-sends meeting updates, and the ChangeKey it carries is stale after the first run.
  idempotent: false,
  build(a, version) {
    return el(
      'm:UpdateItem',
      el('m:ItemChanges', a.changes.map((c, i) => el('t:ItemChange', els(writeItemId(c.item), el('t:Updates', updatesFor(c, i, version)))))),
      { ConflictResolution: a.conflictResolution ?? 'AutoResolve', SendMeetingInvitationsOrCancellations: a.sendMeetingInvitationsOrCancellations },
    );
  },
  parse(response: XmlElement, ctx: ParseContext) {
    return responseMessages(response).map((msg): ItemResult<UpdatedItemId> => {
      if (msg.responseClass === 'Error') return { ok: false, error: messageError(msg, ctx.operation, ctx.errors) };
      const r = requireItemId({ ok: true, value: firstItemId(child(msg.element, 'Items')) }, ctx);
      if (!r.ok) return r;
      // Lenient: a missing or non-numeric Count is simply not reported.
      const conflictCount = int(child(msg.element, 'ConflictResults'), 'Count');
      return { ok: true, value: conflictCount === undefined ? r.value : { ...r.value, conflictCount } };
    });
  },
};

const uriElement = (uri: string) => el('t:FieldURI', undefined, { FieldURI: uri });
const setField = (uri: string, value: Raw) => el('t:SetItemField', els(uriElement(uri), el('t:CalendarItem', value)));
const deleteField = (uri: string) => el('t:DeleteItemField', uriElement(uri));

/** The event's zone lives in two fields; both move together, as on CreateItem. */
const TIME_ZONE_FIELDS = ['startTimeZoneId', 'endTimeZoneId'] as const;

/** SetItemField per set key in schema order (as the field table has it), then DeleteItemField per deleted key. */
function updatesFor(c: CalendarItemChange, index: number, version: ExchangeVersion): Raw[] {
  const out: Raw[] = [];
  for (const f of CALENDAR_ITEM_FIELDS) {
    if ((TIME_ZONE_FIELDS as readonly string[]).includes(f.key)) {
      if (c.set.timeZoneId === undefined) continue;
      // StartTimeZone/EndTimeZone came with Exchange2010; dropping the change silently would report a success that did not happen.
      if (!versionAtLeast(version, 'Exchange2010')) throw new RangeError(`UpdateCalendarItems: changing the time zone needs Exchange2010 or later, not ${version}`);
      out.push(setField(f.fieldUri, el(`t:${f.element}`, undefined, { Id: c.set.timeZoneId })));
      continue;
    }
    const value = writeSingleField(f.key as keyof CalendarItemInput, c.set);
    if (value) out.push(setField(f.fieldUri, value));
  }
  for (const key of c.delete ?? []) {
    if (key === 'timeZoneId') for (const k of TIME_ZONE_FIELDS) out.push(deleteField(fieldFor(k).fieldUri));
    else out.push(deleteField(fieldFor(key).fieldUri));
  }
  // Updates is a non-empty array in the schema; say which change is empty rather than get a schema fault back.
  if (out.length === 0) throw new RangeError(`UpdateCalendarItems: change ${index} sets and deletes nothing`);
  return out;
}
