import { PsObject } from '../values.js';
import { attempt, identityParam, noChangeWarning, resolveMailbox } from './common.js';
import { mailboxIdentity } from './objects.js';
import type { CmdletDefinition } from './types.js';

/**
 * Get-/Set-MailboxRegionalConfiguration: a mailbox's time zone (a Windows id such as
 * "Pacific Standard Time"), which the EWS server uses for the mailbox's working hours and rooms.
 * https://learn.microsoft.com/powershell/module/exchange/set-mailboxregionalconfiguration
 */

export const getMailboxRegionalConfiguration: CmdletDefinition = {
  name: 'Get-MailboxRegionalConfiguration',
  origin: 'exchange',
  parameters: [identityParam(true)],
  run(ctx, args) {
    const mailbox = resolveMailbox(ctx, args.string('Identity')!);
    if (!mailbox) return [];
    const identity = mailboxIdentity(ctx.directory, mailbox);
    return [
      new PsObject(
        'Microsoft.Exchange.Data.Storage.Management.MailboxRegionalConfiguration',
        [
          ['Identity', identity],
          ['DateFormat', 'M/d/yyyy'],
          ['Language', 'en-US'],
          ['TimeFormat', 'h:mm tt'],
          ['TimeZone', mailbox.timeZone],
        ],
        ['Identity', 'Language', 'DateFormat', 'TimeFormat', 'TimeZone'],
        identity,
      ),
    ];
  },
};

export const setMailboxRegionalConfiguration: CmdletDefinition = {
  name: 'Set-MailboxRegionalConfiguration',
  origin: 'exchange',
  parameters: [identityParam(true), { name: 'TimeZone', type: 'string' }, { name: 'Language', type: 'string' }, { name: 'DateFormat', type: 'string' }, { name: 'TimeFormat', type: 'string' }],
  run(ctx, args) {
    const mailbox = resolveMailbox(ctx, args.string('Identity')!);
    if (!mailbox) return [];
    const timeZone = args.string('TimeZone')?.trim();
    if (timeZone === '') ctx.fail({ message: "The TimeZone parameter can't be empty.", exception: 'ParameterBindingException', category: 'InvalidArgument', hint: 'Give a Windows time zone id, e.g. -TimeZone "Pacific Standard Time".' });
    if (timeZone === undefined || timeZone === mailbox.timeZone) {
      noChangeWarning(ctx, mailboxIdentity(ctx.directory, mailbox));
      return [];
    }
    attempt(ctx, () => ctx.directory.updateMailbox(mailbox, { timeZone }));
    return [];
  },
};
