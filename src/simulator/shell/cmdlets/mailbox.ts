import { checkPasswordComplexity, compileOpath, MAILBOX_TYPES, OpathSyntaxError, recipientLookup, type MailboxPatch, type MailboxRecord, type MailboxType } from '../../store/directory/index.js';
import { wildcardToRegExp } from '../operators.js';
import type { Value } from '../values.js';
import { ALIAS_PARAM, attempt, identityParam, noChangeWarning, resolveMailbox } from './common.js';
import { mailboxIdentity, mailboxObject } from './objects.js';
import type { BoundArguments, CmdletContext, CmdletDefinition } from './types.js';

/** Get-Mailbox, Set-Mailbox, Remove-Mailbox. New-Mailbox has its own file. */

const RECIPIENT_TYPE_DETAILS = [...MAILBOX_TYPES, 'LinkedMailbox', 'LinkedRoomMailbox', 'TeamMailbox', 'DiscoveryMailbox', 'ArbitrationMailbox', 'MonitoringMailbox', 'AuditLogMailbox', 'GroupMailbox'];
const DEFAULT_RESULT_SIZE = 1000;

function matchesWildcard(m: MailboxRecord, identity: string): boolean {
  const re = wildcardToRegExp(identity, false);
  return [m.name, m.alias, m.smtp, m.displayName].some((v) => re.test(v));
}

function selectMailboxes(ctx: CmdletContext, args: BoundArguments): MailboxRecord[] | undefined {
  const identity = args.string('Identity');
  let found: readonly MailboxRecord[];
  if (identity === undefined) found = ctx.directory.mailboxes();
  else if (identity.includes('*')) found = ctx.directory.mailboxes().filter((m) => matchesWildcard(m, identity));
  else {
    const one = resolveMailbox(ctx, identity);
    if (!one) return undefined;
    found = [one];
  }
  const types = args.strings('RecipientTypeDetails');
  if (types) found = found.filter((m) => types.includes(m.type));
  const filter = args.string('Filter');
  if (filter !== undefined) {
    try {
      const test = compileOpath(filter);
      found = found.filter((m) => test(recipientLookup(m)));
    } catch (err) {
      if (!(err instanceof OpathSyntaxError)) throw err;
      ctx.fail({ message: `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "${err.message}"`, exception: 'ParameterBindingException', category: 'WriteError', hint: err.hint });
    }
  }
  return [...found];
}

export const getMailbox: CmdletDefinition = {
  name: 'Get-Mailbox',
  origin: 'exchange',
  parameters: [
    identityParam(false),
    { name: 'ResultSize', type: 'unlimited' },
    { name: 'RecipientTypeDetails', type: 'enums', values: RECIPIENT_TYPE_DETAILS, typeName: 'Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails[]' },
    { name: 'Filter', type: 'filter' },
  ],
  run(ctx, args) {
    const found = selectMailboxes(ctx, args);
    if (!found) return [];
    const size = args.number('ResultSize');
    const limit = size ?? DEFAULT_RESULT_SIZE;
    if (found.length > limit) {
      ctx.warn(
        size === undefined
          ? 'By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify "-ResultSize Unlimited".'
          : 'More results are available than are currently displayed. To view them, increase the value for the ResultSize parameter.',
      );
    }
    return found.slice(0, limit).map((m) => mailboxObject(ctx.directory, m));
  },
};

const MAILBOX_KIND: Record<string, MailboxType> = { Regular: 'UserMailbox', Room: 'RoomMailbox', Equipment: 'EquipmentMailbox', Shared: 'SharedMailbox' };

function mailboxPatch(ctx: CmdletContext, args: BoundArguments, current: MailboxRecord): MailboxPatch {
  const custom: Record<string, string> = {};
  for (let n = 1; n <= 5; n++) {
    const v = args.string(`CustomAttribute${n}`);
    if (v !== undefined) custom[`CustomAttribute${n}`] = v;
  }
  const password = args.secure('Password')?.reveal();
  if (password !== undefined) checkPasswordComplexity(password, current.alias, ctx.directory.state.domainController);
  const patch: Record<string, unknown> = {
    alias: args.string('Alias'),
    name: args.string('Name'),
    displayName: args.string('DisplayName'),
    smtp: args.string('PrimarySmtpAddress'),
    capacity: args.number('ResourceCapacity'),
    type: args.has('Type') ? MAILBOX_KIND[args.string('Type')!] : undefined,
    password,
    customAttributes: Object.keys(custom).length > 0 ? custom : undefined,
  };
  return Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && (k === 'password' || k === 'customAttributes' || v !== current[k as keyof MailboxRecord]))) as MailboxPatch;
}

export const setMailbox: CmdletDefinition = {
  name: 'Set-Mailbox',
  origin: 'exchange',
  parameters: [
    identityParam(true),
    ALIAS_PARAM,
    { name: 'Name', type: 'string' },
    { name: 'DisplayName', type: 'string' },
    { name: 'PrimarySmtpAddress', type: 'string' },
    { name: 'EmailAddressPolicyEnabled', type: 'bool' },
    { name: 'ResourceCapacity', type: 'int' },
    { name: 'Type', type: 'enum', values: ['Regular', 'Room', 'Equipment', 'Shared'], typeName: 'Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType' },
    { name: 'Password', type: 'secure' },
    ...[1, 2, 3, 4, 5].map((n) => ({ name: `CustomAttribute${n}`, type: 'string' as const })),
  ],
  input: 'each',
  run(ctx, args) {
    const current = resolveMailbox(ctx, args.string('Identity')!);
    if (!current) return [];
    const patch = attempt(ctx, () => mailboxPatch(ctx, args, current));
    if (!patch) return [];
    if (Object.keys(patch).length === 0) {
      noChangeWarning(ctx, mailboxIdentity(ctx.directory, current));
      return [];
    }
    attempt(ctx, () => ctx.directory.updateMailbox(current, patch));
    return [];
  },
};

export const removeMailbox: CmdletDefinition = {
  name: 'Remove-Mailbox',
  origin: 'exchange',
  confirmImpact: 'high',
  parameters: [identityParam(true), { name: 'Permanent', type: 'bool' }],
  input: 'each',
  async run(ctx, args) {
    const mailbox = resolveMailbox(ctx, args.string('Identity')!);
    if (!mailbox) return [];
    const identity = mailboxIdentity(ctx.directory, mailbox);
    const go = await ctx.shouldProcess(identity, 'Remove', `Removing the mailbox "${identity}" will remove the Active Directory user object and mark the mailbox and the archive (if present) in the database for removal.`);
    if (go) attempt(ctx, () => ctx.directory.removeMailbox(mailbox));
    return [] as Value[];
  },
};
