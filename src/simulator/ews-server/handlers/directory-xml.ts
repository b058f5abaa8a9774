import { el, els, type Raw } from '../../../ews/xml/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';

/**
 * A directory entry as t:EmailAddressType (ResolveNames' t:Mailbox, GetRooms' t:Id). Exchange writes
 * MailboxType "Mailbox" for users and rooms alike (msdocs-getrooms-ref.response.xml,
 * msdocs-resolvenames-ref.response.xml) and the primary SMTP address in the case it was created with.
 */
export function directoryAddress(tag: string, m: MailboxRecord): Raw {
  return address(tag, m.displayName, m.smtp, 'Mailbox');
}

export function address(tag: string, name: string, smtp: string, mailboxType: 'Mailbox' | 'PublicDL'): Raw {
  return el(tag, els(el('t:Name', name), el('t:EmailAddress', smtp), el('t:RoutingType', 'SMTP'), el('t:MailboxType', mailboxType)));
}

export const isRoom = (m: MailboxRecord): boolean => m.type === 'RoomMailbox';

/** Directory entries in the order Exchange lists candidates: by display name. */
export const byDisplayName = (a: MailboxRecord, b: MailboxRecord): number => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' });
