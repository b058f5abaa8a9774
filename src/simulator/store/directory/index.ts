/** The organization's directory: accounts, mailboxes, EWS settings and who may do what. */
export { Directory, type VirtualDirectoryPatch } from './directory.js';
export { createDirectoryState, type CreateDirectoryOptions } from './create.js';
export { DirectoryError, type DirectoryErrorCode } from './errors.js';
export { canonicalName, deriveAlias, findMailbox, invalidAliasMessage, isValidAlias, mailboxIdentityMatches, recipientLookup, resolveMailbox, suggestAlias, virtualDirectoryMatches } from './identity.js';
export { checkPasswordComplexity, type MailboxPatch, type NewMailboxInput } from './mailboxes.js';
export { compileOpath, evaluateOpath, OpathSyntaxError, parseOpath, RECIPIENT_FILTER_PROPERTIES, wildcardMatcher, type OpathLookup, type OpathNode } from './opath.js';
export { hashPassword, verifyPassword } from './password.js';
export { isBuiltInUser, type FolderPermissionEntry } from './permissions.js';
export { BUILT_IN_ROLES, IMPERSONATION_ROLE, type ImpersonationDecision, type NewRoleAssignment } from './rbac.js';
export { parseDirectoryState } from './serialize.js';
export * from './types.js';
