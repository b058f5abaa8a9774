import type { EwsVirtualDirectory, VirtualDirectoryPatch } from '../../store/directory/index.js';
import { attempt, identityParam, noChangeWarning } from './common.js';
import { virtualDirectoryObject } from './objects.js';
import type { BoundArguments, CmdletContext, CmdletDefinition } from './types.js';

/**
 * Get-/Set-WebServicesVirtualDirectory: the EWS endpoint's URLs and authentication methods. The
 * guide's identity "Contoso\EWS(Default Web Site)" lacks the space before '('; Exchange matches it
 * anyway, so the directory's identity matching ignores that space.
 * https://learn.microsoft.com/powershell/module/exchange/set-webservicesvirtualdirectory
 */

const VDIR_ID = 'Microsoft.Exchange.Configuration.Tasks.VirtualDirectoryIdParameter';

export const getWebServicesVirtualDirectory: CmdletDefinition = {
  name: 'Get-WebServicesVirtualDirectory',
  origin: 'exchange',
  parameters: [identityParam(false, VDIR_ID), { name: 'Server', type: 'string' }, { name: 'ADPropertiesOnly', type: 'switch' }, { name: 'ShowMailboxVirtualDirectories', type: 'switch' }],
  run(ctx, args) {
    const identity = args.string('Identity');
    const server = args.string('Server');
    let found: readonly EwsVirtualDirectory[] = ctx.directory.virtualDirectories();
    if (identity !== undefined) {
      const one = attempt(ctx, () => ctx.directory.resolveVirtualDirectory(identity));
      found = one ? [one] : [];
    }
    if (server !== undefined) {
      const serverName = server.split('.')[0]!.toLowerCase();
      if (serverName !== ctx.directory.state.serverName.toLowerCase()) {
        ctx.writeError({ message: `The operation couldn't be performed because object '${server}' couldn't be found on '${ctx.directory.state.domainController}'.`, exception: 'ManagementObjectNotFoundException', hint: `This organization's Exchange server is ${ctx.directory.state.serverName}.` });
        return [];
      }
    }
    return found.map((v) => virtualDirectoryObject(ctx.directory, v));
  },
};

const AUTH_SETTINGS = [
  ['BasicAuthentication', 'basicAuthentication'],
  ['WindowsAuthentication', 'windowsAuthentication'],
  ['OAuthAuthentication', 'oAuthAuthentication'],
  ['DigestAuthentication', 'digestAuthentication'],
  ['WSSecurityAuthentication', 'wsSecurityAuthentication'],
] as const;

function urlSetting(ctx: CmdletContext, args: BoundArguments, name: 'InternalUrl' | 'ExternalUrl'): string | undefined {
  const value = args.string(name);
  if (value === undefined) return undefined;
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(value).protocol);
  } catch {
    ok = false;
  }
  if (!ok) {
    ctx.fail({
      message: `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${value}" to type "System.Uri". Error: "Invalid URI: The format of the URI could not be determined."`,
      exception: 'ParameterBindingException',
      category: 'InvalidData',
      errorId: 'ParameterArgumentTransformationError',
      hint: `Give an absolute URL, e.g. -${name} https://mail.${ctx.directory.domain}/EWS/Exchange.asmx.`,
    });
  }
  return value;
}

export const setWebServicesVirtualDirectory: CmdletDefinition = {
  name: 'Set-WebServicesVirtualDirectory',
  origin: 'exchange',
  parameters: [
    identityParam(true, VDIR_ID),
    ...AUTH_SETTINGS.map(([name]) => ({ name, type: 'bool' as const })),
    { name: 'InternalUrl', type: 'string' },
    { name: 'ExternalUrl', type: 'string' },
  ],
  run(ctx, args) {
    const identity = args.string('Identity')!;
    const patch: { -readonly [K in keyof VirtualDirectoryPatch]: VirtualDirectoryPatch[K] } = {};
    for (const [param, field] of AUTH_SETTINGS) {
      const value = args.bool(param);
      if (value !== undefined) patch[field] = value;
    }
    const internalUrl = urlSetting(ctx, args, 'InternalUrl');
    const externalUrl = urlSetting(ctx, args, 'ExternalUrl');
    if (internalUrl !== undefined) patch.internalUrl = internalUrl;
    if (externalUrl !== undefined) patch.externalUrl = externalUrl;
    const result = attempt(ctx, () => ctx.directory.setVirtualDirectory(identity, patch));
    if (result && !result.changed) noChangeWarning(ctx, result.vdir.identity);
    return [];
  },
};
