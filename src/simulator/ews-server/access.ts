import { attr, child, text, type XmlElement } from '../../ews/xml/index.js';
import type { FolderRole, MailboxRecord } from '../store/directory/index.js';
import type { FolderName } from '../store/calendar/index.js';
import { ItemError, type EwsContext } from './context.js';

export type Right = 'read' | 'create' | 'editOwn' | 'editAny' | 'deleteOwn' | 'deleteAny' | 'freeBusy';

/** What each folder permission role allows (Exchange's MailboxFolderPermission roles). */
const ROLE_RIGHTS: Record<string, readonly Right[]> = {
  Owner: ['read', 'create', 'editOwn', 'editAny', 'deleteOwn', 'deleteAny', 'freeBusy'],
  PublishingEditor: ['read', 'create', 'editOwn', 'editAny', 'deleteOwn', 'deleteAny', 'freeBusy'],
  Editor: ['read', 'create', 'editOwn', 'editAny', 'deleteOwn', 'deleteAny', 'freeBusy'],
  PublishingAuthor: ['read', 'create', 'editOwn', 'deleteOwn', 'freeBusy'],
  Author: ['read', 'create', 'editOwn', 'deleteOwn', 'freeBusy'],
  NonEditingAuthor: ['read', 'create', 'deleteOwn', 'freeBusy'],
  Reviewer: ['read', 'freeBusy'],
  Contributor: ['create', 'freeBusy'],
  LimitedDetails: ['freeBusy'],
  AvailabilityOnly: ['freeBusy'],
  None: [],
};

/** The caller's role on a mailbox's calendar: Owner of its own, else what folder permissions grant. */
export function roleOn(ctx: EwsContext, mailbox: MailboxRecord): FolderRole | 'Owner' {
  if (same(mailbox.smtp, ctx.actAs.smtp)) return 'Owner';
  return ctx.exchange.directory.folderRole(ctx.actAs, mailbox, 'Calendar');
}

export function hasRight(ctx: EwsContext, mailbox: MailboxRecord, right: Right): boolean {
  return (ROLE_RIGHTS[roleOn(ctx, mailbox)] ?? []).includes(right);
}

export function requireRight(ctx: EwsContext, mailbox: MailboxRecord, right: Right): void {
  if (!hasRight(ctx, mailbox, right)) throw new ItemError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

export const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const FOLDERS: Record<string, FolderName> = { calendar: 'calendar', inbox: 'inbox', drafts: 'drafts', sentitems: 'sentitems', deleteditems: 'deleteditems' };

/** A folder the request names, resolved to a mailbox of the directory and one of the store's folders. */
export interface ResolvedFolder {
  readonly mailbox: MailboxRecord;
  readonly folder: FolderName;
}

/**
 * Resolves `t:DistinguishedFolderId` (optionally with `t:Mailbox`) or `t:FolderId` (as this server
 * issues them, see folderId) to a mailbox and folder. Unknown mailboxes give ErrorNonExistentMailbox.
 */
export function resolveFolder(ctx: EwsContext, parent: XmlElement | undefined): ResolvedFolder {
  const dist = child(parent, 'DistinguishedFolderId');
  if (dist) {
    const name = (attr(dist, 'Id') ?? '').toLowerCase();
    const folder = FOLDERS[name];
    if (!folder) throw new ItemError('ErrorFolderNotFound', `The folder "${name}" is not available in this mailbox.`);
    const smtp = text(child(dist, 'Mailbox'), 'EmailAddress')?.trim();
    const mailbox = smtp ? ctx.exchange.mailbox(smtp) : ctx.actAs;
    if (!mailbox) throw new ItemError('ErrorNonExistentMailbox', `No mailbox with SMTP address ${smtp} exists.`);
    return { mailbox, folder };
  }
  const fid = child(parent, 'FolderId');
  if (fid) {
    const parsed = parseFolderId(attr(fid, 'Id') ?? '');
    const mailbox = parsed && ctx.exchange.directory.mailboxByGuid(parsed.guid);
    if (!parsed || !mailbox) throw new ItemError('ErrorInvalidIdMalformed', 'Id is malformed.');
    return { mailbox, folder: parsed.folder };
  }
  throw new ItemError('ErrorInvalidRequest', 'The request is invalid: no folder id given.');
}

/** Folder ids this server issues: opaque to clients, base64 of the mailbox GUID and folder name. */
export function folderId(mailbox: MailboxRecord, folder: FolderName): { id: string; changeKey: string } {
  return { id: Buffer.from(`F:${mailbox.guid}:${folder}`).toString('base64'), changeKey: 'AgAAAA==' };
}

function parseFolderId(id: string): { guid: string; folder: FolderName } | undefined {
  const raw = Buffer.from(id, 'base64').toString('utf8');
  const m = /^F:([0-9a-f-]{36}):(\w+)$/.exec(raw);
  const folder = m ? FOLDERS[m[2]!] : undefined;
  return m && folder ? { guid: m[1]!, folder } : undefined;
}
