import type { Kysely } from 'kysely';
import { EwsError } from '../../ews/errors.js';
import { auditLog, people, type Tables } from '../../persistence/index.js';
import type { Person, PersonError } from '../../persistence/repositories/people.js';
import type { EwsClientPool } from '../exchange/client-pool.js';
import { HttpProblem } from '../problem.js';
import { forgetDialogs } from './account-actions.js';
import { checkMailbox, mailboxZone } from './mailbox-check.js';
import { isKnownZone, unknownZone } from '../time-zones.js';


export interface LinkDeps {
  readonly db: Kysely<Tables>;
  readonly pool: EwsClientPool;
}

/**
 * Links a person's Exchange calendar: their invited address must resolve to exactly their mailbox, and the
 * service account must reach that mailbox the way the link says (impersonation or delegation). Either way
 * the outcome is stored (state 'linked', or 'failing' with the reason the admin sees) and audited.
 */
export async function linkCalendar(deps: LinkDeps, person: Person, timeZone: string | undefined, now: Date = new Date()): Promise<Person> {
  if (person.state === 'revoked') throw revokedProblem();
  const said = timeZone ?? person.timeZone ?? undefined;
  if (said !== undefined && !isKnownZone(said)) throw unknownZone(said);
  let verdict;
  let tz = said ?? 'UTC';
  try {
    verdict = await deps.pool.use(async (client) => {
      const v = await checkMailbox(client, person.email, tz, now);
      // No zone given or stored: the one the mailbox keeps its working hours in, else UTC.
      if (v.ok && said === undefined) tz = (await mailboxZone(client, v.mailbox, now)) ?? 'UTC';
      return v;
    });
  } catch (err) {
    if (err instanceof EwsError && err.transient) throw err; // Exchange busy or unreachable for a moment: nothing to record.
    // The pool's HttpProblems (no link, link failing) are the service account's, not this mailbox's: a
    // linked person must not lose their mailbox over them.
    if (!(err instanceof EwsError)) throw err;
    await fail(deps, person, { code: err.code, message: err.message, hint: err.hint }, now);
    throw new HttpProblem(422, err.code, err.message, err.hint);
  }
  if (!verdict.ok) {
    await fail(deps, person, verdict.problem, now);
    throw new HttpProblem(422, verdict.problem.code, verdict.problem.message, verdict.problem.hint, { invited: person.email });
  }
  if (person.mailbox !== null && person.mailbox !== verdict.mailbox) await forgetDialogs(deps.db, person);
  await people.markLinked(deps.db, person.id, { mailbox: verdict.mailbox, timeZone: tz }, now);
  await auditLog.append(deps.db, { actor: person.email, action: 'person.link', target: person.email, result: 'ok', detail: { userId: person.id, mailbox: verdict.mailbox } });
  return (await people.findById(deps.db, person.id)) ?? person;
}

async function fail(deps: LinkDeps, person: Person, error: PersonError, now: Date): Promise<void> {
  // A link that worked before and fails now must not leave a pending turn on the old mailbox.
  if (person.mailbox !== null) await forgetDialogs(deps.db, person);
  await people.markFailing(deps.db, person.id, error, now);
  await auditLog.append(deps.db, { actor: person.email, action: 'person.link', target: person.email, result: 'failed', detail: { userId: person.id, code: error.code, error: error.message } });
}

/** Unlinks the calendar: back to 'accepted', pending assistant turns forgotten. */
export async function unlinkCalendar(db: Kysely<Tables>, person: Person): Promise<Person> {
  if (person.state === 'revoked') throw revokedProblem();
  await forgetDialogs(db, person);
  await people.unlink(db, person.id);
  await auditLog.append(db, { actor: person.email, action: 'person.unlink', target: person.email, result: 'ok', detail: { userId: person.id, mailbox: person.mailbox } });
  return (await people.findById(db, person.id)) ?? person;
}

export function revokedProblem(): HttpProblem {
  return new HttpProblem(403, 'AccessRevoked', 'Your access to Concierge was revoked by an administrator.', 'Ask your administrator to invite you again.');
}
