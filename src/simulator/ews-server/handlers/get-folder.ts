import { attr, child, children, el, els, text, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { folderId, hasRight, resolveFolder, roleOn } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';

const DISPLAY: Record<string, [string, string, string]> = {
  calendar: ['CalendarFolder', 'Calendar', 'IPF.Appointment'],
  inbox: ['Folder', 'Inbox', 'IPF.Note'],
  drafts: ['Folder', 'Drafts', 'IPF.Note'],
  sentitems: ['Folder', 'Sent Items', 'IPF.Note'],
  deleteditems: ['Folder', 'Deleted Items', 'IPF.Note'],
};

/**
 * GetFolder: the folder's id, name, class, count and EffectiveRights. A delegate without at least
 * Reviewer (free/busy-only roles included) gets ErrorAccessDenied, as from Exchange.
 */
export function getFolder(ctx: EwsContext, body: XmlElement): Raw {
  const ids = child(body, 'FolderIds');
  const refs = [...children(ids, 'DistinguishedFolderId').map((d) => ({ DistinguishedFolderId: [d] })), ...children(ids, 'FolderId').map((f) => ({ FolderId: [f] }))];
  return responseMessages(
    refs.map((ref) => {
      try {
        const root = rootFolder(ctx, ref as XmlElement);
        if (root) return root;
        const { mailbox, folder } = resolveFolder(ctx, ref as XmlElement);
        if (!hasRight(ctx, mailbox, 'read')) throw new ItemError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
        const [type, name, cls] = DISPLAY[folder]!;
        const role = roleOn(ctx, mailbox);
        const editor = role === 'Owner' || hasRight(ctx, mailbox, 'editAny');
        const count = ctx.exchange.calendar.findItems(mailbox.smtp, folder).length;
        const id = folderId(mailbox, folder);
        const payload = el(
          'm:Folders',
          el(`t:${type}`, els(
            el('t:FolderId', undefined, { Id: id.id, ChangeKey: id.changeKey }),
            el('t:FolderClass', cls),
            el('t:DisplayName', name),
            el('t:TotalCount', String(count)),
            el('t:ChildFolderCount', '0'),
            el('t:EffectiveRights', els(el('t:CreateAssociated', String(role === 'Owner')), el('t:CreateContents', String(hasRight(ctx, mailbox, 'create'))), el('t:CreateHierarchy', String(role === 'Owner')), el('t:Delete', String(editor)), el('t:Modify', String(editor)), el('t:Read', 'true'))),
          )),
        );
        return responseMessage('GetFolder', 'Success', 'NoError', payload);
      } catch (err) {
        if (err instanceof ItemError) return responseMessage('GetFolder', 'Error', err.code, el('m:Folders'), err.message);
        throw err;
      }
    }),
  );
}


/**
 * The mailbox root ("Top of Information Store"), which exchangelib opens before any folder. Exchange lets
 * anyone with a role on the mailbox's calendar see it (a calendar delegate can), and no one else.
 */
function rootFolder(ctx: EwsContext, ref: XmlElement): Raw | undefined {
  const dist = child(ref, 'DistinguishedFolderId');
  const name = (attr(dist, 'Id') ?? '').toLowerCase();
  if (name !== 'root' && name !== 'msgfolderroot') return undefined;
  const smtp = text(child(dist, 'Mailbox'), 'EmailAddress')?.trim();
  const mailbox = smtp ? ctx.exchange.mailbox(smtp) : ctx.actAs;
  if (!mailbox) throw new ItemError('ErrorNonExistentMailbox', `No mailbox with SMTP address ${smtp} exists.`);
  if (!hasRight(ctx, mailbox, 'read')) throw new ItemError('ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  const id = { id: Buffer.from(`F:${mailbox.guid}:${name}`).toString('base64'), changeKey: 'AQAAAA==' };
  const own = roleOn(ctx, mailbox) === 'Owner';
  return responseMessage(
    'GetFolder',
    'Success',
    'NoError',
    el('m:Folders', el('t:Folder', els(
      el('t:FolderId', undefined, { Id: id.id, ChangeKey: id.changeKey }),
      el('t:DisplayName', name === 'root' ? 'Root' : 'Top of Information Store'),
      el('t:TotalCount', '0'),
      el('t:ChildFolderCount', '5'),
      el('t:EffectiveRights', els(el('t:CreateAssociated', String(own)), el('t:CreateContents', String(own)), el('t:CreateHierarchy', String(own)), el('t:Delete', 'false'), el('t:Modify', String(own)), el('t:Read', 'true'))),
    ))),
  );
}
