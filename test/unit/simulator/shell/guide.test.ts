import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ManagementShell } from '../../../../src/simulator/shell/index.js';
import { contoso, PASSWORDS } from '../store/contoso.js';
import { SHARED_DIR } from '../../../support/shared.js';

/**
 * The Alexa for Business admin guide's Exchange Management Shell commands, copied verbatim (en dashes
 * included), run against a fresh contoso.com. Two of them fail in real PowerShell as printed; those
 * failures are reproduced, and their corrected forms are shown to work.
 */

const GUIDE = {
  verifyBasic: 'Get-WebServicesVirtualDirectory | fl',
  enableBasic: 'Set-WebServicesVirtualDirectory -Identity "Contoso\\EWS(Default Web Site)" -BasicAuthentication $true',
  newMailbox:
    'New-Mailbox -UserPrincipalName alexaforbusiness@your_domain -Alias Alexa for Business -Name alexaforbusiness -OrganizationalUnit Users -FirstName Alexa -LastName Service Account -DisplayName "Alexa for Business Service Account"',
  impersonation: 'New-ManagementRoleAssignment –name:impersonationAssignmentName –Role:ApplicationImpersonation –User: alexaforbusiness',
  scope: 'New-ManagementScope -Name "UserMailboxes" -RecipientRestrictionFilter {RecipientTypeDetails -eq "UserMailbox"}',
  scopedImpersonation: 'New-ManagementRoleAssignment –Name "ResourceImpersonation" –Role ApplicationImpersonation –User alexaforbusiness –CustomRecipientWriteScope "UserMailboxes"',
  folderPermission: 'Add-MailboxFolderPermission <username>:\\Calendar -user alexaforbusiness -accessrights Editor',
  sendAs: 'Add-ADPermission -Identity <username> –User alexaforbusiness -Extendedrights "Send As"',
  forAllUsers:
    '$users = Get-Mailbox -ResultSize unlimited -RecipientTypeDetails UserMailbox | Select -ExpandProperty Name Foreach ($user in $users) { Add-MailboxFolderPermission -Identity $user":\\Calendar" -user alexaforbusiness -accessrights Editor Add-ADPermission -Identity $user –User alexaforbusiness -Extendedrights "Send As" }',
} as const;

const GUIDE_FILE = join(SHARED_DIR, 'seed', '000_3e389f27a26295be.txt');

/** The service account as the corrected New-Mailbox line creates it (non-interactively). */
const CREATE_SERVICE_ACCOUNT = `New-Mailbox -UserPrincipalName alexaforbusiness@contoso.com -Alias alexaforbusiness -Name alexaforbusiness -OrganizationalUnit Users -FirstName Alexa -LastName "Service Account" -DisplayName "Alexa for Business Service Account" -Password (ConvertTo-SecureString -String "${PASSWORDS.service}" -AsPlainText -Force)`;

async function withServiceAccount(serverName?: string) {
  const dir = contoso(serverName);
  const shell = new ManagementShell(dir);
  const created = await shell.run(CREATE_SERVICE_ACCOUNT);
  expect(created.errors).toEqual([]);
  return { dir, shell, svc: dir.findMailbox('alexaforbusiness')! };
}

describe('the guide text', () => {
  it.skipIf(!existsSync(GUIDE_FILE))('contains every command of this test verbatim', () => {
    const text = readFileSync(GUIDE_FILE, 'utf8');
    for (const [name, command] of Object.entries(GUIDE)) expect(text.includes(command), name).toBe(true);
  });
});

