import { describe, expect, it } from 'vitest';
import type { CalendarEvent, TimeWindow } from '../../../src/domain/calendar.js';
import type { CalendarProvider } from '../../../src/providers/calendar-provider.js';
import { likelyAboutToday, PrefetchingProvider, today } from '../../../src/server/assistant/prefetch.js';

/** A provider that records each listing and answers with a marker event naming the call. */
function recording() {
  const calls: { mailbox: string; window: TimeWindow; timeZone: string }[] = [];
  const event = (n: number) => ({ id: `call-${n}`, subject: `listing ${n}` }) as CalendarEvent;
  const inner = {
    accessPath: { server: 'mail.contoso.com', account: 'svc@contoso.com', method: 'impersonation' },
    listEvents: async (mailbox: string, window: TimeWindow, timeZone: string) => {
      calls.push({ mailbox, window, timeZone });
      return [event(calls.length)];
    },
  } as unknown as CalendarProvider;
  return { inner, calls };
}

describe('starting the day\'s listing before the question is understood', () => {
  const now = new Date('2026-12-07T16:00:00Z'); // 08:00 in Los Angeles

  it('the dialog\'s listing of the same day (any ISO spelling of the same instants) takes the early result, once', async () => {
    const { inner, calls } = recording();
    const p = new PrefetchingProvider(inner);
    p.prefetch('alice@contoso.com', today(now, 'America/Los_Angeles'), 'America/Los_Angeles');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.window).toEqual({ start: '2026-12-07T08:00:00.000Z', end: '2026-12-08T08:00:00.000Z' });
    // The NLU writes windows without milliseconds.
    const first = await p.listEvents('alice@contoso.com', { start: '2026-12-07T08:00:00Z', end: '2026-12-08T08:00:00Z' }, 'America/Los_Angeles');
    expect(first.map((e) => e.subject)).toEqual(['listing 1']);
    expect(calls).toHaveLength(1);
    // A second listing (after a write, say) asks Exchange again.
    const second = await p.listEvents('alice@contoso.com', { start: '2026-12-07T08:00:00Z', end: '2026-12-08T08:00:00Z' }, 'America/Los_Angeles');
    expect(second.map((e) => e.subject)).toEqual(['listing 2']);
  });

  it('another window, zone or mailbox goes to Exchange; the early result is dropped', async () => {
    const { inner, calls } = recording();
    const p = new PrefetchingProvider(inner);
    p.prefetch('alice@contoso.com', today(now, 'America/Los_Angeles'), 'America/Los_Angeles');
    const tomorrow = await p.listEvents('alice@contoso.com', { start: '2026-12-08T08:00:00Z', end: '2026-12-09T08:00:00Z' }, 'America/Los_Angeles');
    expect(tomorrow.map((e) => e.subject)).toEqual(['listing 2']);
    const utc = await p.listEvents('alice@contoso.com', { start: '2026-12-07T08:00:00Z', end: '2026-12-08T08:00:00Z' }, 'UTC');
    expect(utc.map((e) => e.subject)).toEqual(['listing 3']);
    const bob = await p.listEvents('bob@contoso.com', { start: '2026-12-07T08:00:00Z', end: '2026-12-08T08:00:00Z' }, 'America/Los_Angeles');
    expect(bob.map((e) => e.subject)).toEqual(['listing 4']);
    expect(calls.map((c) => c.mailbox)).toEqual(['alice@contoso.com', 'alice@contoso.com', 'alice@contoso.com', 'bob@contoso.com']);
  });

  it('an early failure nobody asked for is not an unhandled rejection; one the dialog uses is its failure', async () => {
    let fail = true;
    const inner = { accessPath: { server: 's', account: 'a', method: 'impersonation' }, listEvents: async () => { if (fail) throw new Error('Exchange is down'); return []; } } as unknown as CalendarProvider;
    const unused = new PrefetchingProvider(inner);
    unused.prefetch('alice@contoso.com', today(now, 'UTC'), 'UTC');
    const used = new PrefetchingProvider(inner);
    used.prefetch('alice@contoso.com', today(now, 'UTC'), 'UTC');
    fail = false;
    await expect(used.listEvents('alice@contoso.com', today(now, 'UTC'), 'UTC')).rejects.toThrow('Exchange is down');
  });

  it("today's window follows the day in the zone, across midnight and a daylight-saving change", () => {
    expect(today(new Date('2027-03-14T07:59:00Z'), 'America/Los_Angeles')).toEqual({ start: '2027-03-13T08:00:00.000Z', end: '2027-03-14T08:00:00.000Z' });
    // The next minute is Sunday 14 March, 23 hours long there (clocks go forward at 2 AM).
    expect(today(new Date('2027-03-14T08:00:00Z'), 'America/Los_Angeles')).toEqual({ start: '2027-03-14T08:00:00.000Z', end: '2027-03-15T07:00:00.000Z' });
    expect(today(new Date('2027-03-15T06:59:00Z'), 'America/Los_Angeles')).toEqual({ start: '2027-03-14T08:00:00.000Z', end: '2027-03-15T07:00:00.000Z' });
    expect(today(new Date('2027-03-15T06:59:00Z'), 'Europe/Berlin')).toEqual({ start: '2027-03-14T23:00:00.000Z', end: '2027-03-15T23:00:00.000Z' });
    expect(today(new Date('2027-03-13T12:00:00Z'), 'America/Los_Angeles')).toEqual({ start: '2027-03-13T08:00:00.000Z', end: '2027-03-14T08:00:00.000Z' });
  });

  it('guesses only reads that mention today', () => {
    expect(likelyAboutToday("what's on my calendar today")).toBe(true);
    expect(likelyAboutToday('am I free today')).toBe(true);
    expect(likelyAboutToday("what's on my calendar tomorrow")).toBe(false);
    expect(likelyAboutToday('add lunch today at noon')).toBe(false);
    expect(likelyAboutToday('book a room today at 3')).toBe(false);
  });
});
