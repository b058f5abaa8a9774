import { el, els, type XmlElement } from '../xml/index.js';
import { writeFolderId, writeItemId, type FolderRef, type ItemRef } from './common.js';
import { messageError, responseMessages } from './envelope.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';

/**
 * A folder for the sent copy only makes sense when a copy is kept; the union makes the other
 * combination unwritable instead of leaving Exchange to refuse it.
 */
export type SendItemArgs =
  | { readonly ids: readonly ItemRef[]; readonly saveItemToFolder: true; readonly savedItemFolder?: FolderRef }
  | { readonly ids: readonly ItemRef[]; readonly saveItemToFolder: false; readonly savedItemFolder?: never };

/**
 * SendItem: sends drafts saved earlier (CreateItem SaveOnly); one result per id, in order.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/senditem-operation
 */
export const SendItem: Operation<SendItemArgs, ItemResult<void>[]> = {
  name: 'SendItem',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/senditem-operation',
  // Sending twice sends two mails.
  idempotent: false,
  build(a) {
    return el(
      'm:SendItem',
      els(el('m:ItemIds', a.ids.map(writeItemId)), a.savedItemFolder && el('m:SavedItemFolderId', writeFolderId(a.savedItemFolder))),
      { SaveItemToFolder: a.saveItemToFolder },
    );
  },
  parse(response: XmlElement, ctx: ParseContext) {
    return voidResults(response, ctx);
  },
};

/** Results of operations whose success carries no payload (SendItem, DeleteItem). */
export function voidResults(response: XmlElement, ctx: ParseContext): ItemResult<void>[] {
  return responseMessages(response).map((msg): ItemResult<void> =>
    msg.responseClass === 'Error' ? { ok: false, error: messageError(msg, ctx.operation, ctx.errors) } : { ok: true, value: undefined },
  );
}
