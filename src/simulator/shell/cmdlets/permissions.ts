import { FOLDER_ROLES, type ExtendedRight, type FolderPermissionUser, type FolderRole, type MailboxRecord } from '../../store/directory/index.js';
import { attempt, identityParam, resolveFolder, resolveMailbox } from './common.js';
import { adPermissionObject, folderPermissionObject, mailboxIdentity } from './objects.js';
import type { BoundArguments, CmdletContext, CmdletDefinition, ParamSpec } from './types.js';

/**
 * Per-mailbox grants, the guide's alternative to impersonation: Add-/Get-/Set-/Remove-
 * MailboxFolderPermission on `alias:\Calendar`, and Add-/Get-/Remove-ADPermission for Send As.
 * https://learn.microsoft.com/powershell/module/exchange/add-mailboxfolderpermission
 * https://learn.microsoft.com/powershell/module/exchange/add-adpermission
 */

/** The individual rights Exchange also accepts; the simulator keeps roles only. */
const INDIVIDUAL_RIGHTS = ['ReadItems', 'CreateItems', 'EditOwnedItems', 'DeleteOwnedItems', 'EditAllItems', 'DeleteAllItems', 'CreateSubfolders', 'FolderOwner', 'FolderContact', 'FolderVisible'];
const FOLDER_ID = 'Microsoft.Exchange.Configuration.Tasks.MailboxFolderIdParameter';

const ACCESS_RIGHTS: ParamSpec = { name: 'AccessRights', type: 'enums', mandatory: true, values: [...FOLDER_ROLES, ...INDIVIDUAL_RIGHTS], typeName: 'Microsoft.Exchange.Management.StoreTasks.MailboxFolderAccessRight[]' };

const folderParams = (withRights: boolean): ParamSpec[] => [
  identityParam(true, FOLDER_ID),
  { name: 'User', type: 'string', mandatory: true, typeName: 'Microsoft.Exchange.Management.StoreTasks.MailboxFolderUserIdParameter' },
  ...(withRights ? [ACCESS_RIGHTS] : []),
  { name: 'SendNotificationToUser', type: 'bool' },
  { name: 'SharingPermissionFlags', type: 'string' },
];

function folderUser(ctx: CmdletContext, name: string): FolderPermissionUser | undefined {
  if (name.toLowerCase() === 'default') return 'Default';
  if (name.toLowerCase() === 'anonymous') return 'Anonymous';
  return resolveMailbox(ctx, name)?.guid;
}

function role(ctx: CmdletContext, args: BoundArguments): FolderRole {
  const rights = args.strings('AccessRights') ?? [];
  const roles = rights.filter((r): r is FolderRole => (FOLDER_ROLES as readonly string[]).includes(r));
  if (roles.length !== 1 || rights.length !== 1) {
    ctx.fail({ message: `The simulator grants one folder permission role at a time; got: ${rights.join(', ')}.`, exception: 'NotSupportedException', category: 'InvalidArgument', hint: `Use one of: ${FOLDER_ROLES.join(', ')}.` });
  }
  return roles[0]!;
}

/** Resolves -Identity (folder) and -User, or reports why not. */
function target(ctx: CmdletContext, args: BoundArguments): { mailbox: MailboxRecord; user: FolderPermissionUser } | undefined {
  const mailbox = resolveFolder(ctx, args.string('Identity')!);
  if (!mailbox) return undefined;
  const user = folderUser(ctx, args.string('User')!);
  return user === undefined ? undefined : { mailbox, user };
}

function entryFor(ctx: CmdletContext, mailbox: MailboxRecord, user: FolderPermissionUser) {
  return ctx.directory.folderPermissions(mailbox).find((p) => p.user === user);
}

export const addMailboxFolderPermission: CmdletDefinition = {
  name: 'Add-MailboxFolderPermission',
  origin: 'exchange',
  parameters: folderParams(true),
  run(ctx, args) {
    const accessRights = role(ctx, args);
    const t = target(ctx, args);
    if (!t) return [];
    const done = attempt(ctx, () => {
      ctx.directory.addFolderPermission(t.mailbox, t.user, accessRights);
      return true;
    });
    if (!done) return [];
    return [folderPermissionObject(ctx.directory, t.mailbox, entryFor(ctx, t.mailbox, t.user)!)];
  },
};

export const setMailboxFolderPermission: CmdletDefinition = {
  name: 'Set-MailboxFolderPermission',
  origin: 'exchange',
  parameters: folderParams(true),
  run(ctx, args) {
    const accessRights = role(ctx, args);
    const t = target(ctx, args);
    if (!t) return [];
    if (entryFor(ctx, t.mailbox, t.user)?.accessRights === accessRights) {
      ctx.warn(`The command completed successfully but no settings of '${args.string('Identity')}' have been modified.`);
      return [];
    }
    attempt(ctx, () => ctx.directory.setFolderPermission(t.mailbox, t.user, accessRights));
    return [];
  },
};

export const getMailboxFolderPermission: CmdletDefinition = {
  name: 'Get-MailboxFolderPermission',
  origin: 'exchange',
  parameters: [identityParam(true, FOLDER_ID), { name: 'User', type: 'string' }],
  run(ctx, args) {
    const mailbox = resolveFolder(ctx, args.string('Identity')!);
    if (!mailbox) return [];
    let entries = ctx.directory.folderPermissions(mailbox);
    const userName = args.string('User');
    if (userName !== undefined) {
      const user = folderUser(ctx, userName);
      if (user === undefined) return [];
      entries = entries.filter((e) => e.user === user);
      if (entries.length === 0) ctx.writeError({ message: `There is no existing permission entry found for user: ${userName}.`, exception: 'UserNotFoundInPermissionEntryException' });
    }
    return entries.map((e) => folderPermissionObject(ctx.directory, mailbox, e));
  },
};

