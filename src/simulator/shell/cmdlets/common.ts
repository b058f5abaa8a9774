import { DirectoryError, invalidAliasMessage, isValidAlias, suggestAlias, type MailboxRecord } from '../../store/directory/index.js';
import { toText } from '../values.js';
import type { CmdletContext, ParamSpec } from './types.js';

/** Pieces several cmdlets share: the -Identity parameter, and running directory calls safely. */

export function identityParam(mandatory: boolean, typeName = 'Microsoft.Exchange.Configuration.Tasks.MailboxIdParameter'): ParamSpec {
  return { name: 'Identity', type: 'string', position: 0, mandatory, pipeline: true, typeName };
}

/** -Alias, which Exchange checks as it is set: during binding, before any prompt. */
export const ALIAS_PARAM: ParamSpec = {
  name: 'Alias',
  type: 'string',
  validate: (value) => (isValidAlias(toText(value)) ? undefined : { message: invalidAliasMessage(toText(value)), hint: `An alias can't contain spaces: use e.g. -Alias ${suggestAlias(toText(value))}.` }),
};

/**
 * Runs a directory call; a DirectoryError becomes Exchange's (non-terminating) error and the result
 * is undefined, so the cmdlet goes on with its next input object as Exchange cmdlets do.
 */
export function attempt<T>(ctx: CmdletContext, run: () => T): T | undefined {
  try {
    return run();
  } catch (err) {
    if (err instanceof DirectoryError) {
      ctx.directoryError(err);
      return undefined;
    }
    throw err;
  }
}

export function resolveMailbox(ctx: CmdletContext, identity: string): MailboxRecord | undefined {
  return attempt(ctx, () => ctx.directory.resolveMailbox(identity));
}

/**
 * A MailboxFolderIdIdentity: `alice:\Calendar` (mailbox and folder path). The simulator keeps
 * permissions for the Calendar folder only.
 */
export function resolveFolder(ctx: CmdletContext, identity: string): MailboxRecord | undefined {
  const sep = identity.indexOf(':\\');
  const mailboxPart = sep < 0 ? identity : identity.slice(0, sep);
  const folder = sep < 0 ? '' : identity.slice(sep + 2).replace(/\\+$/, '');
  if (folder.toLowerCase() !== 'calendar') {
    ctx.writeError({
      message: `The operation couldn't be performed because '${identity}' couldn't be found.`,
      exception: 'ManagementObjectNotFoundException',
      hint: sep < 0 ? `Name the folder as mailbox:\\folder, e.g. ${mailboxPart}:\\Calendar.` : 'The simulator keeps folder permissions for the Calendar folder only (mailbox:\\Calendar).',
    });
    return undefined;
  }
  return resolveMailbox(ctx, mailboxPart);
}

/** Exchange's warning when a Set- cmdlet changed nothing. */
export function noChangeWarning(ctx: CmdletContext, identity: string): void {
  ctx.warn(`The command completed successfully but no settings of '${identity}' have been modified.`);
}
