import { checkPasswordComplexity, type MailboxType } from '../../store/directory/index.js';
import { ALIAS_PARAM, attempt } from './common.js';
import { mailboxObject } from './objects.js';
import type { BoundArguments, CmdletContext, CmdletDefinition } from './types.js';

/**
 * New-Mailbox: a user mailbox with its AD account (the guide's service account), or a room,
 * equipment or shared mailbox (no sign-in). Exchange checks -Alias as it is bound, before asking for a
 * missing -Password, which is why `-Alias "Alexa for Business"` fails without a prompt.
 * https://learn.microsoft.com/powershell/module/exchange/new-mailbox
 */

const isResource = (args: BoundArguments): boolean => args.switch('Room') || args.switch('Equipment') || args.switch('Shared');

function typeOf(args: BoundArguments): MailboxType {
  if (args.switch('Room')) return 'RoomMailbox';
  if (args.switch('Equipment')) return 'EquipmentMailbox';
  if (args.switch('Shared')) return 'SharedMailbox';
  return 'UserMailbox';
}

/** The simulated forest has the default Users container only. */
function organizationalUnit(ctx: CmdletContext, ou: string | undefined): string | undefined | false {
  if (ou === undefined) return undefined;
  const { domain } = ctx.directory;
  const dcs = domain.split('.').map((p) => `dc=${p}`).join(',');
  const known = ['users', `${domain}/users`, `cn=users,${dcs}`];
  if (known.includes(ou.trim().toLowerCase().replace(/\s*,\s*/g, ','))) return 'Users';
  ctx.writeError({
    message: `The operation couldn't be performed because object '${ou}' couldn't be found on '${ctx.directory.state.domainController}'.`,
    exception: 'ManagementObjectNotFoundException',
    hint: 'The simulated directory has the Users container only: use -OrganizationalUnit Users, or leave it out.',
  });
  return false;
}

function checkUpnSuffix(ctx: CmdletContext, upn: string | undefined): void {
  if (upn === undefined || !upn.includes('@')) return;
  const suffix = upn.slice(upn.lastIndexOf('@') + 1);
  if (suffix.toLowerCase() !== ctx.directory.domain) {
    ctx.warn(`The UPN suffix "${suffix}" isn't a domain of this organization (${ctx.directory.domain}). If it is a placeholder, replace it with your domain: -UserPrincipalName ${upn.slice(0, upn.lastIndexOf('@'))}@${ctx.directory.domain}.`);
  }
}

export const newMailbox: CmdletDefinition = {
  name: 'New-Mailbox',
  origin: 'exchange',
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true },
    ALIAS_PARAM,
    { name: 'DisplayName', type: 'string' },
    { name: 'FirstName', type: 'string' },
    { name: 'LastName', type: 'string' },
    { name: 'Initials', type: 'string' },
    { name: 'UserPrincipalName', type: 'string' },
    { name: 'Password', type: 'secure', mandatory: (args) => !isResource(args) },
    { name: 'OrganizationalUnit', type: 'string' },
    { name: 'PrimarySmtpAddress', type: 'string' },
    { name: 'Database', type: 'string' },
    { name: 'ResetPasswordOnNextLogon', type: 'bool' },
    { name: 'Room', type: 'switch' },
    { name: 'Equipment', type: 'switch' },
    { name: 'Shared', type: 'switch' },
    { name: 'EnableRoomMailboxAccount', type: 'bool' },
    { name: 'RoomMailboxPassword', type: 'secure' },
  ],
  run(ctx, args) {
    const type = typeOf(args);
    if ([args.switch('Room'), args.switch('Equipment'), args.switch('Shared')].filter(Boolean).length > 1) {
      ctx.fail({ message: 'Parameter set cannot be resolved using the specified named parameters.', exception: 'ParameterBindingException', category: 'InvalidArgument', errorId: 'AmbiguousParameterSet', hint: 'Use only one of -Room, -Equipment, -Shared.' });
    }
    const ou = organizationalUnit(ctx, args.string('OrganizationalUnit'));
    if (ou === false) return [];
    const upn = args.string('UserPrincipalName');
    const password = type === 'UserMailbox' ? args.secure('Password')?.reveal() : args.bool('EnableRoomMailboxAccount') ? args.secure('RoomMailboxPassword')?.reveal() : undefined;
    const name = args.string('Name')!;
    const created = attempt(ctx, () => {
      if (password !== undefined) checkPasswordComplexity(password, args.string('Alias') ?? upn?.split('@')[0] ?? name, ctx.directory.state.domainController);
      const input = {
        name,
        type,
        alias: args.string('Alias'),
        displayName: args.string('DisplayName'),
        firstName: args.string('FirstName'),
        lastName: args.string('LastName'),
        upn,
        smtp: args.string('PrimarySmtpAddress'),
        password,
        organizationalUnit: ou ?? 'Users',
      };
      return ctx.directory.addMailbox(input);
    });
    if (!created) return [];
    checkUpnSuffix(ctx, upn);
    return [mailboxObject(ctx.directory, created)];
  },
};
