import type { Kysely } from 'kysely';
import { admins, auditLog, exchangeLinks, notifications, type Tables } from '../../persistence/index.js';
import type { EwsClientPool } from './client-pool.js';

const DAY = 86_400_000;
/** As Alexa for Business did: 14, 7, 3 and 1 days before, then every day. */
const THRESHOLDS = [14, 7, 3, 1] as const;

/** Which warning (if any) is due `daysLeft` whole days before expiry; the key makes it once-only. */
export function dueWarning(daysLeft: number, today: string): { key: string; days: number } | undefined {
  if (daysLeft < 1) return { key: `daily:${today}`, days: daysLeft };
  // The nearest threshold not yet passed: 10 days left is the 14-day warning, 2 days left the 3-day one.
  const t = [...THRESHOLDS].reverse().find((d) => daysLeft <= d);
  return t === undefined ? undefined : { key: `before:${t}`, days: daysLeft };
}

/**
 * Warns before the service account's password expires: on the console (the link status carries the
 * warning) and by email through Exchange from the service account to every administrator. Each warning
 * is claimed in the database first, so several instances send it once.
 */
export async function checkPasswordExpiry(db: Kysely<Tables>, pool: EwsClientPool, now: Date = new Date()): Promise<string | undefined> {
  const link = await exchangeLinks.getActive(db);
  if (!link?.passwordExpiresAt || link.status === 'failing') return undefined;
  const daysLeft = Math.floor((link.passwordExpiresAt.getTime() - now.getTime()) / DAY);
  const due = dueWarning(daysLeft, now.toISOString().slice(0, 10));
  if (!due) return undefined;
  const key = `${link.id}:${due.key}`;
  if (!(await notifications.tryClaim(db, 'password-expiry', key, now))) return undefined;
  const recipients = (await admins.listAdmins(db)).map((a) => ({ email: a.email }));
  const subject = daysLeft < 1 ? `Concierge: the Exchange service account password has expired` : `Concierge: the Exchange service account password expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  const body = `The password of ${link.upn}, which Concierge uses to reach Exchange, ${daysLeft < 1 ? 'has expired' : `expires on ${link.passwordExpiresAt.toISOString().slice(0, 10)}`}.\n\nSet a new password on the account, then enter it in Concierge under Exchange, Rotate (it is tested before Concierge switches to it).`;
  try {
    if (recipients.length > 0) await pool.use((client) => client.sendMessage(link.upn, { to: recipients, subject, body }, { asSelf: true }));
    await auditLog.append(db, { actor: 'concierge', action: 'exchange.password-expiry-warning', target: link.upn, result: 'ok', detail: { daysLeft, recipients: recipients.length } });
    return key;
  } catch (err) {
    // Not sent: give the claim back so the next check (on any instance) tries again.
    await notifications.release(db, 'password-expiry', key);
    await auditLog.append(db, { actor: 'concierge', action: 'exchange.password-expiry-warning', target: link.upn, result: 'failed', detail: { daysLeft, error: (err as Error).message } });
    return undefined;
  }
}
