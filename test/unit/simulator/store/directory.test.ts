import { describe, expect, it } from 'vitest';
import { Directory, DirectoryError, hashPassword, verifyPassword } from '../../../../src/simulator/store/directory/index.js';
import { contoso, PASSWORDS } from './contoso.js';

describe('Directory: a fresh organization', () => {
  it('has the administrator account administrator@<domain> and one EWS virtual directory with Basic off', () => {
    const dir = contoso();
    expect(dir.administrator.upn).toBe('administrator@contoso.com');
    expect(dir.administrator.smtp).toBe('administrator@contoso.com');
    expect(dir.administrator.type).toBe('UserMailbox');
    expect(dir.ewsVirtualDirectory).toMatchObject({
      identity: 'EXCH01\\EWS (Default Web Site)',
      basicAuthentication: false,
      windowsAuthentication: true,
      oAuthAuthentication: true,
      internalUrl: 'https://exch01.contoso.com/EWS/Exchange.asmx',
      externalUrl: 'https://mail.contoso.com/EWS/Exchange.asmx',
    });
  });

  it('derives alias, address and UPN as Exchange does', () => {
    const dir = contoso();
    const alice = dir.findMailbox('alice')!;
    expect(alice).toMatchObject({ alias: 'alice', smtp: 'alice@contoso.com', upn: 'alice@contoso.com', type: 'UserMailbox', timeZone: 'Pacific Standard Time' });
    // A resource without -Alias: the name with spaces removed.
    expect(dir.findMailbox('Conference Room 1')).toMatchObject({ alias: 'ConferenceRoom1', smtp: 'ConferenceRoom1@contoso.com', type: 'RoomMailbox', capacity: 12 });
    // With a UPN and no alias: the UPN's local part.
    const svc = dir.addMailbox({ name: 'Alexa Service', upn: 'alexaforbusiness@contoso.com', password: PASSWORDS.service });
    expect(svc.alias).toBe('alexaforbusiness');
  });

  it('refuses an alias with spaces, with Exchange wording and a suggestion', () => {
    const dir = contoso();
    const err = (() => {
      try {
        dir.addMailbox({ name: 'x', alias: 'Alexa for Business' });
      } catch (e) {
        return e as DirectoryError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(DirectoryError);
    expect(err.code).toBe('InvalidValue');
    expect(err.message).toMatch(/^Property expression "Alexa for Business" isn't valid\./);
    expect(err.hint).toContain('alexaforbusiness');
  });

  it('refuses duplicates of name, alias, address and UPN', () => {
    const dir = contoso();
    expect(() => dir.addMailbox({ name: 'alice' })).toThrow(/already exists/);
    expect(() => dir.addMailbox({ name: 'Alice Two', alias: 'ALICE' })).toThrow(/alias "ALICE" is already used/);
    expect(() => dir.addMailbox({ name: 'Alice Three', alias: 'alice3', smtp: 'Alice@Contoso.com' })).toThrow(/proxy address/);
  });

  it('finds a mailbox by SMTP, UPN, alias, name, DOMAIN\\alias and GUID, case-insensitively', () => {
    const dir = contoso();
    const bob = dir.findMailbox('bob')!;
    for (const id of ['BOB@contoso.com', 'bob@CONTOSO.COM', 'Bob', 'CONTOSO\\bob', bob.guid, 'contoso.com/Users/bob']) {
      expect(dir.findMailbox(id)?.guid, id).toBe(bob.guid);
    }
    expect(dir.findMailbox('nobody')).toBeUndefined();
    expect(() => dir.resolveMailbox('nobody')).toThrow("The operation couldn't be performed because object 'nobody' couldn't be found on 'DC01.contoso.com'.");
  });

  it('reports an identity that is one mailbox\'s name and another\'s alias as ambiguous', () => {
    const dir = contoso();
    dir.addMailbox({ name: 'carol', alias: 'carol.x' });
    dir.addMailbox({ name: 'Carol Other', alias: 'carol' });
    expect(() => dir.resolveMailbox('carol')).toThrow(/matches multiple entries/);
    // Sign-in lookups prefer the alias.
    expect(dir.findMailbox('carol')?.name).toBe('Carol Other');
  });
});

describe('Directory.authenticate', () => {
  const dir = contoso();

  it('signs in by UPN, SMTP address, DOMAIN\\alias or alias with the right password', () => {
    for (const login of ['alice@contoso.com', 'ALICE@CONTOSO.COM', 'CONTOSO\\alice', 'contoso\\Alice', 'alice']) {
      expect(dir.authenticate(login, PASSWORDS.alice)?.alias, login).toBe('alice');
    }
    expect(dir.authenticate('administrator@contoso.com', PASSWORDS.administrator)?.guid).toBe(dir.administrator.guid);
  });

  it('refuses a wrong password, an unknown account, and accounts without a password (rooms)', () => {
    expect(dir.authenticate('alice@contoso.com', 'wrong')).toBeUndefined();
    expect(dir.authenticate('alice@contoso.com', PASSWORDS.bob)).toBeUndefined();
    expect(dir.authenticate('nobody@contoso.com', PASSWORDS.alice)).toBeUndefined();
    expect(dir.authenticate('boardroom@contoso.com', '')).toBeUndefined();
  });

  it('stores scrypt hashes, never the password', () => {
    const alice = dir.findMailbox('alice')!;
    expect(alice.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(JSON.stringify(dir)).not.toContain(PASSWORDS.alice);
    expect(verifyPassword('x', 'not-a-hash')).toBe(false);
    const h1 = hashPassword('same');
    expect(h1).not.toBe(hashPassword('same'));
    expect(verifyPassword('same', h1)).toBe(true);
  });
});

describe('Directory: saving and loading (--data)', () => {
  it('round-trips through JSON, grants and passwords included', () => {
    const dir = contoso();
    const alice = dir.findMailbox('alice')!;
    const bob = dir.findMailbox('bob')!;
    dir.addManagementScope('UserMailboxes', 'RecipientTypeDetails -eq "UserMailbox"');
    dir.addRoleAssignment({ name: 'imp', role: 'applicationimpersonation', user: bob.guid, customRecipientWriteScope: 'usermailboxes' });
    dir.addFolderPermission(alice, bob.guid, 'Editor');
    dir.addExtendedRight(alice, bob, 'Send-As');
    dir.setVirtualDirectory('EXCH01\\EWS (Default Web Site)', { basicAuthentication: true });

    const loaded = Directory.fromJSON(JSON.parse(JSON.stringify(dir)));
    expect(loaded.state).toEqual(dir.state);
    const bob2 = loaded.authenticate('bob@contoso.com', PASSWORDS.bob)!;
    expect(bob2).toBeDefined();
    expect(loaded.roleAssignments()[0]).toMatchObject({ role: 'ApplicationImpersonation', customRecipientWriteScope: 'UserMailboxes' });
    expect(loaded.folderRole(bob2, loaded.findMailbox('alice')!)).toBe('Editor');
    expect(loaded.hasSendAs(bob2, loaded.findMailbox('alice')!)).toBe(true);
    expect(loaded.ewsVirtualDirectory.basicAuthentication).toBe(true);
  });

  it('rejects invalid data with the path of the bad field', () => {
    const state = JSON.parse(JSON.stringify(contoso()));
    state.mailboxes[1].type = 'Castle';
    expect(() => Directory.fromJSON(state)).toThrow(/mailboxes\.1\.type/);
    expect(() => Directory.fromJSON({})).toThrow(DirectoryError);
  });

  it('counts changes in revision', () => {
    const dir = contoso();
    const before = dir.revision;
    dir.setVirtualDirectory('EWS (Default Web Site)', { basicAuthentication: false });
    expect(dir.revision).toBe(before);
    dir.setVirtualDirectory('EWS (Default Web Site)', { basicAuthentication: true });
    expect(dir.revision).toBe(before + 1);
  });
});

describe('virtual directory identities', () => {
  it('match with or without the space before "(", in any case, with or without the server', () => {
    const dir = contoso('Contoso');
    for (const id of ['Contoso\\EWS(Default Web Site)', 'CONTOSO\\ews (default web site)', 'EWS (Default Web Site)', 'contoso\\EWS  (Default Web Site)']) {
      expect(dir.resolveVirtualDirectory(id).identity, id).toBe('CONTOSO\\EWS (Default Web Site)');
    }
  });

  it('that name another server are not found', () => {
    const dir = contoso();
    expect(() => dir.resolveVirtualDirectory('Contoso\\EWS(Default Web Site)')).toThrow("The operation couldn't be performed because object 'Contoso\\EWS(Default Web Site)' couldn't be found on 'DC01.contoso.com'.");
  });
});
