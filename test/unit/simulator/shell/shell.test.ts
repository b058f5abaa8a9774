import { describe, expect, it, vi } from 'vitest';
import { ManagementShell } from '../../../../src/simulator/shell/index.js';
import { contoso } from '../store/contoso.js';

const shellFor = (prompt?: (text: string, secret: boolean) => Promise<string>) => {
  const dir = contoso();
  return { dir, shell: new ManagementShell(dir, prompt ? { prompt } : {}) };
};
const out = async (script: string): Promise<string> => {
  const r = await shellFor().shell.run(script);
  expect(r.errors).toEqual([]);
  return r.output;
};

describe('the language', () => {
  it('expands variables in double quotes only, with $() subexpressions and escapes', async () => {
    expect(await out('$a = "x"; "v=$a"; \'v=$a\'; "n=$($a.Length + 1)"; "tab`tend"; "q""q"')).toBe('v=x\nv=$a\nn=2\ntab\tend\nq"q');
  });

  it('makes $var":\\Calendar" one argument: the value plus the text', async () => {
    expect(await out('$user = "alice"; Write-Output $user":\\Calendar"')).toBe('alice:\\Calendar');
  });

  it('runs foreach (any case) over arrays, scalars and $null', async () => {
    expect(await out('FOREACH ($x in 1,2,3) { $x * 2 }')).toBe('2\n4\n6');
    expect(await out('$one = "a"; foreach ($x in $one) { "[$x]" }')).toBe('[a]');
    expect(await out('foreach ($x in $nothing) { "never" }')).toBe('');
  });

  it('evaluates if/elseif/else and comparison operators case-insensitively', async () => {
    expect(await out('if ("ABC" -eq "abc") { "eq" } else { "ne" }')).toBe('eq');
    expect(await out('if ("abc" -ceq "ABC") { 1 } elseif ("alice" -like "A*") { 2 } else { 3 }')).toBe('2');
    expect(await out('"a","b","c" -ne "b"')).toBe('a\nc');
    expect(await out('(1,2,3) -contains 2; 2 -in 1,3; -not $false; !$true')).toBe('True\nFalse\nTrue\nFalse');
  });

  it('keeps variables across runs of one shell (a session)', async () => {
    const { shell } = shellFor();
    await shell.run('$n = Get-Mailbox -RecipientTypeDetails RoomMailbox | Select -ExpandProperty Name');
    expect((await shell.run('$n.Count; $n[0]')).output).toBe('2\nConference Room 1');
  });

  it('accepts lower/upper-case cmdlet names, aliases, parameter prefixes and typographic dashes', async () => {
    expect(await out('get-mailbox —identity ALICE | select ―expand alias')).toBe('alice');
    expect(await out('Get-Mailbox | ? { $_.Name –like "b*" } | % { $_.Alias }')).toBe('bob\nboardroom');
    expect(await out('Get-Mailbox | where RecipientTypeDetails -eq EquipmentMailbox | foreach Name')).toBe('Projector');
  });
});

describe('output formatting', () => {
  it('prints Exchange objects as their default table', async () => {
    expect(await out('Get-Mailbox alice')).toBe(['', 'Name  Alias ServerName ProhibitSendQuota', '----  ----- ---------- -----------------', 'alice alice exch01     Unlimited', ''].join('\n'));
  });

  it('prints Format-List, Format-Table and Select-Object output like PowerShell', async () => {
    expect(await out('Get-Mailbox bob | fl Name, Alias, *SmtpAddress, EmailAddresses')).toBe(
      ['', 'Name               : bob', 'Alias              : bob', 'PrimarySmtpAddress : bob@contoso.com', 'EmailAddresses     : {SMTP:bob@contoso.com}', ''].join('\n'),
    );
    expect(await out('Get-Mailbox -RecipientTypeDetails RoomMailbox | ft Name, ResourceCapacity')).toBe(
      ['', 'Name              ResourceCapacity', '----              ----------------', 'Conference Room 1               12', 'Boardroom                       20', ''].join('\n'),
    );
    expect(await out('Get-Mailbox -RecipientTypeDetails UserMailbox | Select Name, DisplayName -First 2')).toBe(
      ['', 'Name          DisplayName', '----          -----------', 'Administrator Administrator', 'alice         Alice Wu', ''].join('\n'),
    );
  });
});