describe('To verify that basic authentication is enabled', () => {
  it('shows BasicAuthentication : False with Get-WebServicesVirtualDirectory | fl, then True after Set-WebServicesVirtualDirectory', async () => {
    const dir = contoso('Contoso');
    const shell = new ManagementShell(dir);
    const before = await shell.run(GUIDE.verifyBasic);
    expect(before.ok).toBe(true);
    expect(before.output).toMatch(/^BasicAuthentication\s+: False$/m);
    expect(before.output).toMatch(/^Identity\s+: CONTOSO\\EWS \(Default Web Site\)$/m);

    const set = await shell.run(GUIDE.enableBasic);
    expect(set).toEqual({ output: '', errors: [], ok: true });
    expect(dir.ewsVirtualDirectory.basicAuthentication).toBe(true);
    expect((await shell.run(GUIDE.verifyBasic)).output).toMatch(/^BasicAuthentication\s+: True$/m);
  });

  it('warns when nothing changes, as Exchange does', async () => {
    const shell = new ManagementShell(contoso('Contoso'));
    await shell.run(GUIDE.enableBasic);
    const again = await shell.run(GUIDE.enableBasic);
    expect(again.ok).toBe(true);
    expect(again.output).toBe("WARNING: The command completed successfully but no settings of 'CONTOSO\\EWS (Default Web Site)' have been modified.");
  });

  it('answers "couldn\'t be found" when the identity names another server, and says which identity exists', async () => {
    const dir = contoso();
    const result = await new ManagementShell(dir).run(GUIDE.enableBasic);
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      command: 'Set-WebServicesVirtualDirectory',
      message: "The operation couldn't be performed because object 'Contoso\\EWS(Default Web Site)' couldn't be found on 'DC01.contoso.com'.",
      exception: 'ManagementObjectNotFoundException',
      origin: 'exchange',
      terminating: false,
    });
    expect(result.errors[0]!.hint).toContain('"EXCH01\\EWS (Default Web Site)"');
    expect(result.output).toContain('+ CategoryInfo          : NotSpecified: (:) [Set-WebServicesVirtualDirectory], ManagementObjectNotFoundException');
    expect(result.output).toContain('+ PSComputerName        : exch01.contoso.com');
    expect(dir.ewsVirtualDirectory.basicAuthentication).toBe(false);
  });
});

