import { z } from 'zod';
import { DirectoryError } from './errors.js';
import { CUSTOM_ATTRIBUTES, EXTENDED_RIGHTS, FOLDER_ROLES, MAILBOX_TYPES, type DirectoryState } from './types.js';

/**
 * Loading a saved directory (--data): the file is a boundary, so it is parsed, not cast. Unknown
 * fields are dropped; a missing or wrong field is reported with its path.
 */

const text = z.string();

const mailbox = z.object({
  guid: text,
  smtp: text,
  alias: text,
  name: text,
  displayName: text,
  firstName: text.optional(),
  lastName: text.optional(),
  upn: text,
  passwordHash: text.optional(),
  type: z.enum(MAILBOX_TYPES),
  capacity: z.number().int().nonnegative().optional(),
  timeZone: text,
  organizationalUnit: text.optional(),
  department: text.optional(),
  customAttributes: z.partialRecord(z.enum(CUSTOM_ATTRIBUTES), text).optional(),
});

const virtualDirectory = z.object({
  guid: text,
  identity: text,
  basicAuthentication: z.boolean(),
  windowsAuthentication: z.boolean(),
  oAuthAuthentication: z.boolean(),
  digestAuthentication: z.boolean(),
  wsSecurityAuthentication: z.boolean(),
  internalUrl: text,
  externalUrl: text.optional(),
});

const directory = z.object({
  schemaVersion: z.literal(1),
  domain: text,
  netbiosName: text,
  serverName: text,
  domainController: text,
  defaultTimeZone: text,
  administrator: text,
  mailboxes: z.array(mailbox),
  virtualDirectories: z.array(virtualDirectory),
  managementScopes: z.array(z.object({ guid: text, name: text, recipientRestrictionFilter: text })),
  roleAssignments: z.array(z.object({ guid: text, name: text, role: text, user: text, customRecipientWriteScope: text.optional() })),
  folderPermissions: z.array(z.object({ mailbox: text, folder: z.literal('Calendar'), user: text, accessRights: z.enum(FOLDER_ROLES) })),
  extendedRights: z.array(z.object({ mailbox: text, user: text, right: z.enum(EXTENDED_RIGHTS) })),
});

/** Parses saved directory JSON (already JSON.parse'd); throws DirectoryError naming the bad field. */
export function parseDirectoryState(json: unknown): DirectoryState {
  const result = directory.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new DirectoryError('InvalidValue', `The saved directory is not valid at ${where}: ${issue?.message ?? 'unknown problem'}.`, 'Fix or delete the data file; a fresh simulator writes a valid one.');
  }
  const state = result.data;
  if (!state.mailboxes.some((m) => m.guid === state.administrator)) {
    throw new DirectoryError('InvalidValue', "The saved directory has no administrator's mailbox.", 'Fix or delete the data file; a fresh simulator writes a valid one.');
  }
  return state;
}
