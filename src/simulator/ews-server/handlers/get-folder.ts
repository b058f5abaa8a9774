import { child, children, el, els, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import { folderId, hasRight, resolveFolder, roleOn } from '../access.js';
import { ItemError, type EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';

const DISPLAY: Record<string, [string, string, string]> = {
  calendar: ['CalendarFolder', 'Calendar', 'IPF.Appointment'],
  inbox: ['Folder', 'Inbox', 'IPF.Note'],
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

