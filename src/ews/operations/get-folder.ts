import { readItemId } from '../schema/calendar-item-fields.js';
import type { EffectiveRights, ItemId } from '../schema/types.js';
import { bool, child, childNames, el, els, int, text, type XmlElement } from '../xml/index.js';
import { writeFolderId, type FolderRef } from './common.js';
import { messageError, responseMessages } from './envelope.js';
import type { ItemResult, Operation, ParseContext } from './operation.js';

export interface Folder {
  readonly folderId?: ItemId;
  /** `CalendarFolder`, `Folder`, … as the element name says. */
  readonly folderType: string;
  readonly displayName?: string;
  readonly folderClass?: string;
  readonly totalCount?: number;
  readonly childFolderCount?: number;
  readonly effectiveRights?: EffectiveRights;
}

export interface GetFolderArgs {
  readonly folders: readonly FolderRef[];
}

/**
 * GetFolder with the fields Concierge needs to know what the caller may do in a calendar.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getfolder-operation
 */
export const GetFolder: Operation<GetFolderArgs, ItemResult<Folder>[]> = {
  name: 'GetFolder',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getfolder-operation',
  idempotent: true,
  build(a) {
    const props = ['folder:DisplayName', 'folder:FolderClass', 'folder:TotalCount', 'folder:ChildFolderCount', 'folder:EffectiveRights'];
    return el(
      'm:GetFolder',
      els(
        el('m:FolderShape', els(el('t:BaseShape', 'IdOnly'), el('t:AdditionalProperties', props.map((u) => el('t:FieldURI', undefined, { FieldURI: u }))))),
        el('m:FolderIds', a.folders.map(writeFolderId)),
      ),
    );
  },
  parse(response: XmlElement, ctx: ParseContext) {
    return responseMessages(response).map((msg): ItemResult<Folder> => {
      if (msg.responseClass === 'Error') return { ok: false, error: messageError(msg, ctx.operation, ctx.errors) };
      const folders = child(msg.element, 'Folders');
      const [folderType = 'Folder'] = childNames(folders);
      return { ok: true, value: readFolder(child(folders, folderType) ?? {}, folderType) };
    });
  },
};

function readFolder(f: XmlElement, folderType: string): Folder {
  const r = child(f, 'EffectiveRights');
  const b = (n: string) => bool(r, n) ?? false;
  const folderId = readItemId(child(f, 'FolderId'));
  return {
    folderType,
    ...(folderId ? { folderId } : {}),
    ...(text(f, 'DisplayName') !== undefined ? { displayName: text(f, 'DisplayName') } : {}),
    ...(text(f, 'FolderClass') !== undefined ? { folderClass: text(f, 'FolderClass') } : {}),
    ...(int(f, 'TotalCount') !== undefined ? { totalCount: int(f, 'TotalCount') } : {}),
    ...(int(f, 'ChildFolderCount') !== undefined ? { childFolderCount: int(f, 'ChildFolderCount') } : {}),
    ...(r ? { effectiveRights: { createAssociated: b('CreateAssociated'), createContents: b('CreateContents'), createHierarchy: b('CreateHierarchy'), delete: b('Delete'), modify: b('Modify'), read: b('Read') } } : {}),
  };
}