export const removeMailboxFolderPermission: CmdletDefinition = {
  name: 'Remove-MailboxFolderPermission',
  origin: 'exchange',
  confirmImpact: 'high',
  parameters: folderParams(false),
  async run(ctx, args) {
    const t = target(ctx, args);
    if (!t) return [];
    const identity = args.string('Identity')!;
    if (await ctx.shouldProcess(identity, 'Remove', `Removing mailbox folder permission on Identity:"${identity}" for user "${args.string('User')}".`)) {
      attempt(ctx, () => ctx.directory.removeFolderPermission(t.mailbox, t.user));
    }
    return [];
  },
};

/** "Send As" (display name) and "Send-As" (the right's name) both name the Send As right. */
function extendedRights(ctx: CmdletContext, args: BoundArguments): ExtendedRight[] | undefined {
  const rights = args.strings('ExtendedRights');
  if (rights === undefined) return undefined;
  return rights.map((r) => {
    const key = r.trim().toLowerCase().replace(/[\s-]+/g, '-');
    if (key === 'send-as') return 'Send-As';
    if (key === 'receive-as') return 'Receive-As';
    return ctx.fail({ message: `The extended right "${r}" isn't valid.`, exception: 'ArgumentException', category: 'InvalidArgument', hint: 'The simulator knows the extended rights "Send As" and "Receive As".' });
  });
}

const adParams: ParamSpec[] = [
  identityParam(true, 'Microsoft.Exchange.Configuration.Tasks.ADRawEntryIdParameter'),
  { name: 'User', type: 'string', typeName: 'Microsoft.Exchange.Configuration.Tasks.SecurityPrincipalIdParameter' },
  { name: 'ExtendedRights', type: 'strings', typeName: 'Microsoft.Exchange.Management.RecipientTasks.ExtendedRightIdParameter[]' },
  { name: 'AccessRights', type: 'strings' },
  { name: 'InheritanceType', type: 'string' },
];

/** Resolves -Identity, -User and -ExtendedRights of Add-/Remove-ADPermission. */
function adGrant(ctx: CmdletContext, args: BoundArguments): { mailbox: MailboxRecord; user: MailboxRecord; rights: ExtendedRight[] } | undefined {
  const rights = extendedRights(ctx, args);
  if (!rights) {
    ctx.fail({ message: 'You must specify either the AccessRights or the ExtendedRights parameter.', exception: 'ArgumentException', category: 'InvalidArgument', hint: 'For Send As: -ExtendedRights "Send As".' });
  }
  const userName = args.string('User');
  if (userName === undefined) ctx.fail({ message: 'Parameter set cannot be resolved using the specified named parameters.', exception: 'ParameterBindingException', category: 'InvalidArgument', errorId: 'AmbiguousParameterSet', hint: 'Say who gets the right: -User <account>.' });
  const mailbox = resolveMailbox(ctx, args.string('Identity')!);
  const user = mailbox && resolveMailbox(ctx, userName);
  return mailbox && user ? { mailbox, user, rights } : undefined;
}

export const addADPermission: CmdletDefinition = {
  name: 'Add-ADPermission',
  origin: 'exchange',
  parameters: adParams,
  run(ctx, args) {
    const grant = adGrant(ctx, args);
    if (!grant) return [];
    for (const right of grant.rights) ctx.directory.addExtendedRight(grant.mailbox, grant.user, right);
    return grant.rights.map((r) => adPermissionObject(ctx.directory, grant.mailbox, grant.user, r));
  },
};

export const getADPermission: CmdletDefinition = {
  name: 'Get-ADPermission',
  origin: 'exchange',
  parameters: [identityParam(true, 'Microsoft.Exchange.Configuration.Tasks.ADRawEntryIdParameter'), { name: 'User', type: 'string' }],
  run(ctx, args) {
    const mailbox = resolveMailbox(ctx, args.string('Identity')!);
    if (!mailbox) return [];
    const userName = args.string('User');
    const user = userName === undefined ? undefined : resolveMailbox(ctx, userName);
    if (userName !== undefined && !user) return [];
    return ctx.directory
      .extendedRights(mailbox)
      .filter((g) => !user || g.user === user.guid)
      .flatMap((g) => {
        const grantee = ctx.directory.mailboxByGuid(g.user);
        return grantee ? [adPermissionObject(ctx.directory, mailbox, grantee, g.right)] : [];
      });
  },
};

export const removeADPermission: CmdletDefinition = {
  name: 'Remove-ADPermission',
  origin: 'exchange',
  confirmImpact: 'high',
  parameters: adParams,
  async run(ctx, args) {
    const grant = adGrant(ctx, args);
    if (!grant) return [];
    const who = `${ctx.directory.state.netbiosName}\\${grant.user.alias}`;
    const on = mailboxIdentity(ctx.directory, grant.mailbox);
    if (await ctx.shouldProcess(on, 'Remove', `Removing Active Directory permission "${grant.rights.join(', ')}" for user "${who}" on "${on}".`)) {
      for (const right of grant.rights) ctx.directory.removeExtendedRight(grant.mailbox, grant.user, right);
    }
    return [];
  },
};
