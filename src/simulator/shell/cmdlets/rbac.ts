import { OpathSyntaxError, parseOpath, type ManagementScope, type RoleAssignment } from '../../store/directory/index.js';
import { toText } from '../values.js';
import { attempt, resolveMailbox } from './common.js';
import { roleAssignmentObject, scopeObject } from './objects.js';
import type { CmdletDefinition } from './types.js';

/**
 * Management scopes and role assignments: New-/Get-/Remove-ManagementScope and
 * New-/Get-/Remove-ManagementRoleAssignment, the guide's way of granting ApplicationImpersonation.
 * https://learn.microsoft.com/powershell/module/exchange/new-managementroleassignment
 */

function notFound(identity: string, dc: string): { message: string; exception: string } {
  return { message: `The operation couldn't be performed because object '${identity}' couldn't be found on '${dc}'.`, exception: 'ManagementObjectNotFoundException' };
}

export const newManagementScope: CmdletDefinition = {
  name: 'New-ManagementScope',
  origin: 'exchange',
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true },
    {
      name: 'RecipientRestrictionFilter',
      type: 'filter',
      mandatory: true,
      validate: (value) => {
        try {
          parseOpath(toText(value));
          return undefined;
        } catch (err) {
          if (err instanceof OpathSyntaxError) return { message: err.message, hint: err.hint };
          throw err;
        }
      },
    },
    { name: 'RecipientRoot', type: 'string' },
  ],
  run(ctx, args) {
    if (args.has('RecipientRoot')) ctx.warn('The simulator ignores -RecipientRoot: the scope applies to the whole organization, narrowed by its filter.');
    const scope = attempt(ctx, () => ctx.directory.addManagementScope(args.string('Name')!, args.string('RecipientRestrictionFilter')!));
    return scope ? [scopeObject(ctx.directory, scope)] : [];
  },
};

export const getManagementScope: CmdletDefinition = {
  name: 'Get-ManagementScope',
  origin: 'exchange',
  parameters: [{ name: 'Identity', type: 'string', position: 0, pipeline: true }],
  run(ctx, args) {
    const identity = args.string('Identity');
    let scopes: readonly ManagementScope[] = ctx.directory.managementScopes();
    if (identity !== undefined) {
      const one = ctx.directory.findManagementScope(identity);
      if (!one) {
        ctx.writeError({ ...notFound(identity, ctx.directory.state.domainController), hint: 'Get-ManagementScope without -Identity lists the scopes.' });
        return [];
      }
      scopes = [one];
    }
    return scopes.map((s) => scopeObject(ctx.directory, s));
  },
};

export const removeManagementScope: CmdletDefinition = {
  name: 'Remove-ManagementScope',
  origin: 'exchange',
  confirmImpact: 'high',
  parameters: [{ name: 'Identity', type: 'string', position: 0, mandatory: true, pipeline: true }],
  async run(ctx, args) {
    const identity = args.string('Identity')!;
    if (await ctx.shouldProcess(identity, 'Remove', `Removing management scope "${identity}".`)) attempt(ctx, () => ctx.directory.removeManagementScope(identity));
    return [];
  },
};

export const newManagementRoleAssignment: CmdletDefinition = {
  name: 'New-ManagementRoleAssignment',
  origin: 'exchange',
  parameters: [
    { name: 'Name', type: 'string', position: 0 },
    { name: 'Role', type: 'string', mandatory: true, typeName: 'Microsoft.Exchange.Configuration.Tasks.RoleIdParameter' },
    { name: 'User', type: 'string', typeName: 'Microsoft.Exchange.Configuration.Tasks.UserIdParameter' },
    { name: 'SecurityGroup', type: 'string' },
    { name: 'Policy', type: 'string' },
    { name: 'CustomRecipientWriteScope', type: 'string', typeName: 'Microsoft.Exchange.Configuration.Tasks.ManagementScopeIdParameter' },
    { name: 'RecipientRelativeWriteScope', type: 'enum', values: ['None', 'Organization', 'MyGAL', 'Self', 'MyDistributionGroups'] },
    { name: 'Delegating', type: 'switch' },
  ],
  run(ctx, args) {
    if (args.has('SecurityGroup') || args.has('Policy')) {
      ctx.fail({ message: 'The simulator assigns roles to users only.', exception: 'NotSupportedException', category: 'NotImplemented', hint: 'Use -User <account>.' });
    }
    const userName = args.string('User');
    if (userName === undefined) {
      return ctx.fail({ message: 'Parameter set cannot be resolved using the specified named parameters.', exception: 'ParameterBindingException', category: 'InvalidArgument', errorId: 'AmbiguousParameterSet', hint: 'Say who gets the role: -User <account>.' });
    }
    const user = resolveMailbox(ctx, userName);
    if (!user) return [];
    const scope = args.string('CustomRecipientWriteScope');
    const assignment = attempt(ctx, () =>
      ctx.directory.addRoleAssignment({ role: args.string('Role')!, user: user.guid, ...(args.has('Name') ? { name: args.string('Name')! } : {}), ...(scope !== undefined ? { customRecipientWriteScope: scope } : {}) }),
    );
    return assignment ? [roleAssignmentObject(ctx.directory, assignment)] : [];
  },
};

export const getManagementRoleAssignment: CmdletDefinition = {
  name: 'Get-ManagementRoleAssignment',
  origin: 'exchange',
  parameters: [
    { name: 'Identity', type: 'string', position: 0, pipeline: true },
    { name: 'Role', type: 'string' },
    { name: 'RoleAssignee', type: 'string' },
    { name: 'GetEffectiveUsers', type: 'switch' },
  ],
  run(ctx, args) {
    const identity = args.string('Identity');
    let found: readonly RoleAssignment[] = ctx.directory.roleAssignments();
    if (identity !== undefined) {
      const one = ctx.directory.findRoleAssignment(identity);
      if (!one) {
        ctx.writeError(notFound(identity, ctx.directory.state.domainController));
        return [];
      }
      found = [one];
    }
    const role = args.string('Role')?.toLowerCase();
    if (role !== undefined) found = found.filter((a) => a.role.toLowerCase() === role);
    const assignee = args.string('RoleAssignee');
    if (assignee !== undefined) {
      const user = resolveMailbox(ctx, assignee);
      if (!user) return [];
      found = found.filter((a) => a.user === user.guid);
    }
    return found.map((a) => roleAssignmentObject(ctx.directory, a));
  },
};

export const removeManagementRoleAssignment: CmdletDefinition = {
  name: 'Remove-ManagementRoleAssignment',
  origin: 'exchange',
  confirmImpact: 'high',
  parameters: [{ name: 'Identity', type: 'string', position: 0, mandatory: true, pipeline: true }],
  async run(ctx, args) {
    const identity = args.string('Identity')!;
    if (!ctx.directory.findRoleAssignment(identity)) {
      ctx.writeError(notFound(identity, ctx.directory.state.domainController));
      return [];
    }
    if (await ctx.shouldProcess(identity, 'Remove', `Removing the "${identity}" management role assignment.`)) attempt(ctx, () => ctx.directory.removeRoleAssignment(identity));
    return [];
  },
};
