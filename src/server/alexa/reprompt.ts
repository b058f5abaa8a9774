import type { Pending } from '../../assistant/dialog/acts.js';

/**
 * What Alexa says when the person stays silent after a question: a short re-ask of what waits for an answer,
 * never the answer again (a silent user would otherwise hear a seven-event day twice). Derived from what the
 * dialog left waiting, so it fits the question whatever words the renderer chose.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/voice-design-best-practices-legacy.html (reprompts)
 */

/** The general re-ask, for an open session with nothing particular waiting. */
export const WHAT_NEXT = 'What would you like to do?';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** "the first or the second", "the first, the second or the third". */
function choices(n: number): string {
  const said = ORDINALS.slice(0, Math.min(n, ORDINALS.length)).map((o) => `the ${o}`);
  return said.length > 1 ? `${said.slice(0, -1).join(', ')} or ${said[said.length - 1]}` : (said[0] ?? '');
}

/** The plain-text re-ask for `pending` (undefined: nothing waits). */
export function repromptText(pending: Pending | undefined): string {
  switch (pending?.kind) {
    case 'create':
      return 'Should I add it?';
    case 'cancel':
      // (A meeting its organizer cancelled is only taken off this calendar.)
      return pending.event.isCancelled ? 'Should I remove it?' : 'Should I cancel it?';
    case 'move':
      return 'Should I move it?';
    case 'add_room':
      return 'Should I book it?';
    case 'respond':
      return `Should I ${pending.reply === 'decline' ? 'decline' : 'accept'} it?`;
    case 'more':
      return 'Want to hear the rest?';
    case 'time':
      return 'When should it be?';
    case 'which':
      // "Which event should I cancel? Say its name": nothing was offered to pick from.
      if (pending.candidates.length === 0) return `Which event should I ${pending.change}?`;
      return `Which one: ${choices(pending.candidates.length)}?`;
    case 'person':
      return `Which one: ${choices(pending.candidates.length)}?`;
    default:
      return WHAT_NEXT;
  }
}
