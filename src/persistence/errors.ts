import { AppError } from '../shared/errors.js';

/**
 * Stable codes for what can go wrong below the repositories. Messages never contain a secret: no password,
 * no key, no plaintext, no database password (URLs are redacted before they reach a message).
 */
export type PersistenceErrorCode =
  | 'DatabaseUnreachable'
  | 'DatabaseConfigInvalid'
  | 'MigrationFailed'
  | 'SecretKeyInvalid'
  | 'SecretKeyFileUnreadable'
  | 'SecretMalformed'
  | 'SecretWrongKey'
  | 'SecretUndecryptable'
  | 'AdminEmailTaken';

/** An error from the persistence layer: a stable code, what failed and what to do about it. */
export class PersistenceError extends AppError {
  declare readonly code: PersistenceErrorCode;

  constructor(code: PersistenceErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(code, message, hint, options);
  }
}

/** A database URL fit for a message or a log line: the password (and any query string) removed. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    u.search = '';
    return u.toString();
  } catch {
    return '(an unparsable database URL)';
  }
}

/** True for PostgreSQL's unique_violation (23505), as raised by both pg and PGlite. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
