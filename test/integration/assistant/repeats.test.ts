import { describe, expect, it } from 'vitest';
import { impersonation, PACIFIC, person, serviceAccount, startContoso } from '../../support/contoso.js';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * Repeating events asked for in words ("every tuesday at 3", "every weekday", "on the 1st of every
 * month"), made as Exchange series, over the simulator: what is proposed, what is said after "yes", and
 * which occurrences the calendars then hold. Monday 8 March 2027, 08:00 in Los Angeles; the US goes to
 * daylight time on Sunday 14 March, so a series at 3 PM is 23:00Z before and 22:00Z after.
 */
const TZ = 'America/Los_Angeles';
const NOW = new Date('2027-03-08T16:00:00Z');
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const sim = useSimulator(() =>
  startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), person('bob', 'Bob Smith', { timeZone: PACIFIC }), serviceAccount(SVC)],
    shell: [impersonation('imp')],
  }),
);
const over = useAssistant(sim, SVC);

const ask = (text: string, sessionId: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: NOW, sessionId });
/** Starts (UTC) of the occurrences of `subject` on a calendar, as Exchange lays them out. */
const startsOf = (mailbox: string, subject: string, from: string, to: string) =>
  sim.exchange.calendar.calendarView(mailbox, 'calendar', from, to).items.filter((i) => i.subject === subject).map((i) => i.start);

