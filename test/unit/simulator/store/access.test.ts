import { describe, expect, it } from 'vitest';
import type { Directory } from '../../../../src/simulator/store/directory/index.js';
import { contoso, PASSWORDS } from './contoso.js';

/** What the EWS server asks the directory: impersonation, folder roles, Send As. */

function withService(): { dir: Directory; svc: ReturnType<Directory['addMailbox']> } {
  const dir = contoso();
  const svc = dir.addMailbox({ name: 'alexaforbusiness', displayName: 'Alexa for Business Service Account', password: PASSWORDS.service });
  return { dir, svc };
}

describe('canImpersonate', () => {
  it('is false without an ApplicationImpersonation assignment, even for the administrator', () => {
    const { dir, svc } = withService();
    const alice = dir.findMailbox('alice')!;
    expect(dir.canImpersonate(svc, alice)).toBe(false);
    expect(dir.canImpersonate(dir.administrator, alice)).toBe(false);
    expect(dir.impersonation(svc, alice)).toEqual({ allowed: false, reason: 'NoRole' });
  });

  it('covers every mailbox, rooms included, with an unscoped assignment', () => {
    const { dir, svc } = withService();
    dir.addRoleAssignment({ name: 'impersonationAssignmentName', role: 'ApplicationImpersonation', user: svc.guid });
    for (const id of ['alice', 'bob', 'boardroom', 'Projector', 'Administrator']) expect(dir.canImpersonate(svc, dir.findMailbox(id)!), id).toBe(true);
    expect(dir.impersonation(svc, dir.findMailbox('boardroom')!)).toEqual({ allowed: true, reason: 'Unscoped', assignment: 'impersonationAssignmentName' });
    // Only the assignee gets it.
    expect(dir.canImpersonate(dir.findMailbox('bob')!, dir.findMailbox('alice')!)).toBe(false);
  });

  it('follows the scope filter of a CustomRecipientWriteScope: user mailboxes yes, rooms no', () => {
    const { dir, svc } = withService();
    dir.addManagementScope('UserMailboxes', 'RecipientTypeDetails -eq "UserMailbox"');
    dir.addRoleAssignment({ name: 'ResourceImpersonation', role: 'ApplicationImpersonation', user: svc.guid, customRecipientWriteScope: 'UserMailboxes' });
    expect(dir.canImpersonate(svc, dir.findMailbox('alice')!)).toBe(true);
    expect(dir.impersonation(svc, dir.findMailbox('alice')!)).toEqual({ allowed: true, reason: 'InScope', assignment: 'ResourceImpersonation' });
    expect(dir.canImpersonate(svc, dir.findMailbox('boardroom')!)).toBe(false);
    expect(dir.impersonation(svc, dir.findMailbox('Projector')!)).toEqual({ allowed: false, reason: 'OutOfScope' });
  });

  it('allows a room-only scope the other way round, and unions several assignments', () => {
    const { dir, svc } = withService();
    dir.addManagementScope('Rooms', "RecipientTypeDetails -eq 'RoomMailbox'");
    dir.addManagementScope('Sales', "Department -like 'sales*'");
    dir.addRoleAssignment({ name: 'rooms', role: 'ApplicationImpersonation', user: svc.guid, customRecipientWriteScope: 'Rooms' });
    expect(dir.canImpersonate(svc, dir.findMailbox('boardroom')!)).toBe(true);
    expect(dir.canImpersonate(svc, dir.findMailbox('alice')!)).toBe(false);
    dir.addRoleAssignment({ name: 'sales', role: 'ApplicationImpersonation', user: svc.guid, customRecipientWriteScope: 'Sales' });
    expect(dir.canImpersonate(svc, dir.findMailbox('alice')!)).toBe(true);
    expect(dir.canImpersonate(svc, dir.findMailbox('bob')!)).toBe(false);
  });

  it('ignores other roles', () => {
    const { dir, svc } = withService();
    dir.addRoleAssignment({ role: 'Mail Recipients', user: svc.guid });
    expect(dir.canImpersonate(svc, dir.findMailbox('alice')!)).toBe(false);
  });

  it('refuses assignments naming an unknown role, user or scope, and removing a scope in use', () => {
    const { dir, svc } = withService();
    expect(() => dir.addRoleAssignment({ role: 'Impersonation', user: svc.guid })).toThrow(/object 'Impersonation' couldn't be found/);
    expect(() => dir.addRoleAssignment({ role: 'ApplicationImpersonation', user: 'no-such-guid' })).toThrow(/couldn't be found/);
    expect(() => dir.addRoleAssignment({ role: 'ApplicationImpersonation', user: svc.guid, customRecipientWriteScope: 'Nope' })).toThrow(/object 'Nope' couldn't be found/);
    dir.addManagementScope('S', 'Alias -eq "alice"');
    const a = dir.addRoleAssignment({ role: 'ApplicationImpersonation', user: svc.guid, customRecipientWriteScope: 'S' });
    expect(a.name).toBe('ApplicationImpersonation-alexaforbusiness');
    expect(() => dir.removeManagementScope('S')).toThrow(/can't be deleted/);
    dir.removeRoleAssignment(a.name);
    dir.removeManagementScope('s');
    expect(dir.managementScopes()).toHaveLength(0);
  });
});

describe('folderRole', () => {
  it('is Owner on one\'s own calendar, the Default entry (AvailabilityOnly) otherwise, or the explicit grant', () => {
    const { dir, svc } = withService();
    const alice = dir.findMailbox('alice')!;
    expect(dir.folderRole(alice, alice, 'Calendar')).toBe('Owner');
    expect(dir.folderRole(svc, alice)).toBe('AvailabilityOnly');
    dir.addFolderPermission(alice, svc.guid, 'Editor');
    expect(dir.folderRole(svc, alice)).toBe('Editor');
    dir.setFolderPermission(alice, 'Default', 'Reviewer');
    expect(dir.folderRole(dir.findMailbox('bob')!, alice)).toBe('Reviewer');
    expect(dir.folderRole(svc, alice)).toBe('Editor');
    dir.removeFolderPermission(alice, svc.guid);
    expect(dir.folderRole(svc, alice)).toBe('Reviewer');
  });

  it('lists Default and Anonymous first, and refuses a second entry for a user', () => {
    const { dir, svc } = withService();
    const alice = dir.findMailbox('alice')!;
    dir.addFolderPermission(alice, svc.guid, 'Reviewer');
    expect(dir.folderPermissions(alice).map((p) => [p.user, p.accessRights])).toEqual([
      ['Default', 'AvailabilityOnly'],
      ['Anonymous', 'None'],
      [svc.guid, 'Reviewer'],
    ]);
    expect(() => dir.addFolderPermission(alice, svc.guid, 'Editor')).toThrow('An existing permission entry was found for user: Alexa for Business Service Account.');
    expect(() => dir.removeFolderPermission(alice, dir.findMailbox('bob')!.guid)).toThrow('There is no existing permission entry found for user: Bob Kelly.');
  });
});

describe('hasSendAs', () => {
  it('is true for the owner and for holders of the Send-As extended right only', () => {
    const { dir, svc } = withService();
    const alice = dir.findMailbox('alice')!;
    expect(dir.hasSendAs(alice, alice)).toBe(true);
    expect(dir.hasSendAs(svc, alice)).toBe(false);
    dir.addExtendedRight(alice, svc, 'Send-As');
    dir.addExtendedRight(alice, svc, 'Send-As');
    expect(dir.extendedRights(alice)).toHaveLength(1);
    expect(dir.hasSendAs(svc, alice)).toBe(true);
    expect(dir.hasSendAs(svc, dir.findMailbox('bob')!)).toBe(false);
    expect(dir.removeExtendedRight(alice, svc, 'Send-As')).toBe(true);
    expect(dir.hasSendAs(svc, alice)).toBe(false);
  });

  it('goes with the mailbox when it is removed', () => {
    const { dir, svc } = withService();
    const alice = dir.findMailbox('alice')!;
    dir.addExtendedRight(alice, svc, 'Send-As');
    dir.addFolderPermission(alice, svc.guid, 'Editor');
    dir.addRoleAssignment({ role: 'ApplicationImpersonation', user: svc.guid });
    dir.removeMailbox(svc);
    expect(dir.state.extendedRights).toHaveLength(0);
    expect(dir.state.folderPermissions).toHaveLength(0);
    expect(dir.roleAssignments()).toHaveLength(0);
    expect(() => dir.removeMailbox(dir.administrator)).toThrow(/can't be removed/);
  });
});
