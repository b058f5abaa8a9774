import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable token: 32 random bytes, base64url (43 characters, cookie- and URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * sha256 (hex) of a token: what the database keeps instead of the token, so a leaked dump cannot be
 * replayed as a cookie or a setup link. A fast hash is enough because the input has 256 bits of entropy.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
