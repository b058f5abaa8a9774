/**
 * CreateItem of `t:Message` (plain email).
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/createitem-operation-email-message
 *
 * MessageDisposition decides: SaveOnly keeps the message unsent, in the SavedItemFolderId folder or
 * else in Drafts (where Exchange 2010 and later put it; the 2007-era proxy reference says Sent Items),
 * and answers its id; SendOnly and SendAndSaveCopy deliver at once and answer an empty m:Items, as
 * Exchange does ("an item identifier is not returned"). The saved copy of a sent message goes to the
 * sending mailbox's Sent Items.
 */
import { readEmailAddress } from '../../../ews/schema/calendar-item-fields.js';
import type { Body, EmailAddress } from '../../../ews/schema/types.js';
import { attr, child, children, el, text, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';
import { resolveFolder, same, type ResolvedFolder } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage } from '../soap-response.js';
import { itemIdXml, requireSendAs, resolveAddress, sendAsDenied, type Disposition } from './write.js';

export function readBody(item: XmlElement): Body {
  const b = child(item, 'Body');
  return { type: attr(b, 'BodyType') === 'HTML' ? 'HTML' : 'Text', value: text(b) ?? '' };
}

function recipients(ctx: EwsContext, item: XmlElement, tag: string): EmailAddress[] {
  return children(child(item, tag), 'Mailbox')
    .map((m) => readEmailAddress(m))
    .filter((a): a is EmailAddress => a !== undefined)
    .map((a) => resolveAddress(ctx, a));
}

export const addressOf = (m: MailboxRecord): EmailAddress => ({ name: m.displayName, email: m.smtp, routingType: 'SMTP', mailboxType: 'Mailbox' });

/**
 * Who the message is from: the t:From mailbox (which must be a mailbox here the caller may send as,
 * else ErrorSendAsDenied), or the mailbox acted for.
 */
function sender(ctx: EwsContext, item: XmlElement): MailboxRecord {
  const from = readEmailAddress(child(child(item, 'From'), 'Mailbox'));
  if (!from?.email) return ctx.actAs;
  const m = ctx.exchange.mailbox(from.email);
  if (!m) throw sendAsDenied();
  return m;
}

export function createMessage(ctx: EwsContext, item: XmlElement, savedIn: XmlElement | undefined, disposition: Disposition | undefined): Raw {
  if (!disposition) throw new ItemError('ErrorMessageDispositionRequired', 'The MessageDisposition attribute is required for e-mail messages.');
  const subject = text(item, 'Subject') ?? '';
  const body = readBody(item);
  const to = recipients(ctx, item, 'ToRecipients');
  const cc = recipients(ctx, item, 'CcRecipients');
  const store = ctx.exchange.calendar;
  if (disposition === 'SaveOnly') {
    const target: ResolvedFolder = savedIn ? resolveFolder(ctx, savedIn) : { mailbox: ctx.actAs, folder: 'drafts' };
    // Folder rights exist here for calendars only; another mailbox's mail folders need Send As.
    if (!same(target.mailbox.smtp, ctx.actAs.smtp)) requireSendAs(ctx, target.mailbox);
    if (target.folder === 'calendar') throw new ItemError('ErrorInvalidRequest', 'The simulator keeps messages in mail folders only, not in the calendar.');
    const from = child(item, 'From') ? addressOf(sender(ctx, item)) : addressOf(target.mailbox);
    const entry = store.saveDraft(target.mailbox.smtp, target.folder, from, to, cc, subject, body);
    ctx.exchange.touch();
    return responseMessage('CreateItem', 'Success', 'NoError', el('m:Items', itemIdXml('Message', entry.id, entry.changeKey)));
  }
  if (savedIn) resolveFolder(ctx, savedIn);
  const from = sender(ctx, item);
  requireSendAs(ctx, from);
  // Bcc recipients are not delivered: the store keeps To and Cc only.
  if (to.length + cc.length === 0) throw new ItemError('ErrorInvalidRecipients', 'The message has no recipients.');
  store.deliverMessage(addressOf(from), to, cc, subject, body, { saveCopy: disposition === 'SendAndSaveCopy' });
  ctx.exchange.touch();
  return responseMessage('CreateItem', 'Success', 'NoError', el('m:Items'));
}