describe('To create a service account', () => {
  it('fails as printed: unquoted "Alexa for Business" leaves positional arguments over', async () => {
    const dir = contoso();
    const prompt = vi.fn(async () => PASSWORDS.service);
    const result = await new ManagementShell(dir, { prompt }).run(GUIDE.newMailbox);
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    const error = result.errors[0]!;
    expect(error).toMatchObject({
      command: 'New-Mailbox',
      message: "A positional parameter cannot be found that accepts argument 'for'.",
      category: 'InvalidArgument',
      exception: 'ParameterBindingException',
      errorId: 'PositionalParameterNotFound',
      terminating: true,
      position: { line: 1, column: 1 },
    });
    expect(error.hint).toContain('-Alias "Alexa for Business"');
    expect(error.hint).toContain('-Alias alexaforbusiness');
    expect(result.output.split('\n').slice(0, 2)).toEqual(["New-Mailbox : A positional parameter cannot be found that accepts argument 'for'.", 'At line:1 char:1']);
    expect(result.output).toContain('+ FullyQualifiedErrorId : PositionalParameterNotFound,New-Mailbox');
    expect(prompt).not.toHaveBeenCalled();
    expect(dir.findMailbox('alexaforbusiness')).toBeUndefined();
  });

  it('with the alias quoted, fails on Exchange\'s alias rule (no spaces) before asking for the password', async () => {
    const dir = contoso();
    const prompt = vi.fn(async () => PASSWORDS.service);
    const quoted = GUIDE.newMailbox.replace('-Alias Alexa for Business', '-Alias "Alexa for Business"');
    const result = await new ManagementShell(dir, { prompt }).run(quoted);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^Cannot bind parameter 'Alias' to the target\. Exception setting "Alias": "Property expression "Alexa for Business" isn't valid\. Valid values are: /);
    expect(result.errors[0]).toMatchObject({ command: 'New-Mailbox', exception: 'ParameterBindingException', errorId: 'ParameterBindingFailed', origin: 'exchange' });
    expect(result.errors[0]!.hint).toContain('-Alias alexaforbusiness');
    expect(prompt).not.toHaveBeenCalled();
    expect(dir.findMailbox('alexaforbusiness')).toBeUndefined();
  });

  it('with a valid alias, still fails on the unquoted -LastName Service Account', async () => {
    const fixedAlias = GUIDE.newMailbox.replace('-Alias Alexa for Business', '-Alias alexaforbusiness');
    const result = await new ManagementShell(contoso()).run(fixedAlias);
    expect(result.errors[0]!.message).toBe("A positional parameter cannot be found that accepts argument 'Account'.");
    expect(result.errors[0]!.hint).toBe('A value that contains spaces must be quoted: -LastName "Service Account".');
  });

  it('corrected, prompts for the password ("You are prompted to enter a password") and creates the account', async () => {
    const dir = contoso();
    const prompt = vi.fn(async () => PASSWORDS.service);
    const corrected = GUIDE.newMailbox.replace('-Alias Alexa for Business', '-Alias alexaforbusiness').replace('Service Account -', '"Service Account" -');
    const result = await new ManagementShell(dir, { prompt }).run(corrected);
    expect(result.errors).toEqual([]);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(prompt).toHaveBeenCalledWith('cmdlet New-Mailbox at command pipeline position 1\nSupply values for the following parameters:\nPassword: ', true);
    const svc = dir.findMailbox('alexaforbusiness')!;
    expect(svc).toMatchObject({
      alias: 'alexaforbusiness',
      name: 'alexaforbusiness',
      upn: 'alexaforbusiness@your_domain',
      smtp: 'alexaforbusiness@contoso.com',
      firstName: 'Alexa',
      lastName: 'Service Account',
      displayName: 'Alexa for Business Service Account',
      organizationalUnit: 'Users',
      type: 'UserMailbox',
    });
    // your_domain is the guide's placeholder: the shell says so, and the account still signs in by its UPN.
    expect(result.output).toContain('WARNING: The UPN suffix "your_domain" isn\'t a domain of this organization (contoso.com).');
    expect(result.output).toMatch(/^alexaforbusiness\s+alexaforbusiness\s+exch01\s+Unlimited$/m);
    expect(dir.authenticate('alexaforbusiness@your_domain', PASSWORDS.service)?.guid).toBe(svc.guid);
    expect(dir.authenticate('alexaforbusiness@contoso.com', PASSWORDS.service)?.guid).toBe(svc.guid);
    expect(svc.passwordHash).not.toContain(PASSWORDS.service);
  });

  it('corrected but not interactive, fails clearly for the missing password; -Password works', async () => {
    const dir = contoso();
    const shell = new ManagementShell(dir);
    const corrected = GUIDE.newMailbox.replace('-Alias Alexa for Business', '-Alias alexaforbusiness').replace('Service Account -', '"Service Account" -').replace('your_domain', 'contoso.com');
    const missing = await shell.run(corrected);
    expect(missing.errors[0]).toMatchObject({ message: 'Cannot process command because of one or more missing mandatory parameters: Password.', errorId: 'MissingMandatoryParameter' });
    expect(missing.errors[0]!.hint).toContain('ConvertTo-SecureString');
    expect(dir.findMailbox('alexaforbusiness')).toBeUndefined();

    const weak = await shell.run(`${corrected} -Password (ConvertTo-SecureString -String "alexa" -AsPlainText -Force)`);
    expect(weak.errors[0]!.message).toBe('Active Directory operation failed on DC01.contoso.com. The password does not meet the length, complexity, or history requirement of the domain.');

    const created = await shell.run(`${corrected} -Password (ConvertTo-SecureString -String "${PASSWORDS.service}" -AsPlainText -Force)`);
    expect(created.errors).toEqual([]);
    expect(dir.authenticate('alexaforbusiness@contoso.com', PASSWORDS.service)).toBeDefined();
  });
});

