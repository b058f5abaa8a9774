import { fieldFor } from '../schema/calendar-item-fields.js';
import type { CalendarItem, ItemId } from '../schema/types.js';
import { el, els, Raw } from '../xml/index.js';

/** A folder: one of the mailbox's well-known folders (optionally of another mailbox), or an id. */
export type FolderRef =
  | { readonly distinguished: 'calendar' | 'inbox' | 'sentitems' | 'drafts' | 'deleteditems' | 'msgfolderroot' | 'root'; readonly mailbox?: string }
  | { readonly id: string; readonly changeKey?: string };

export function writeFolderId(f: FolderRef): Raw {
  if ('id' in f) return el('t:FolderId', undefined, { Id: f.id, ChangeKey: f.changeKey });
  return el('t:DistinguishedFolderId', f.mailbox !== undefined ? el('t:Mailbox', el('t:EmailAddress', f.mailbox)) : undefined, { Id: f.distinguished });
}

/**
 * An item to act on: a stored item, an occurrence of a series addressed through its master, or the series
 * (its master) addressed through one of its occurrences (`seriesOf`: the occurrence's or exception's id).
 */
export type ItemRef =
  | ItemId
  | { readonly recurringMasterId: string; readonly changeKey?: string; readonly instanceIndex: number }
  | { readonly seriesOf: string; readonly changeKey?: string };

export function writeItemId(ref: ItemRef): Raw {
  if ('seriesOf' in ref) return el('t:RecurringMasterItemId', undefined, { OccurrenceId: ref.seriesOf, ChangeKey: ref.changeKey });
  if ('recurringMasterId' in ref) return el('t:OccurrenceItemId', undefined, { RecurringMasterId: ref.recurringMasterId, ChangeKey: ref.changeKey, InstanceIndex: ref.instanceIndex });
  return el('t:ItemId', undefined, { Id: ref.id, ChangeKey: ref.changeKey });
}

export type BaseShape = 'IdOnly' | 'Default' | 'AllProperties';

/** ItemShape (or FolderShape) with the given calendar fields as AdditionalProperties. */
export function writeItemShape(tag: 'm:ItemShape', base: BaseShape, fields: readonly (keyof CalendarItem)[], extraUris: readonly string[] = []): Raw {
  const uris = [...fields.map((k) => fieldFor(k).fieldUri), ...extraUris];
  return el(tag, els(el('t:BaseShape', base), uris.length > 0 && el('t:AdditionalProperties', uris.map((u) => el('t:FieldURI', undefined, { FieldURI: u })))));
}

export { Raw };
