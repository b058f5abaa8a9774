import { getMailbox, removeMailbox, setMailbox } from './mailbox.js';
import { newMailbox } from './new-mailbox.js';
import { getMailboxRegionalConfiguration, setMailboxRegionalConfiguration } from './regional.js';
import { addADPermission, addMailboxFolderPermission, getADPermission, getMailboxFolderPermission, removeADPermission, removeMailboxFolderPermission, setMailboxFolderPermission } from './permissions.js';
import { getManagementRoleAssignment, getManagementScope, newManagementRoleAssignment, newManagementScope, removeManagementRoleAssignment, removeManagementScope } from './rbac.js';
import type { CmdletDefinition, ParamSpec } from './types.js';
import { convertToSecureString, forEachObject, formatListCmdlet, formatTableCmdlet, outNull, selectObject, whereObject, writeHost, writeOutput } from './utility.js';
import { getWebServicesVirtualDirectory, setWebServicesVirtualDirectory } from './virtual-directory.js';

/** Every cmdlet the shell knows, found by name or alias without regard to case. */

const ACTION_PREFERENCES = ['Continue', 'SilentlyContinue', 'Stop', 'Inquire', 'Ignore', 'Suspend'];

/** PowerShell's common parameters, plus -Confirm/-WhatIf for high-impact cmdlets and -DomainController for Exchange's. */
function withCommonParameters(def: CmdletDefinition): CmdletDefinition {
  const common: ParamSpec[] = [
    { name: 'ErrorAction', type: 'enum', values: ACTION_PREFERENCES, aliases: ['ea'], typeName: 'System.Management.Automation.ActionPreference' },
    { name: 'WarningAction', type: 'enum', values: ACTION_PREFERENCES, aliases: ['wa'], typeName: 'System.Management.Automation.ActionPreference' },
    { name: 'Verbose', type: 'switch', aliases: ['vb'] },
    { name: 'Debug', type: 'switch', aliases: ['db'] },
    ...(def.origin === 'exchange' ? [{ name: 'DomainController', type: 'string' } as const] : []),
    ...(def.confirmImpact === 'high' ? [{ name: 'Confirm', type: 'switch', aliases: ['cf'] } as const, { name: 'WhatIf', type: 'switch', aliases: ['wi'] } as const] : []),
  ];
  return { ...def, parameters: [...def.parameters, ...common] };
}

export const CMDLETS: readonly CmdletDefinition[] = [
  getMailbox,
  newMailbox,
  setMailbox,
  removeMailbox,
  getMailboxRegionalConfiguration,
  setMailboxRegionalConfiguration,
  getWebServicesVirtualDirectory,
  setWebServicesVirtualDirectory,
  newManagementScope,
  getManagementScope,
  removeManagementScope,
  newManagementRoleAssignment,
  getManagementRoleAssignment,
  removeManagementRoleAssignment,
  addMailboxFolderPermission,
  getMailboxFolderPermission,
  setMailboxFolderPermission,
  removeMailboxFolderPermission,
  addADPermission,
  getADPermission,
  removeADPermission,
  selectObject,
  whereObject,
  forEachObject,
  formatListCmdlet,
  formatTableCmdlet,
  convertToSecureString,
  writeOutput,
  writeHost,
  outNull,
].map(withCommonParameters);

export class CmdletRegistry {
  readonly #byName = new Map<string, CmdletDefinition>();

  constructor(cmdlets: readonly CmdletDefinition[] = CMDLETS) {
    for (const def of cmdlets) {
      for (const name of [def.name, ...(def.aliases ?? [])]) this.#byName.set(name.toLowerCase(), def);
    }
  }

  find(name: string): CmdletDefinition | undefined {
    return this.#byName.get(name.toLowerCase());
  }

  names(): string[] {
    return [...new Set([...this.#byName.values()].map((d) => d.name))];
  }

  /** The known cmdlet closest to a mistyped name (edit distance at most a third of its length). */
  suggest(name: string): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const candidate of this.names()) {
      const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
      if (!best || distance < best.distance) best = { name: candidate, distance };
    }
    return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}