describe('repeating events', () => {
  it('"every tuesday at 3pm" said on a Monday: a weekly series from tomorrow, Bob invited, at 3 PM across the DST change', async () => {
    const propose = await ask('add team sync with bob every tuesday at 3pm', 'weekly');
    expect(propose.text).toBe('Add team sync with Bob Smith every Tuesday at 3 PM, starting tomorrow, for one hour?');
    expect(propose.pending).toMatchObject({ kind: 'create', draft: { start: '2027-03-09T23:00:00Z', repeat: { every: 'week', interval: 1, weekdays: ['tuesday'] } } });
    const done = await ask('yes', 'weekly');
    expect(done.text).toBe('Done. Team sync is on your calendar every Tuesday at 3 PM, starting tomorrow, and the invitations are sent.');
    const expected = ['2027-03-09T23:00:00Z', '2027-03-16T22:00:00Z', '2027-03-23T22:00:00Z', '2027-03-30T22:00:00Z'];
    expect(startsOf('alice@contoso.com', 'Team sync', '2027-03-08T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual(expected);
    expect(startsOf('bob@contoso.com', 'Team sync', '2027-03-08T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual(expected);
    // And the assistant reads it back as one series.
    const read = await ask('what do i have next week', 'weekly-read');
    expect(read.events.filter((e) => e.subject === 'Team sync').map((e) => e.start)).toEqual(['2027-03-16T22:00:00Z']);
  });

  it('"every weekday at 9:15 for 15 minutes, 10 times": Monday to Friday, ten of them, starting today', async () => {
    const propose = await ask('add standup every weekday at 9:15 for 15 minutes 10 times', 'weekdays');
    expect(propose.text).toBe('Add standup every weekday at 9:15 AM, starting today, 10 times, for 15 minutes?');
    await ask('yes', 'weekdays');
    const starts = startsOf('alice@contoso.com', 'Standup', '2027-03-08T00:00:00Z', '2027-04-30T00:00:00Z');
    expect(starts).toHaveLength(10);
    expect(starts[0]).toBe('2027-03-08T17:15:00Z');
    expect(starts[5]).toBe('2027-03-15T16:15:00Z'); // the second Monday, after the change to daylight time
    expect(starts[9]).toBe('2027-03-19T16:15:00Z');
  });

  it('"every other wednesday at 6pm until april": the last one in March', async () => {
    const propose = await ask('add gym every other wednesday at 6pm until april', 'fortnightly');
    expect(propose.text).toBe('Add gym every other Wednesday at 6 PM, starting Wednesday, until March 31, for one hour?');
    await ask('yes', 'fortnightly');
    expect(startsOf('alice@contoso.com', 'Gym', '2027-03-01T00:00:00Z', '2027-06-01T00:00:00Z')).toEqual(['2027-03-11T02:00:00Z', '2027-03-25T01:00:00Z']);
  });

  it('"rent due on the 1st of every month": all day, from April 1', async () => {
    const propose = await ask('add rent due on the 1st of every month', 'monthly');
    expect(propose.text).toBe('Add rent due on the 1st of every month, starting April 1?');
    await ask('yes', 'monthly');
    const days = sim.exchange.calendar.calendarView('alice@contoso.com', 'calendar', '2027-03-01T00:00:00Z', '2027-06-15T00:00:00Z').items.filter((i) => i.subject === 'Rent due');
    expect(days.map((d) => [d.start, d.isAllDay])).toEqual([['2027-04-01T07:00:00Z', true], ['2027-05-01T07:00:00Z', true], ['2027-06-01T07:00:00Z', true]]);
  });

  it('"every day at 7am for two weeks": fourteen mornings from tomorrow', async () => {
    const propose = await ask('add yoga every day at 7am for two weeks', 'daily');
    expect(propose.text).toBe('Add yoga every day at 7 AM, starting tomorrow, until March 22, for one hour?');
    await ask('yes', 'daily');
    const starts = startsOf('alice@contoso.com', 'Yoga', '2027-03-01T00:00:00Z', '2027-04-30T00:00:00Z');
    expect(starts).toHaveLength(14);
    expect([starts[0], starts[13]]).toEqual(['2027-03-09T15:00:00Z', '2027-03-22T14:00:00Z']);
  });

  it('"no, friday" to "every Monday at 10" makes it every Friday; "make it 11" keeps the day', async () => {
    expect((await ask('add review every monday at 10', 'edit')).text).toBe('Add review every Monday at 10 AM, starting today, for one hour?');
    expect((await ask('no, friday', 'edit')).text).toBe('Add review every Friday at 10 AM, starting Friday, for one hour?');
    const later = await ask('make it 11', 'edit');
    expect(later.text).toBe('Add review every Friday at 11 AM, starting Friday, for one hour?');
    expect(later.pending).toMatchObject({ draft: { start: '2027-03-12T19:00:00Z', repeat: { weekdays: ['friday'] } } });
  });

  it('"every monday" without a time asks for it, and the answer starts the series on a Monday', async () => {
    const nowTuesday = new Date('2027-03-09T16:00:00Z');
    const askTue = (text: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: nowTuesday, sessionId: 'no-time' });
    expect((await askTue('add team lunch every monday')).text).toMatch(/^When should it be\?/);
    const propose = await askTue('noon');
    expect(propose.text).toBe('Add team lunch every Monday at noon, starting Monday, for one hour?');
  });

  it('"every second tuesday of the month at 8": a monthly series on the second Tuesday', async () => {
    const propose = await ask('add board prep every second tuesday of the month at 8', 'relative');
    expect(propose.text).toBe('Add board prep on the second Tuesday of every month at 8 AM, starting tomorrow, for one hour?');
    await ask('yes', 'relative');
    expect(startsOf('alice@contoso.com', 'Board prep', '2027-03-01T00:00:00Z', '2027-06-01T00:00:00Z')).toEqual(['2027-03-09T16:00:00Z', '2027-04-13T15:00:00Z', '2027-05-11T15:00:00Z']);
  });

  it('a repeat it cannot make ("every 2nd and 4th thursday") says only the first is added', async () => {
    const a = await ask('add review every 2nd and 4th thursday at 4pm', 'unsupported');
    expect(a.text).toMatch(/^I can't make repeating events yet, so this adds the first one only\./);
  });
  it('a series said in another zone is kept and said in that zone ("every monday at 9 eastern")', async () => {
    const a = await ask('add call at 9 eastern every monday', 'eastern');
    expect(a.text).toBe('Add call every Monday at 9 AM Eastern time, starting March 15, for one hour?');
    expect(a.pending).toMatchObject({ draft: { start: '2027-03-15T13:00:00Z', timeZone: 'America/New_York', repeat: { weekdays: ['monday'] } } });
    await ask('no', 'eastern');
  });

  it('how long and from when: "until friday", "until next month", "starting next month"', async () => {
    const draftOf = (a: { pending?: unknown }) => (a.pending as { draft: { start: string; repeat: { until?: string } } }).draft;
    expect(draftOf(await ask('add stretch every day at 7am until friday', 'ends')).repeat.until).toBe('2027-03-12');
    await ask('no', 'ends');
    expect(draftOf(await ask('add stretch every day at 7am until next month', 'ends')).repeat.until).toBe('2027-03-31');
    await ask('no', 'ends');
    const club = await ask('add book club every tuesday at 7pm starting next month', 'ends');
    expect(draftOf(club).start).toBe('2027-04-07T02:00:00Z');
    expect(club.text).toBe('Add book club every Tuesday at 7 PM, starting April 6, for one hour?');
    await ask('no', 'ends');
  });

  it('edits keep a series\' shape: an all-day one moves to the day said; "the last friday" becomes "the last thursday"', async () => {
    await ask('add vacation every monday', 'allday-edit');
    expect((await ask('no, friday', 'allday-edit')).text).toMatch(/Add vacation every Friday, starting Friday\?$/);
    await ask('no', 'allday-edit');
    await ask('add drinks the last friday of every month at 5', 'nth-edit');
    const thursday = await ask('no, thursday', 'nth-edit');
    expect(thursday.pending).toMatchObject({ draft: { start: '2027-03-26T00:00:00Z', repeat: { nth: -1, weekdays: ['thursday'] } } });
    expect(thursday.text).toBe('Add drinks on the last Thursday of every month at 5 PM, starting March 25, for one hour?');
    await ask('no', 'nth-edit');
  });

  it('"make it every week" to a proposal makes it a series from its day', async () => {
    await ask('add review tomorrow at 10', 'make-weekly');
    expect((await ask('make it every week', 'make-weekly')).text).toBe('Add review every Tuesday at 10 AM, starting tomorrow, for one hour?');
    expect((await ask('every monday', 'make-weekly')).text).toBe('Add review every Monday at 10 AM, starting March 15, for one hour?');
    await ask('no', 'make-weekly');
  });
});
