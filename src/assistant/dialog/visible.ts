import type { CalendarEvent } from '../../domain/calendar.js';
import type { Explanation } from './acts.js';

/** Events a person would not want read out, each with the reason (for "why?"). */
export function visible(events: readonly CalendarEvent[]): { shown: CalendarEvent[]; leftOut: Explanation['leftOut'] } {
  const shown: CalendarEvent[] = [];
  const leftOut: { subject: string; start: string; reason: string }[] = [];
  for (const e of events) {
    if (e.isCancelled) leftOut.push({ subject: e.subject, start: e.start, reason: 'it was cancelled' });
    else if (e.myResponse === 'declined') leftOut.push({ subject: e.subject, start: e.start, reason: 'you declined it' });
    else shown.push(e);
  }
  return { shown, leftOut };
}
