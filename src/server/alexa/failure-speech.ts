import { ChangeNotMade } from '../../assistant/dialog/change-not-made.js';
import { EwsError } from '../../ews/errors.js';
import { PersistenceError } from '../../persistence/errors.js';
import type { AppError } from '../../shared/errors.js';

/**
 * What a person hears when an answer failed, and whether trying again can help. A busy Exchange passes; a
 * refused service account or a missing mailbox does not, and "try again in a moment" would send them round
 * in circles: those name who can fix it, and a card in the Alexa app carries the details to pass on.
 */
export interface FailureSpeech {
  readonly speech: string;
  /** For the Alexa app: what failed and the administrator's fix (never a secret: errors carry none). */
  readonly card?: { readonly title: string; readonly content: string };
}

export const GENERIC_FAILURE = 'Sorry, I could not get to your calendar just now. Please try again in a moment.';
export const SLOW_FAILURE = 'Sorry, your calendar is taking too long to answer. Please try again in a moment.';
/** A change may still land after Alexa stopped waiting: asking again could make it twice. */
export const SLOW_CHANGE = 'Sorry, Exchange has not confirmed that yet, and it may still go through. Check the calendar before you ask again.';

/** Turns that may change a calendar: "yes" to a proposal, and a room's own book, extend and end. */
const CHANGING_TURNS = new Set(['AMAZON.YesIntent', 'RoomBookIntent', 'RoomExtendIntent', 'RoomEndMeetingIntent']);

/** Exchange answered, but has no such mailbox: the address the person is linked to is wrong or gone. */
const NO_MAILBOX = new Set(['ErrorNonExistentMailbox', 'ErrorMailboxNotFound', 'ErrorInvalidSmtpAddress']);

function adminCard(err: AppError): FailureSpeech['card'] {
  return { title: 'Concierge could not reach your calendar', content: `${err.message}\nFor your Concierge administrator: ${err.hint}` };
}

/** `intent`: the turn's intent name (interaction-model.json). */
export function failureSpeech(thrown: unknown, timedOut: boolean, intent: string): FailureSpeech {
  // (A failed "yes" keeps its proposal in the dialog, but Alexa's session ends here: the cause is what matters.)
  const err = thrown instanceof ChangeNotMade ? thrown.failure : thrown;
  if (timedOut) return { speech: CHANGING_TURNS.has(intent) ? SLOW_CHANGE : SLOW_FAILURE };
  if (err instanceof EwsError) {
    if (err.transient) return { speech: 'Sorry, Exchange is not answering just now, so I could not get to your calendar. Please try again in a minute.' };
    if (NO_MAILBOX.has(err.code)) {
      return { speech: 'Sorry, Exchange has no mailbox at the address your Concierge account is linked to, so I could not read your calendar. Your administrator can fix the address; I sent the details to your Alexa app.', card: adminCard(err) };
    }
    return { speech: 'Sorry, Exchange refused Concierge, so I could not get to your calendar. This needs your Concierge administrator; I sent the details to your Alexa app.', card: adminCard(err) };
  }
  if (err instanceof PersistenceError) return { speech: 'Sorry, Concierge could not reach its database just now. Please try again in a minute, and tell your Concierge administrator if it keeps happening.' };
  return { speech: GENERIC_FAILURE };
}