describe('To set up impersonation', () => {
  it('assigns ApplicationImpersonation (the en-dash, colon-bound form works), then the scoped assignment', async () => {
    const { dir, shell, svc } = await withServiceAccount();
    const first = await shell.run(GUIDE.impersonation);
    expect(first.errors).toEqual([]);
    expect(dir.findRoleAssignment('impersonationAssignmentName')).toMatchObject({ role: 'ApplicationImpersonation', user: svc.guid });
    expect(dir.findRoleAssignment('impersonationAssignmentName')!.customRecipientWriteScope).toBeUndefined();
    expect(dir.canImpersonate(svc, dir.findMailbox('boardroom')!)).toBe(true);

    expect((await shell.run(GUIDE.scope)).errors).toEqual([]);
    expect(dir.findManagementScope('UserMailboxes')).toMatchObject({ name: 'UserMailboxes', recipientRestrictionFilter: 'RecipientTypeDetails -eq "UserMailbox"' });

    const scoped = await shell.run(GUIDE.scopedImpersonation);
    expect(scoped.errors).toEqual([]);
    expect(scoped.output).toMatch(/^ResourceImpersonation\s+ApplicationImpersonation\s+alexaforbusiness\s+User\s+Direct$/m);
    expect(dir.findRoleAssignment('ResourceImpersonation')).toMatchObject({ role: 'ApplicationImpersonation', user: svc.guid, customRecipientWriteScope: 'UserMailboxes' });

    // Both assignments exist, so the unscoped one still covers rooms; without it, the scope decides.
    expect(dir.canImpersonate(svc, dir.findMailbox('boardroom')!)).toBe(true);
    expect((await shell.run('Remove-ManagementRoleAssignment impersonationAssignmentName -Confirm:$false')).errors).toEqual([]);
    expect(dir.canImpersonate(svc, dir.findMailbox('alice')!)).toBe(true);
    expect(dir.canImpersonate(svc, dir.findMailbox('boardroom')!)).toBe(false);
  });

  it('refuses a scoped assignment before the scope exists, and unknown users', async () => {
    const { shell } = await withServiceAccount();
    const noScope = await shell.run(GUIDE.scopedImpersonation);
    expect(noScope.errors[0]).toMatchObject({ message: "The operation couldn't be performed because object 'UserMailboxes' couldn't be found on 'DC01.contoso.com'.", exception: 'ManagementObjectNotFoundException' });
    expect(noScope.errors[0]!.hint).toContain('New-ManagementScope');
    const noUser = await shell.run('New-ManagementRoleAssignment –name:x –Role:ApplicationImpersonation –User: alexa');
    expect(noUser.errors[0]!.message).toBe("The operation couldn't be performed because object 'alexa' couldn't be found on 'DC01.contoso.com'.");
  });
});

