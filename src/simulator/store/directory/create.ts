import { randomUUID } from 'node:crypto';
import { DirectoryError } from './errors.js';
import { addMailbox, type NewMailboxInput } from './mailboxes.js';
import type { DirectoryState } from './types.js';

export interface CreateDirectoryOptions {
  /** Accepted domain, e.g. `contoso.com`. */
  readonly domain: string;
  /** Password of `administrator@<domain>`, the account the Management Shell runs as. */
  readonly administratorPassword: string;
  /** Exchange server name; defaults to `EXCH01`. */
  readonly serverName?: string;
  /** AD NetBIOS name; defaults to the domain's first label in upper case (at most 15 characters). */
  readonly netbiosName?: string;
  /** Windows time zone of new mailboxes; defaults to `UTC`. */
  readonly timeZone?: string;
  /**
   * Whether the EWS virtual directory starts with Basic authentication on. Exchange 2013 and later
   * install it off (Windows and WS-Security only), which is why the guide has the admin check it.
   */
  readonly basicAuthentication?: boolean;
  /** Defaults to `https://<server>.<domain>/EWS/Exchange.asmx`. */
  readonly internalUrl?: string;
  /** Defaults to `https://mail.<domain>/EWS/Exchange.asmx`. */
  readonly externalUrl?: string;
  /** Mailboxes to create after the administrator's. */
  readonly mailboxes?: readonly NewMailboxInput[];
}

/** A fresh organization: the administrator's mailbox, one EWS virtual directory, nothing granted. */
export function createDirectoryState(options: CreateDirectoryOptions): DirectoryState {
  const domain = options.domain.trim().toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    throw new DirectoryError('InvalidValue', `"${options.domain}" isn't a valid domain name.`, 'Give a DNS domain such as contoso.com.');
  }
  const serverName = (options.serverName ?? 'EXCH01').toUpperCase();
  let state: DirectoryState = {
    schemaVersion: 1,
    domain,
    netbiosName: (options.netbiosName ?? domain.split('.')[0]!).toUpperCase().slice(0, 15),
    serverName,
    domainController: `DC01.${domain}`,
    defaultTimeZone: options.timeZone ?? 'UTC',
    administrator: '',
    mailboxes: [],
    virtualDirectories: [
      {
        guid: randomUUID(),
        identity: `${serverName}\\EWS (Default Web Site)`,
        basicAuthentication: options.basicAuthentication ?? false,
        windowsAuthentication: true,
        oAuthAuthentication: true,
        digestAuthentication: false,
        wsSecurityAuthentication: true,
        internalUrl: options.internalUrl ?? `https://${serverName.toLowerCase()}.${domain}/EWS/Exchange.asmx`,
        externalUrl: options.externalUrl ?? `https://mail.${domain}/EWS/Exchange.asmx`,
      },
    ],
    managementScopes: [],
    roleAssignments: [],
    folderPermissions: [],
    extendedRights: [],
  };
  const [withAdmin, admin] = addMailbox(state, {
    name: 'Administrator',
    alias: 'Administrator',
    upn: `administrator@${domain}`,
    smtp: `administrator@${domain}`,
    password: options.administratorPassword,
    organizationalUnit: 'Users',
  });
  state = { ...withAdmin, administrator: admin.guid };
  for (const input of options.mailboxes ?? []) state = addMailbox(state, input)[0];
  return state;
}
