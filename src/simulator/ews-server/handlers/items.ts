import { attr, child, childNames, children, type XmlElement } from '../../../ews/xml/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';
import { toEwsCalendarItem, type CalendarEntry, type StoreEntry } from '../../store/calendar/index.js';
import type { CalendarItem } from '../../../ews/schema/types.js';
import { folderId, hasRight, same } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';

/** An id element of m:ItemIds: ItemId, OccurrenceItemId or RecurringMasterItemId, as the client wrote it. */
export function itemIdElements(container: XmlElement | undefined): { kind: string; el: XmlElement }[] {
  const out: { kind: string; el: XmlElement }[] = [];
  // The reader groups children by name; Exchange clients never mix kinds in one list, so name order is enough.
  for (const kind of childNames(container)) {
    if (kind === 'ItemId' || kind === 'OccurrenceItemId' || kind === 'RecurringMasterItemId') for (const el of children(container, kind)) out.push({ kind, el });
  }
  return out;
}

/** Looks an id up in the store (ErrorItemNotFound / ErrorInvalidIdMalformed as the store says). */
export function lookup(ctx: EwsContext, id: { kind: string; el: XmlElement }): StoreEntry {
  const store = ctx.exchange.calendar;
  if (id.kind === 'OccurrenceItemId') return store.getOccurrence(attr(id.el, 'RecurringMasterId') ?? '', Number(attr(id.el, 'InstanceIndex') ?? 0));
  if (id.kind === 'RecurringMasterItemId') return store.getMaster(attr(id.el, 'OccurrenceId') ?? '');
  return store.getItem(attr(id.el, 'Id') ?? '');
}

export function ownerOf(ctx: EwsContext, entry: StoreEntry): MailboxRecord {
  const m = ctx.exchange.mailbox(entry.mailbox);
  if (!m) throw new ItemError('ErrorItemNotFound', 'The specified object was not found in the store.');
  return m;
}

/** Reading an item needs Read on its mailbox's calendar (or being its owner); others see "not found". */
export function requireReadable(ctx: EwsContext, entry: StoreEntry): MailboxRecord {
  const owner = ownerOf(ctx, entry);
  if (!same(owner.smtp, ctx.actAs.smtp) && !hasRight(ctx, owner, 'read')) throw new ItemError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  return owner;
}

export const isCalendarEntry = (e: StoreEntry): e is CalendarEntry => 'calendarItemType' in e;

/** The store's entry as EWS data, with the facts only the server knows (parent folder, rights). */
export function calendarItemFor(ctx: EwsContext, entry: CalendarEntry, owner: MailboxRecord): CalendarItem {
  const own = same(owner.smtp, ctx.actAs.smtp);
  const canEdit = own || hasRight(ctx, owner, 'editAny');
  return {
    ...toEwsCalendarItem(entry),
    parentFolderId: folderId(owner, entry.folder),
    effectiveRights: { createAssociated: false, createContents: false, createHierarchy: false, delete: canEdit || (own && hasRight(ctx, owner, 'deleteOwn')), modify: canEdit, read: true, viewPrivateItems: own },
  };
}

export { child };