describe('To add the service account as full access', () => {
  it('fails as printed for a single user: <username> is a placeholder and "<" is reserved', async () => {
    const { dir, shell, svc } = await withServiceAccount();
    for (const command of [GUIDE.folderPermission, GUIDE.sendAs]) {
      const result = await shell.run(command);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ message: "The '<' operator is reserved for future use.", category: 'ParserError', errorId: 'RedirectionNotSupported' });
      expect(result.errors[0]!.hint).toContain('<username> is a placeholder');
    }
    expect(dir.folderRole(svc, dir.findMailbox('alice')!)).toBe('AvailabilityOnly');
  });

  it('with <username> replaced by the alias, grants Editor on the calendar and Send As', async () => {
    const { dir, shell, svc } = await withServiceAccount();
    const folder = await shell.run(GUIDE.folderPermission.replace('<username>', 'alice'));
    expect(folder.errors).toEqual([]);
    expect(folder.output).toMatch(/^Calendar\s+Alexa for Business Service Account\s+\{Editor\}$/m);
    const sendAs = await shell.run(GUIDE.sendAs.replace('<username>', 'alice'));
    expect(sendAs.errors).toEqual([]);
    expect(sendAs.output).toMatch(/^alice\s+CONTOSO\\alexaforbusiness\s+False\s+False$/m);
    const alice = dir.findMailbox('alice')!;
    expect(dir.folderRole(svc, alice, 'Calendar')).toBe('Editor');
    expect(dir.hasSendAs(svc, alice)).toBe(true);
    expect(dir.hasSendAs(svc, dir.findMailbox('bob')!)).toBe(false);
    expect(dir.canImpersonate(svc, alice)).toBe(false);
  });

  it('fails as printed for all users: a parse error, so nothing runs', async () => {
    const { dir, shell, svc } = await withServiceAccount();
    const result = await shell.run(GUIDE.forAllUsers);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.errorId, e.message, e.position?.column])).toEqual([
      ['UnexpectedToken', "Unexpected token 'in' in expression or statement.", 123],
      ['MissingEndParenthesisInExpression', "Missing closing ')' in expression.", 122],
      ['UnexpectedToken', "Unexpected token ')' in expression or statement.", 132],
    ]);
    expect(result.errors[0]!.hint).toContain("new line or ';'");
    expect(result.output).toContain('    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : UnexpectedToken');
    // Nothing ran: not even the assignment before the Foreach.
    expect((await shell.run('$users')).output).toBe('');
    expect(dir.state.folderPermissions).toEqual([]);
    expect(dir.extendedRights()).toEqual([]);
    expect(dir.folderRole(svc, dir.findMailbox('alice')!)).toBe('AvailabilityOnly');
  });

  it('with Foreach on its own line but the two commands still on one line, fails per user with a hint', async () => {
    const { dir, shell } = await withServiceAccount();
    const halfFixed = GUIDE.forAllUsers.replace(' Foreach (', '\nForeach (');
    const result = await shell.run(halfFixed);
    expect(result.errors).toHaveLength(4);
    expect(result.errors[0]).toMatchObject({ command: 'Add-MailboxFolderPermission', errorId: 'ParameterAlreadyBound' });
    expect(result.errors[0]!.message).toMatch(/^Cannot bind parameter because parameter 'Identity' is specified more than once\./);
    expect(result.errors[0]!.hint).toContain("'Add-ADPermission' starts another command");
    expect(dir.state.folderPermissions).toEqual([]);
  });

  it.each([
    ['on separate lines', (s: string) => s.replace(' Foreach (', '\nForeach (').replace('{ Add-Mailbox', '{\n  Add-Mailbox').replace(' Editor Add-AD', ' Editor\n  Add-AD').replace('"Send As" }', '"Send As"\n}')],
    ["separated with ';'", (s: string) => s.replace(' Foreach (', '; Foreach (').replace(' Editor Add-AD', ' Editor; Add-AD')],
  ])('corrected (%s), grants Editor and Send As on every user mailbox and no room', async (_how, correct) => {
    const { dir, shell, svc } = await withServiceAccount();
    const result = await shell.run(correct(GUIDE.forAllUsers));
    expect(result.errors).toEqual([]);
    for (const user of ['Administrator', 'alice', 'bob']) {
      const mailbox = dir.findMailbox(user)!;
      expect(dir.folderRole(svc, mailbox), user).toBe('Editor');
      expect(dir.hasSendAs(svc, mailbox), user).toBe(true);
    }
    for (const room of ['boardroom', 'Conference Room 1', 'Projector']) {
      const mailbox = dir.findMailbox(room)!;
      expect(dir.folderRole(svc, mailbox), room).toBe('AvailabilityOnly');
      expect(dir.hasSendAs(svc, mailbox), room).toBe(false);
    }
    expect((await shell.run('$users')).output.split('\n')).toEqual(['Administrator', 'alice', 'bob', 'alexaforbusiness']);
  });
});
