import type { AccountPerson, ExchangeLink } from '../../persistence/repositories/exchange-links.js';
import { HttpProblem } from '../problem.js';

/** The signed-in account, as the session guard found it. */
export interface Account {
  readonly id: string;
  readonly email: string;
  readonly role: 'admin' | 'user';
}

/** Whose calendar a question may read, and through which link: decided before anything is read. */
export interface CalendarAccess {
  /** The link read for this request: handed to the client pool so it is read once, not twice. */
  readonly link: ExchangeLink;
  /** The mailbox the assistant answers for. */
  readonly mailbox: string;
  /** The person's stored time zone, when they have one. */
  readonly timeZone?: string;
}

const LINK_HINT = 'An administrator links one in the console (Exchange, Link account) or with POST /api/v1/exchange/link.';

/**
 * A user may ask about their own linked mailbox only; an administrator about the link's test mailbox only.
 * Naming any other mailbox is refused (403 NotYourCalendar) here, before any calendar is read.
 * `read` is the link and the person as the session check read them for this request (never cached): an
 * unlink, a revocation or a rotation applies to the very next question, on every instance.
 */
export function whoseCalendar(account: Account, requested: string | undefined, read: { readonly link: ExchangeLink | undefined; readonly person: AccountPerson | undefined }): CalendarAccess {
  const { link, person } = read;
  if (account.role === 'admin') {
    if (!link) throw new HttpProblem(409, 'ExchangeNotLinked', 'No Exchange service account is linked yet.', LINK_HINT);
    const mailbox = requested ?? link.testMailbox;
    if (!mailbox || link.testMailbox?.toLowerCase() !== mailbox.toLowerCase()) {
      throw new HttpProblem(403, 'NotYourCalendar', `Administrators may try the assistant on the link's test mailbox (${link.testMailbox ?? 'none set'}) only.`, 'Ask about that mailbox, or sign in as the person whose calendar it is.');
    }
    return { link, mailbox: link.testMailbox };
  }
  if (!person) throw new HttpProblem(403, 'NotEnrolled', `The account ${account.email} is not enrolled as a person, so it has no calendar here.`, 'Ask your administrator to invite you (Users, Invite in the console).');
  if (person.state === 'revoked') throw new HttpProblem(403, 'AccessRevoked', `An administrator revoked ${person.email}'s access to Concierge.`, 'Ask your administrator to invite you again if you still need the assistant.');
  if (person.state !== 'linked' || !person.mailbox) {
    const why = person.state === 'failing' ? 'the last attempt to link it failed' : 'it has not been linked yet';
    throw new HttpProblem(409, 'CalendarNotLinked', `Your calendar is not linked to Concierge: ${why}.`, 'Link it on your page in the console (/console/me, Link my calendar), then ask again.');
  }
  if (requested !== undefined && requested.toLowerCase() !== person.mailbox.toLowerCase()) {
    throw new HttpProblem(403, 'NotYourCalendar', `You may ask about your own calendar (${person.mailbox}) only, not ${requested}.`, 'Leave out "user" (it defaults to your mailbox), or ask the calendar\'s owner.');
  }
  if (!link) throw new HttpProblem(409, 'ExchangeNotLinked', 'No Exchange service account is linked yet, so Concierge cannot reach any calendar.', `Ask your administrator: ${LINK_HINT}`);
  return { link, mailbox: person.mailbox, ...(person.timeZone ? { timeZone: person.timeZone } : {}) };
}