describe('errors', () => {
  it('reports an unknown cmdlet with a suggestion, and carries on with the next statement', async () => {
    const r = await shellFor().shell.run('Get-Mailboxes alice\n"next"');
    expect(r.errors[0]).toMatchObject({ exception: 'CommandNotFoundException', category: 'ObjectNotFound' });
    expect(r.errors[0]!.hint).toContain('Did you mean Get-Mailbox?');
    expect(r.output).toContain('ObjectNotFound: (Get-Mailboxes:String) [], CommandNotFoundException');
    expect(r.output.endsWith('next')).toBe(true);
  });

  it.each([
    ['Get-Mailbox -Colour red', 'NamedParameterNotFound', "A parameter cannot be found that matches parameter name 'Colour'."],
    ['Get-Mailbox -R 5', 'AmbiguousParameter', "Parameter cannot be processed because the parameter name 'R' is ambiguous. Possible matches include: -ResultSize -RecipientTypeDetails."],
    ['Get-Mailbox -ResultSize', 'MissingArgument', "Missing an argument for parameter 'ResultSize'. Specify a parameter of type 'Microsoft.Exchange.Data.Unlimited`1[System.UInt32]' and try again."],
    ['Get-Mailbox alice bob', 'PositionalParameterNotFound', "A positional parameter cannot be found that accepts argument 'bob'."],
    ['Get-Mailbox -RecipientTypeDetails Castle', 'ParameterArgumentTransformationError', 'Cannot process argument transformation on parameter \'RecipientTypeDetails\'.'],
    ['Set-WebServicesVirtualDirectory "EWS (Default Web Site)" -BasicAuthentication true', 'ParameterArgumentTransformationError', 'Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.'],
    ['New-Mailbox -Name x -Password "Passw0rd!"', 'CannotConvertArgumentNoMessage', 'to type "System.Security.SecureString".'],
  ])('%s -> %s', async (script, errorId, message) => {
    const r = await shellFor().shell.run(script);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.errorId).toBe(errorId);
    expect(r.errors[0]!.message).toContain(message);
    expect(r.errors[0]!.terminating).toBe(true);
  });

  it('writes Exchange errors as non-terminating, honouring -ErrorAction', async () => {
    const { shell } = shellFor();
    const cont = await shell.run('Get-Mailbox nobody; "after"');
    expect(cont.errors[0]).toMatchObject({ terminating: false, origin: 'exchange', exception: 'ManagementObjectNotFoundException' });
    expect(cont.output.endsWith('after')).toBe(true);
    expect(await shell.run('Get-Mailbox nobody -ErrorAction SilentlyContinue')).toEqual({ output: '', errors: [], ok: true });
    const stop = await shell.run('Get-Mailbox nobody -ea Stop');
    expect(stop.errors[0]!.terminating).toBe(true);
  });

  it('reports runtime errors at their position instead of throwing', async () => {
    const r = await shellFor().shell.run('$x = 1 / 0');
    expect(r.errors[0]).toMatchObject({ message: 'Attempted to divide by zero.', position: { line: 1, column: 6 } });
    const m = await shellFor().shell.run('(Get-Mailbox alice).Frobnicate()');
    expect(m.errors[0]!.message).toBe("Method invocation failed because [Microsoft.Exchange.Data.Directory.Management.Mailbox] does not contain a method named 'Frobnicate'.");
  });

  it('warns when ResultSize cuts the list', async () => {
    const r = await shellFor().shell.run('Get-Mailbox -ResultSize 1');
    expect(r.output).toContain('WARNING: More results are available than are currently displayed.');
  });
});

