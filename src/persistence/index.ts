/**
 * Persistence: the database (embedded PGlite by default, PostgreSQL with a URL), forward-only migrations,
 * secrets at rest, and one repository per aggregate, used as namespaces:
 *
 * @example
 * import { openDatabase, admins, exchangeLinks } from '../persistence/index.js';
 * const { db } = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
 * const me = await admins.verifyPassword(db, email, password);
 */
export { openDatabase, type Database, type DatabaseKind, type OpenDatabaseOptions } from './db.js';
export { migrate, type MigrationReport } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export { SecretBox, loadOrCreateKeyFile, parseKey } from './secrets.js';
export { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPasswordHash, type ScryptParams } from './passwords.js';
export { hashToken, newToken } from './tokens.js';
export { PersistenceError, redactDatabaseUrl, type PersistenceErrorCode } from './errors.js';
export type * from './tables.js';

export * as admins from './repositories/admins.js';
export * as setupTokens from './repositories/setup-tokens.js';
export * as sessions from './repositories/sessions.js';
export * as exchangeLinks from './repositories/exchange-links.js';
export * as notifications from './repositories/notifications.js';
export * as auditLog from './repositories/audit-log.js';
export * as dialogState from './repositories/dialog-state.js';
export * as people from './repositories/people.js';
export * as invitations from './repositories/invitations.js';
export * as oauth from './repositories/oauth.js';
export * as rooms from './repositories/rooms.js';
export * as roomDevices from './repositories/room-devices.js';
export * as roomCheckIns from './repositories/room-check-ins.js';
