import { DateTime } from 'luxon';
import type { CalendarEvent, TimeWindow } from '../../domain/calendar.js';
import { ForwardingProvider } from '../../providers/forwarding-provider.js';

/** "today" in a question that is not a write: the answer will almost surely list today. */
const MENTIONS_TODAY = /\btoday\b/i;
const WRITES = /\b(add|book|schedule|create|put|set|remind|block|invite)\b/i;

/** Whether the day's listing is worth starting before the question is understood. */
export function likelyAboutToday(text: string): boolean {
  return MENTIONS_TODAY.test(text) && !WRITES.test(text);
}

/** Per zone, the last day computed: luxon's zone arithmetic costs more than the rest of this module. */
const lastDay = new Map<string, { readonly fromMs: number; readonly toMs: number; readonly window: TimeWindow }>();

/** Midnight to midnight of `now`'s day in `timeZone` (an IANA name the caller has validated). */
export function today(now: Date, timeZone: string): TimeWindow {
  const t = now.getTime();
  const known = lastDay.get(timeZone);
  if (known && t >= known.fromMs && t < known.toMs) return known.window;
  const d = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const next = d.plus({ days: 1 });
  const window = { start: d.toUTC().toISO()!, end: next.toUTC().toISO()! };
  lastDay.set(timeZone, { fromMs: d.toMillis(), toMs: next.toMillis(), window });
  return window;
}

interface Prefetch {
  readonly mailbox: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly timeZone: string;
  readonly events: Promise<CalendarEvent[]>;
}

/**
 * A provider that can start one listing early: the Exchange round trip then runs while the question is
 * understood and the dialog decides (Exchange is another machine, so both progress at once). The dialog's
 * own listing of the same mailbox, instants and zone takes the early result; anything else goes to Exchange
 * as usual, and an early result nobody asked for is dropped (a read, so dropping it changes nothing).
 * Start it only once the asker may read the mailbox: a refused question must read nothing.
 */
export class PrefetchingProvider extends ForwardingProvider {
  #early: Prefetch | undefined;

  prefetch(mailbox: string, window: TimeWindow, timeZone: string): void {
    const events = this.inner.listEvents(mailbox, window, timeZone);
    // Unused, its failure is nobody's business; used, the dialog awaits it and sees the failure then.
    events.catch(() => undefined);
    this.#early = { mailbox, startMs: Date.parse(window.start), endMs: Date.parse(window.end), timeZone, events };
  }

  override listEvents(mailbox: string, window: TimeWindow, timeZone: string): Promise<CalendarEvent[]> {
    const early = this.#early;
    if (early && early.mailbox === mailbox && early.timeZone === timeZone && early.startMs === Date.parse(window.start) && early.endMs === Date.parse(window.end)) {
      this.#early = undefined; // once: a second listing (after a write, say) must see Exchange as it is then
      return early.events;
    }
    return this.inner.listEvents(mailbox, window, timeZone);
  }
}
