import { Directory } from '../../../../src/simulator/store/directory/index.js';

/** Passwords of the test organization's accounts (they meet AD's default complexity rules). */
export const PASSWORDS = {
  administrator: 'Adm1n!Pass',
  alice: 'Al1ce!Pass',
  bob: 'B0b!Passw0rd',
  service: 'S3rvice!Pass',
} as const;

/**
 * A fresh contoso.com: the administrator, users alice and bob, two rooms and a projector. The guide
 * names its EWS virtual directory `Contoso\EWS(Default Web Site)`, so tests that run it verbatim make
 * the server `CONTOSO`; the default is Exchange-like `EXCH01`.
 */
export function contoso(serverName?: string): Directory {
  return Directory.create({
    domain: 'contoso.com',
    administratorPassword: PASSWORDS.administrator,
    ...(serverName ? { serverName } : {}),
    timeZone: 'Pacific Standard Time',
    mailboxes: [
      { name: 'alice', displayName: 'Alice Wu', firstName: 'Alice', lastName: 'Wu', password: PASSWORDS.alice, department: 'Sales' },
      { name: 'bob', displayName: 'Bob Kelly', firstName: 'Bob', lastName: 'Kelly', password: PASSWORDS.bob, department: 'Engineering', customAttributes: { CustomAttribute1: 'vip' } },
      { name: 'Conference Room 1', type: 'RoomMailbox', capacity: 12 },
      { name: 'Boardroom', alias: 'boardroom', type: 'RoomMailbox', capacity: 20 },
      { name: 'Projector', type: 'EquipmentMailbox' },
    ],
  });
}