describe('cmdlets', () => {
  it('ConvertTo-SecureString needs -AsPlainText and -Force (Windows PowerShell 5.1)', async () => {
    const { shell } = shellFor();
    expect((await shell.run('ConvertTo-SecureString "x"')).errors[0]!.hint).toContain('-AsPlainText -Force');
    expect((await shell.run('ConvertTo-SecureString "x" -AsPlainText')).errors[0]!.message).toMatch(/^The system cannot protect plain text input\./);
    expect((await shell.run('ConvertTo-SecureString "x" -AsPlainText -Force')).output).toBe('System.Security.SecureString');
  });

  it('New-Mailbox -Room makes a room without a password; Set-Mailbox changes it', async () => {
    const { dir, shell } = shellFor();
    expect((await shell.run('New-Mailbox -Name "Room 42" -Room')).errors).toEqual([]);
    expect(dir.findMailbox('Room42')).toMatchObject({ type: 'RoomMailbox', smtp: 'Room42@contoso.com' });
    expect(dir.findMailbox('Room42')!.passwordHash).toBeUndefined();
    expect((await shell.run('Set-Mailbox Room42 -ResourceCapacity 6 -DisplayName "Room 42 (6)"')).errors).toEqual([]);
    expect(dir.findMailbox('Room42')).toMatchObject({ capacity: 6, displayName: 'Room 42 (6)' });
    expect((await shell.run('Set-Mailbox Room42 -ResourceCapacity 6')).output).toBe("WARNING: The command completed successfully but no settings of 'contoso.com/Users/Room 42' have been modified.");
    expect((await shell.run('Get-Mailbox Room42 | Set-Mailbox -CustomAttribute1 floor3')).errors).toEqual([]);
    expect(dir.findMailbox('Room42')!.customAttributes).toEqual({ CustomAttribute1: 'floor3' });
    expect((await shell.run('New-Mailbox -Name x -OrganizationalUnit Sales -Room')).errors[0]!.hint).toContain('Users container');
  });

  it('Remove-Mailbox asks for confirmation through the prompt, honours -WhatIf and -Confirm:$false', async () => {
    const answers = ['n', 'y'];
    const prompt = vi.fn(async (_text: string, _secret: boolean) => answers.shift() ?? '');
    const { dir, shell } = shellFor(prompt);
    await shell.run('Remove-Mailbox bob');
    expect(dir.findMailbox('bob')).toBeDefined();
    expect(prompt.mock.calls[0]![0]).toContain('Removing the mailbox "contoso.com/Users/bob" will remove the Active Directory user object');
    await shell.run('Remove-Mailbox bob');
    expect(dir.findMailbox('bob')).toBeUndefined();
    expect((await shell.run('Remove-Mailbox alice -WhatIf')).output).toMatch(/^What if: Removing the mailbox "contoso.com\/Users\/alice"/);
    expect(dir.findMailbox('alice')).toBeDefined();
    await new ManagementShell(dir).run('Get-Mailbox alice | Remove-Mailbox -Confirm:$false');
    expect(dir.findMailbox('alice')).toBeUndefined();
  });

  it('stops the pipeline when the person abandons a prompt', async () => {
    const { dir, shell } = shellFor(async () => {
      throw new Error('closed');
    });
    const r = await shell.run('Remove-Mailbox bob');
    expect(r.errors[0]).toMatchObject({ message: 'The pipeline has been stopped.', exception: 'PipelineStoppedException' });
    expect(dir.findMailbox('bob')).toBeDefined();
  });

  it('Remove-* fails clearly without a console unless -Confirm:$false', async () => {
    const r = await shellFor().shell.run('Remove-Mailbox bob');
    expect(r.errors[0]).toMatchObject({ message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.', origin: 'local' });
    expect(r.errors[0]!.hint).toContain('-Confirm:$false');
  });

  it('manages scopes and role assignments, refusing bad filters and scopes in use', async () => {
    const { dir, shell } = shellFor();
    const bad = await shell.run('New-ManagementScope -Name Bad -RecipientRestrictionFilter {Colour -eq "blue"}');
    expect(bad.errors[0]!.message).toMatch(/^Cannot bind parameter 'RecipientRestrictionFilter' to the target\. Exception setting "RecipientRestrictionFilter": ""Colour" is not a recognized filterable property/);
    await shell.run('New-ManagementScope Rooms -RecipientRestrictionFilter "RecipientTypeDetails -eq \'RoomMailbox\'"');
    await shell.run('New-ManagementRoleAssignment -Role ApplicationImpersonation -User bob -CustomRecipientWriteScope Rooms');
    expect(dir.canImpersonate(dir.findMailbox('bob')!, dir.findMailbox('boardroom')!)).toBe(true);
    expect((await shell.run('Get-ManagementRoleAssignment -RoleAssignee bob | Select -ExpandProperty Name')).output).toBe('ApplicationImpersonation-bob');
    expect((await shell.run('Remove-ManagementScope Rooms -Confirm:$false')).errors[0]!.message).toContain("can't be deleted");
    await shell.run('Get-ManagementRoleAssignment -Role ApplicationImpersonation | Remove-ManagementRoleAssignment -Confirm:$false');
    expect((await shell.run('Remove-ManagementScope Rooms -Confirm:$false')).errors).toEqual([]);
    expect(dir.managementScopes()).toEqual([]);
    expect((await shell.run('New-ManagementRoleAssignment -Role Impersonation -User bob')).errors[0]!.message).toContain("object 'Impersonation' couldn't be found");
  });

  it('manages calendar permissions: add, duplicate, set, get -User, remove', async () => {
    const { dir, shell } = shellFor();
    const alice = dir.findMailbox('alice')!;
    const bob = dir.findMailbox('bob')!;
    expect((await shell.run('Add-MailboxFolderPermission alice:\\Calendar -User bob -AccessRights Reviewer')).errors).toEqual([]);
    expect((await shell.run('Add-MailboxFolderPermission alice:\\Calendar -User bob -AccessRights Editor')).errors[0]!.message).toBe('An existing permission entry was found for user: Bob Kelly.');
    await shell.run('Set-MailboxFolderPermission -Identity alice@contoso.com:\\Calendar -User bob@contoso.com -AccessRights Editor');
    expect(dir.folderRole(bob, alice)).toBe('Editor');
    expect((await shell.run('Get-MailboxFolderPermission alice:\\Calendar -User bob | Select -ExpandProperty AccessRights')).output).toBe('Editor');
    await shell.run('Set-MailboxFolderPermission alice:\\Calendar -User Default -AccessRights LimitedDetails');
    expect(dir.folderRole(dir.findMailbox('Administrator')!, alice)).toBe('LimitedDetails');
    await shell.run('Remove-MailboxFolderPermission alice:\\Calendar -User bob -Confirm:$false');
    expect(dir.folderRole(bob, alice)).toBe('LimitedDetails');
    expect((await shell.run('Add-MailboxFolderPermission alice:\\Inbox -User bob -AccessRights Editor')).errors[0]!.hint).toContain('Calendar folder only');
    expect((await shell.run('Add-MailboxFolderPermission alice:\\Calendar -User bob -AccessRights Sleeper')).errors[0]!.errorId).toBe('ParameterArgumentTransformationError');
  });

  it('manages Send As with Add-/Get-/Remove-ADPermission ("Send As" and "Send-As")', async () => {
    const { dir, shell } = shellFor();
    const alice = dir.findMailbox('alice')!;
    const bob = dir.findMailbox('bob')!;
    await shell.run('Add-ADPermission alice -User bob -ExtendedRights Send-As');
    expect(dir.hasSendAs(bob, alice)).toBe(true);
    expect((await shell.run('Get-ADPermission alice -User bob | Select -ExpandProperty ExtendedRights')).output).toBe('Send-As');
    await shell.run('Remove-ADPermission -Identity alice -User bob -ExtendedRights "Send As" -Confirm:$false');
    expect(dir.hasSendAs(bob, alice)).toBe(false);
    expect((await shell.run('Add-ADPermission alice -User bob -ExtendedRights "Fly As"')).errors[0]!.hint).toContain('Send As');
  });

  it('sets a mailbox time zone with Set-MailboxRegionalConfiguration', async () => {
    const { dir, shell } = shellFor();
    expect((await shell.run('Set-MailboxRegionalConfiguration boardroom -TimeZone "W. Europe Standard Time"')).errors).toEqual([]);
    expect(dir.findMailbox('boardroom')!.timeZone).toBe('W. Europe Standard Time');
    expect((await shell.run('Get-MailboxRegionalConfiguration boardroom | Select -ExpandProperty TimeZone')).output).toBe('W. Europe Standard Time');
  });

  it('changes the virtual directory URLs and validates them', async () => {
    const { dir, shell } = shellFor();
    await shell.run('Set-WebServicesVirtualDirectory "EXCH01\\EWS (Default Web Site)" -ExternalUrl https://ews.contoso.com/EWS/Exchange.asmx -OAuthAuthentication:$false');
    expect(dir.ewsVirtualDirectory).toMatchObject({ externalUrl: 'https://ews.contoso.com/EWS/Exchange.asmx', oAuthAuthentication: false });
    const bad = await shell.run('Set-WebServicesVirtualDirectory "EXCH01\\EWS (Default Web Site)" -InternalUrl mail');
    expect(bad.errors[0]!.message).toContain('Invalid URI');
    expect((await shell.run('Get-WebServicesVirtualDirectory -Server EXCH02')).errors[0]!.message).toContain("object 'EXCH02' couldn't be found");
  });

  it('never lets a JavaScript error escape: defects become an InternalError record', async () => {
    const dir = contoso();
    const shell = new ManagementShell(dir);
    Object.defineProperty(dir, 'mailboxes', { value: () => { throw new TypeError('boom'); } });
    const r = await shell.run('Get-Mailbox; "still here"');
    expect(r.errors[0]).toMatchObject({ errorId: 'InternalError' });
    expect(r.output.endsWith('still here')).toBe(true);
  });
});
