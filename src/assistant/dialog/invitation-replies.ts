/**
 * "decline the product review", "accept my 3pm", "decline it and tell dave I'm travelling": which meeting is
 * meant, proposed as the attendee's answer to its organizer.
 */
import type { Explanation } from './acts.js';
import { eventMatches, namesAnEvent } from './match-event.js';
import { firstOfEachSeries, searchWindow } from './meetings-named.js';
import { organizes } from './organizer.js';
import { lastListed, ORDINAL_PICK, pickByPlace } from './read-out.js';
import type { ReplyWithMessage } from './reply-message.js';
import { iso, MINUTE } from './timing.js';
import { IT } from './turn-words.js';
import type { Turn, TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';
import { withoutCancelledMark, type CalendarEvent } from '../../domain/calendar.js';

/** The meeting named (or the one just talked about), answered once "yes" is said; one's own has nothing to answer. */
export async function replyToInvitation(t: Turn, s: DialogSlots, said?: ReplyWithMessage): Promise<TurnResult> {
  const { input, done, list, stateOf } = t;
  const reply = s.reply ?? 'decline';
  let target: CalendarEvent | undefined;
  let explanation: Explanation | undefined;
  if (!namesAnEvent(s) && !s.start && IT.test(input.text)) target = (await stateOf()).about;
  // ("decline the first one" after a read: that one, as said.)
  if (!target && ORDINAL_PICK.test(input.text.toLowerCase())) {
    const listed = await lastListed(t);
    target = listed && pickByPlace(input.text, listed);
    if (!target) return done({ kind: 'which_event', change: 'find' });
  }
  if (!target) {
    if (!namesAnEvent(s) && !s.start) return done({ kind: 'which_event', change: 'find' });
    const at = s.start ? Date.parse(s.start) : undefined;
    const window = searchWindow(s, at, input);
    const found = await list(window);
    explanation = found.explanation;
    const fits = found.shown.filter((e) => !e.isCancelled && eventMatches(e, s, input.user) && (at === undefined || Math.abs(Date.parse(e.start) - at) < MINUTE));
    const distinct = firstOfEachSeries(fits);
    const gone = distinct.length === 0 ? found.all.find((e) => e.isCancelled && eventMatches({ ...e, subject: withoutCancelledMark(e.subject) }, s, input.user) && (at === undefined || Math.abs(Date.parse(e.start) - at) < MINUTE)) : undefined;
    if (gone) return done({ kind: 'was_cancelled', event: gone }, [gone], undefined, explanation);
    if (distinct.length === 0) return done({ kind: 'not_found', query: s.title ?? 'that meeting', ...(at !== undefined ? { at: iso(at) } : {}) }, [], undefined, explanation);
    if (distinct.length > 1) return done({ kind: 'which_event', change: 'find' }, [], undefined, explanation);
    target = distinct[0]!;
  }
  if (organizes(input.user, target)) return done({ kind: 'respond_own', event: target, reply }, [target], undefined, explanation);
  // ("decline it and tell dave": a message asked for with no words is said to be missing, not sent empty.)
  const message = said?.message !== undefined ? { message: said.message } : {};
  const noMessage = said && said.message === undefined ? { noMessage: true as const } : {};
  const to = said?.to !== undefined && said.message !== undefined ? { messageTo: said.to } : {};
  const elsewhere = saidToOther(said?.message !== undefined ? said.to : undefined, target);
  return done({ kind: 'confirm_respond', event: target, reply, ...message, ...noMessage, ...elsewhere }, [target], { kind: 'respond', event: target, reply, ...message, ...to, proposedAt: input.now.toISOString() }, explanation);
}

/**
 * "tell dave ..." of Bob's meeting: the message goes to Bob, its organizer, and that is said (`saidTo`);
 * nothing when `to` names the organizer or nobody was named.
 */
export function saidToOther(to: string | undefined, event: CalendarEvent): { readonly saidTo?: string } {
  const organizer = `${event.organizer?.name ?? ''} ${event.organizer?.email?.split('@')[0] ?? ''}`.toLowerCase();
  return to !== undefined && !organizer.split(/[\s._]+/).includes(to.toLowerCase().split(/\s+/)[0]!) ? { saidTo: to } : {};
}
