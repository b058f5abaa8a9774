/**
 * SendItem: sends saved messages (CreateItem SaveOnly), one SendItemResponseMessage per id, no payload.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/senditem-operation
 *
 * SaveItemToFolder="true" keeps the sent copy in Sent Items, or in the SavedItemFolderId folder when it
 * is one of the same mailbox's mail folders; "false" with a SavedItemFolderId is
 * ErrorInvalidSendItemSaveSettings. A message with no recipients is ErrorMissingRecipients.
 */
import { child, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { resolveFolder, same } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { isCalendarEntry, itemIdElements, lookup, ownerOf } from './items.js';
import { failure, requiredAttr, requireSendAs, xsBoolean } from './write.js';

export function sendItem(ctx: EwsContext, body: XmlElement): Raw {
  const save = xsBoolean(requiredAttr(body, 'SaveItemToFolder'), 'SaveItemToFolder');
  const savedIn = child(body, 'SavedItemFolderId');
  return responseMessages(
    itemIdElements(child(body, 'ItemIds')).map((id) => {
      try {
        if (!save && savedIn) throw new ItemError('ErrorInvalidSendItemSaveSettings', 'SavedItemFolderId is not allowed when SaveItemToFolder is false.');
        const entry = lookup(ctx, id);
        const owner = ownerOf(ctx, entry);
        if (isCalendarEntry(entry) || entry.itemClass !== 'IPM.Note') throw new ItemError('ErrorInvalidItemForOperationSendItem', 'Only e-mail messages can be sent with SendItem.');
        // Another mailbox's drafts, and mail in its name, need Send As on it.
        requireSendAs(ctx, owner);
        const from = entry.from.email ? ctx.exchange.mailbox(entry.from.email) : owner;
        if (!from) throw new ItemError('ErrorSendAsDenied', 'The message is from an address no mailbox here has.');
        requireSendAs(ctx, from);
        if (entry.toRecipients.length + entry.ccRecipients.length === 0) throw new ItemError('ErrorMissingRecipients', 'The message has no recipients.');
        const target = savedIn ? resolveFolder(ctx, savedIn) : undefined;
        const saveTo = target && same(target.mailbox.smtp, owner.smtp) && target.folder !== 'calendar' ? target.folder : undefined;
        ctx.exchange.calendar.sendDraft(entry.id, { saveCopy: save, ...(saveTo ? { saveTo } : {}) });
        ctx.exchange.touch();
        return responseMessage('SendItem', 'Success', 'NoError');
      } catch (err) {
        return failure('SendItem', err);
      }
    }),
  );
}
