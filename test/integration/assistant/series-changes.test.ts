import { describe, expect, it } from 'vitest';
import { GetItem } from '../../../src/ews/operations/get-item.js';
import { impersonation, PACIFIC, person, roomMailbox, serviceAccount, startContoso } from '../../support/contoso.js';
const ANN = 'ann@contoso.com';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * Changes of a whole series: called off from now on ("cancel the standup series"), moved to another time of
 * day ("move all my sales syncs to 4pm"), its reminder, guests, name and length ("add ann to all my roadmap
 * huddles"). Checked in Exchange afterwards (the organizer's series and the attendee's copy), not on the
 * words alone.
 */
const TZ = 'America/Los_Angeles';
const MONDAY_8AM = new Date('2027-03-08T16:00:00Z'); // Monday 8 March 2027, 08:00 in Los Angeles
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const ALICE = 'alice@contoso.com';
const BOB = 'bob@contoso.com';
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const sim = useSimulator(() =>
  startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), person('bob', 'Bob Smith', { timeZone: PACIFIC }), person('dave', 'Dave Kim', { timeZone: PACIFIC }), person('ann', 'Ann Lee', { timeZone: PACIFIC }), serviceAccount(SVC), roomMailbox('boardroom', 'Boardroom', 12)],
    shell: [impersonation('imp')],
    events: [
      // Begun a week ago: ended from today on.
      { organizer: ALICE, subject: 'Team standup', start: '2027-03-01T09:00:00-08:00', end: '2027-03-01T09:15:00-08:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: [...weekdays] }, range: { type: 'Numbered', startDate: '2027-03-01', numberOfOccurrences: 30 } } },
      // Today's is under way at 8:05: it stays.
      { organizer: ALICE, subject: 'Ops check-in', start: '2027-03-01T08:00:00-08:00', end: '2027-03-01T08:10:00-08:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2027-03-01' } } },
      // Not begun: deleted whole.
      { organizer: ALICE, subject: 'Design crit', start: '2027-03-17T14:00:00-07:00', end: '2027-03-17T15:00:00-07:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Wednesday'] }, range: { type: 'NoEnd', startDate: '2027-03-17' } } },
      // Someone else's.
      { organizer: 'dave@contoso.com', subject: 'Platform sync', start: '2027-03-02T10:00:00-08:00', end: '2027-03-02T10:30:00-08:00', timeZone: PACIFIC, attendees: [ALICE], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'NoEnd', startDate: '2027-03-02' } } },
      { organizer: ALICE, subject: 'Eng sync', start: '2027-03-02T13:00:00-08:00', end: '2027-03-02T13:30:00-08:00', timeZone: PACIFIC, recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'NoEnd', startDate: '2027-03-02' } } },
      // Monday and Wednesday at 3 PM, across the change to daylight time (14 March).
      { organizer: ALICE, subject: 'Sales sync', start: '2027-03-01T15:00:00-08:00', end: '2027-03-01T15:30:00-08:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Wednesday'] }, range: { type: 'EndDate', startDate: '2027-03-01', endDate: '2027-03-31' } } },
      // Guests, name and length of a whole series.
      { organizer: ALICE, subject: 'Roadmap huddle', start: '2027-03-03T11:00:00-08:00', end: '2027-03-03T11:30:00-08:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Wednesday'] }, range: { type: 'NoEnd', startDate: '2027-03-03' } } },
      // For the cases reviews found: one occurrence changed on its own, a series kept on Berlin's clock.
      { organizer: ALICE, subject: 'Huddle', start: '2027-03-01T16:00:00-08:00', end: '2027-03-01T16:15:00-08:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2027-03-01' } } },
      { organizer: ALICE, subject: 'Bug triage', start: '2027-03-01T17:00:00-08:00', end: '2027-03-01T17:15:00-08:00', timeZone: PACIFIC, attendees: [BOB], recurrence: { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2027-03-01' } } },
      { organizer: ALICE, subject: 'Partner call', start: '2027-03-01T17:00:00+01:00', end: '2027-03-01T17:30:00+01:00', timeZone: 'W. Europe Standard Time', attendees: [BOB], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: [...weekdays] }, range: { type: 'NoEnd', startDate: '2027-03-01' } } },
      // Two series of one name.
      { organizer: ALICE, subject: 'Office hour', start: '2027-03-02T13:00:00-08:00', end: '2027-03-02T13:30:00-08:00', timeZone: PACIFIC, recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'NoEnd', startDate: '2027-03-02' } } },
      { organizer: ALICE, subject: 'Office hour', start: '2027-03-04T13:00:00-08:00', end: '2027-03-04T13:30:00-08:00', timeZone: PACIFIC, recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Thursday'] }, range: { type: 'NoEnd', startDate: '2027-03-04' } } },
      // A series with its room, and the room booked by someone else at 11 next Wednesday.
      { organizer: ALICE, subject: 'Board prep', start: '2027-03-03T10:00:00-08:00', end: '2027-03-03T10:30:00-08:00', timeZone: PACIFIC, attendees: [BOB], rooms: ['boardroom@contoso.com'], location: 'Boardroom', recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Wednesday'] }, range: { type: 'NoEnd', startDate: '2027-03-03' } } },
      { organizer: 'dave@contoso.com', subject: 'Dave in the boardroom', start: '2027-03-10T11:00:00-08:00', end: '2027-03-10T12:00:00-08:00', timeZone: PACIFIC, rooms: ['boardroom@contoso.com'], location: 'Boardroom' },
      // Reminders: 15 minutes before, as Outlook sets them.
      { organizer: ALICE, subject: 'Yoga class', start: '2027-03-02T18:00:00-08:00', end: '2027-03-02T19:00:00-08:00', timeZone: PACIFIC, recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday', 'Thursday'] }, range: { type: 'NoEnd', startDate: '2027-03-02' } } },
      // Two things called "review".
      { organizer: ALICE, subject: 'Budget review', start: '2027-03-10T11:00:00-08:00', end: '2027-03-10T12:00:00-08:00', timeZone: PACIFIC, attendees: [BOB] },
      { organizer: ALICE, subject: 'Hiring review', start: '2027-03-04T10:00:00-08:00', end: '2027-03-04T10:30:00-08:00', timeZone: PACIFIC, recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Thursday'] }, range: { type: 'NoEnd', startDate: '2027-03-04' } } },
    ],
  }),
);
const over = useAssistant(sim, SVC);
const ask = (text: string, sessionId: string, now = MONDAY_8AM) => over.assistant.ask({ user: ALICE, text, timeZone: TZ, now, sessionId });
/** Start times (UTC) of what `mailbox` has so named between the two instants, read from Exchange. */
async function startsOf(mailbox: string, subject: string, start: string, end: string): Promise<string[]> {
  const events = await over.client.calendarView(mailbox, { start, end });
  return events.filter((e) => e.subject === subject && !e.isCancelled).map((e) => e.start);
}

describe('a whole series called off from now on', () => {
  it('"cancel the standup series": proposed from the next one, then ended in Exchange after the last one held, for the attendee too', async () => {
    const asked = await ask('cancel the standup series', 'standup');
    expect(asked.text).toBe('Cancel every Team standup from today at 9 AM on? The ones already held stay on your calendar. The attendees will be told.');
    expect(asked.pending).toMatchObject({ kind: 'cancel', series: true });
    expect(asked.events[0]?.start).toBe('2027-03-08T17:00:00Z');
    const done = await ask('yes', 'standup');
    expect(done.text).toBe('Done. Team standup is cancelled from today at 9 AM on, and the attendees are told. The ones already held stay.');
    // The series now ends on Sunday (the day before today's), in Exchange's own record of it.
    const { recurrence } = await over.client.getSeries(ALICE, asked.events[0]!.id);
    expect(recurrence?.range).toEqual({ type: 'EndDate', startDate: '2027-03-01', endDate: '2027-03-07' });
    // Last week's five stay, on the organizer's calendar and the attendee's; none from today on.
    const lastWeek = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].map((d) => `${d}T17:00:00Z`);
    for (const mailbox of [ALICE, BOB]) expect(await startsOf(mailbox, 'Team standup', '2027-03-01T08:00:00Z', '2027-04-30T07:00:00Z'), mailbox).toEqual(lastWeek);
  });

  it('"cancel the ops check-in from now on" while today\'s is under way: today\'s stays, tomorrow\'s goes', async () => {
    const at805 = new Date('2027-03-08T16:05:00Z');
    const asked = await ask('cancel the ops check-in from now on', 'ops', at805);
    expect(asked.text).toMatch(/^Cancel every Ops check-in from tomorrow at 8 AM on\?/);
    await ask('yes', 'ops', at805);
    const starts = await startsOf(ALICE, 'Ops check-in', '2027-03-07T08:00:00Z', '2027-03-12T08:00:00Z');
    expect(starts).toEqual(['2027-03-07T16:00:00Z', '2027-03-08T16:00:00Z']);
    expect(await startsOf(BOB, 'Ops check-in', '2027-03-07T08:00:00Z', '2027-03-12T08:00:00Z')).toEqual(starts);
  });

  it('"cancel every design crit" before the first one: the series is deleted whole, and the attendee\'s copy with it', async () => {
    const asked = await ask('cancel every design crit', 'crit');
    expect(asked.text).toBe('Cancel every Design crit, the whole series from its first one on March 17 at 2 PM? The attendees will be told.');
    const done = await ask('yes', 'crit');
    expect(done.text).toBe('Done. Every Design crit is cancelled, and the attendees are told.');
    for (const mailbox of [ALICE, BOB]) expect(await startsOf(mailbox, 'Design crit', '2027-03-01T08:00:00Z', '2027-05-30T07:00:00Z'), mailbox).toEqual([]);
  });

  it("someone else's series is refused, and a name that fits several events or none changes nothing", async () => {
    const theirs = await ask('cancel all the platform syncs', 'refused');
    expect(theirs.text).toMatch(/^Dave Kim organizes Platform sync, so only they can cancel it for everyone\./);
    expect(theirs.pending).toBeUndefined();
    const several = await ask('cancel every review', 'refused');
    expect(several.text).toMatch(/^Different events ahead go by "review": (Budget review and Hiring review|Hiring review and Budget review)\. I cancel one series at a time, so I haven't changed anything\./);
    expect(several.pending).toBeUndefined();
    expect((await ask('cancel all my lunches', 'refused')).text).toBe("I couldn't find any lunch still to come on your calendar.");
    // Some occurrences are not the series from now on.
    const some = await ask('cancel the hiring reviews this month', 'refused');
    expect(some.text).toMatch(/^I can't cancel several hiring reviews at once/);
    expect(some.pending).toBeUndefined();
    expect(await startsOf(ALICE, 'Platform sync', '2027-03-08T08:00:00Z', '2027-03-31T07:00:00Z')).toHaveLength(4);
    expect(await startsOf(ALICE, 'Hiring review', '2027-03-08T08:00:00Z', '2027-03-31T07:00:00Z')).toHaveLength(3);
  });

  it('"no, the eng sync" corrects which series; "no, the budget review" names one event', async () => {
    const asked = await ask('cancel every hiring review', 'correct');
    expect(asked.pending).toMatchObject({ kind: 'cancel', series: true });
    // Another series: that one, from its next one on.
    const eng = await ask('no, the eng sync', 'correct');
    expect(eng.text).toMatch(/^Cancel every Eng sync from tomorrow at 1 PM on\?/);
    expect(eng.pending).toMatchObject({ kind: 'cancel', series: true });
    const other = await ask('no, the budget review', 'correct');
    // Not a series: that one alone is proposed.
    expect(other.text).toBe('Cancel Budget review on Wednesday at 11 AM? The attendees will be told.');
    expect(other.pending).not.toHaveProperty('series');
    await ask('no', 'correct');
  });

  it('"cancel every budget review" when there is one, of its own: that one is proposed, as said for one', async () => {
    const one = await ask('cancel every budget review', 'one');
    expect(one.text).toBe('Cancel Budget review on Wednesday at 11 AM? The attendees will be told.');
    expect(one.pending).toMatchObject({ kind: 'cancel' });
    expect(one.pending).not.toHaveProperty('series');
    await ask('no', 'one');
  });
});

describe('a whole series moved to another time of day', () => {
  const sales = (mailbox: string) => startsOf(mailbox, 'Sales sync', '2027-03-01T08:00:00Z', '2027-04-01T07:00:00Z');

  it('"move all my sales syncs to 4pm": every one moves, on the wall clock across the change to daylight time, for the attendee too', async () => {
    const asked = await ask('move all my sales syncs to 4pm', 'sales');
    // (Today's Huddle is at 4: the next one's clash is said, as for a single move.)
    expect(asked.text).toBe('The next one, today at 4 PM, would overlap Huddle. Move every Sales sync to 4 PM? The whole series moves, as Outlook moves a series: the ones already held too. The attendees will be told.');
    expect(asked.pending).toMatchObject({ kind: 'move', series: true, start: '2027-03-09T00:00:00Z', end: '2027-03-09T00:30:00Z' });
    expect((await ask('yes', 'sales')).text).toBe('Done. Every Sales sync is now at 4 PM, and the attendees are told.');
    // 4 PM Pacific: midnight UTC (the next day) before 14 March, 11 PM UTC after; the ten of March, as before.
    const before = ['2027-03-02T00:00:00Z', '2027-03-04T00:00:00Z', '2027-03-09T00:00:00Z', '2027-03-11T00:00:00Z'];
    const after = ['2027-03-15T23:00:00Z', '2027-03-17T23:00:00Z', '2027-03-22T23:00:00Z', '2027-03-24T23:00:00Z', '2027-03-29T23:00:00Z', '2027-03-31T23:00:00Z'];
    for (const mailbox of [ALICE, BOB]) expect(await sales(mailbox), mailbox).toEqual([...before, ...after]);
  });

  it('"push all my sales syncs back 30 minutes" and "from now on" move it again; other days, no time, or not yours: nothing changes', async () => {
    const later = await ask('push all my sales syncs back 30 minutes', 'sales2');
    expect(later.text).toMatch(/^Move every Sales sync to 4:30 PM\?/);
    await ask('no', 'sales2');
    const fromNowOn = await ask('move the sales sync to 5 from now on', 'sales2');
    expect(fromNowOn.text).toMatch(/^The next one, today at 5 PM, would overlap Bug triage\. Move every Sales sync to 5 PM\?/);
    await ask('no', 'sales2');
    const days = await ask('move every sales sync to friday', 'sales2');
    expect(days.text).toMatch(/^I can move every Sales sync to another time of its own days, not to other days, so I haven't changed anything\./);
    expect(days.pending).toBeUndefined();
    const noTime = await ask('move all my sales syncs', 'sales2');
    expect(noTime.text).toBe('To what time should every Sales sync move? Say it with the series, for example "move every sales sync to 10".');
    expect((await ask('move every platform sync to 5pm', 'sales2')).text).toMatch(/^Dave Kim organizes Platform sync, so only they can move it for everyone\./);
    expect(await sales(ALICE)).toHaveLength(10);
    expect((await sales(ALICE)).every((s) => s.endsWith('T00:00:00Z') || s.endsWith('T23:00:00Z'))).toBe(true);
  });
});

describe("a whole series' reminder", () => {
  /** The reminder Exchange keeps on the series' master and on one of its occurrences, read back by GetItem. */
  async function reminders(occurrenceId: string) {
    const { call } = over.client.target(ALICE);
    const fields = ['reminderIsSet', 'reminderMinutesBeforeStart'] as const;
    const read = async (ref: { id: string } | { seriesOf: string }) => {
      const { result } = await over.client.engine.call(GetItem, { ids: [ref], fields: [...fields] }, call);
      const [r] = result;
      if (!r?.ok) throw new Error('GetItem failed');
      return { isSet: r.value.reminderIsSet, minutes: r.value.reminderMinutesBeforeStart };
    };
    return { master: await read({ seriesOf: occurrenceId }), occurrence: await read({ id: occurrenceId }) };
  }

  it('"set a reminder 5 minutes before each yoga class": the series\' own reminder, every occurrence alike; then turned off for all', async () => {
    const asked = await ask('set a reminder 5 minutes before each yoga class', 'yoga');
    expect(asked.text).toBe('Set a reminder 5 minutes before every Yoga class, starting tomorrow at 6 PM?');
    expect(asked.pending).toMatchObject({ kind: 'remind', minutes: 5, series: true });
    expect((await ask('yes', 'yoga')).text).toBe("Done. You'll be reminded 5 minutes before every Yoga class.");
    const next = asked.events[0]!;
    expect(await reminders(next.id)).toEqual({ master: { isSet: true, minutes: 5 }, occurrence: { isSet: true, minutes: 5 } });
    // One named alone stays one: "... before the yoga class" is the next one's, said so.
    expect((await ask('remind me 10 minutes before the yoga class', 'yoga1')).text).toMatch(/^Set a reminder 10 minutes before Yoga class tomorrow at 6 PM\? Only this one; the rest of the series stays\.$/);
    await ask('no', 'yoga1');
    const off = await ask('turn off the reminder for all my yoga classes', 'yoga');
    expect(off.text).toBe('Turn off the reminder for every Yoga class? The events themselves stay.');
    expect((await ask('yes', 'yoga')).text).toBe("Done. Yoga class won't remind you any more; every one stays on your calendar.");
    expect((await reminders(next.id)).master.isSet).toBe(false);
    expect(await startsOf(ALICE, 'Yoga class', '2027-03-08T08:00:00Z', '2027-03-15T07:00:00Z')).toHaveLength(2);
  });
});

describe("a whole series' guests, name and length", () => {
  const huddles = async (mailbox: string) => (await over.client.calendarView(mailbox, { start: '2027-03-08T08:00:00Z', end: '2027-04-01T07:00:00Z' }, { withAttendees: true })).filter((e) => !e.isCancelled && /^Roadmap/.test(e.subject));

  it('"add ann to all my roadmap huddles": invited to the series, so every occurrence is on her calendar; then removed from all', async () => {
    const asked = await ask('add ann to all my roadmap huddles', 'guests');
    expect(asked.text).toBe('Add Ann Lee to every Roadmap huddle? Ann Lee gets an invitation to the series.');
    expect(asked.pending).toMatchObject({ kind: 'edit', series: true, edit: { kind: 'invite' } });
    expect((await ask('yes', 'guests')).text).toBe('Done. Ann Lee is invited to every Roadmap huddle.');
    const mine = await huddles(ALICE);
    expect(mine.map((e) => e.start)).toEqual(['2027-03-10T19:00:00Z', '2027-03-17T18:00:00Z', '2027-03-24T18:00:00Z', '2027-03-31T18:00:00Z']);
    for (const e of mine) expect(e.attendees.map((a) => a.email).sort(), e.start).toEqual([ANN, BOB]);
    expect((await huddles(ANN)).map((e) => e.start)).toEqual(mine.map((e) => e.start));
    const out = await ask('remove ann from every roadmap huddle', 'guests');
    expect(out.text).toBe('Remove Ann Lee from every Roadmap huddle? Ann Lee is told the series is off for them.');
    expect((await ask('yes', 'guests')).text).toBe('Done. Ann Lee is no longer invited to any Roadmap huddle.');
    for (const e of await huddles(ALICE)) expect(e.attendees.map((a) => a.email), e.start).toEqual([BOB]);
  });

  it('"rename the roadmap huddle series to roadmap sync" and "make every roadmap sync 45 minutes": every occurrence, the attendee\'s too', async () => {
    expect((await ask('rename the roadmap huddle series to roadmap sync', 'rename')).text).toBe('Rename every Roadmap huddle to Roadmap sync? The attendees will be told.');
    expect((await ask('yes', 'rename')).text).toBe('Done. Every one is now called Roadmap sync.');
    const length = await ask('make every roadmap sync 45 minutes', 'rename');
    expect(length.text).toMatch(/^Make every Roadmap sync 45 minutes long, ending at 11:45 AM\? The whole series changes/);
    expect((await ask('yes', 'rename')).text).toBe('Done. Every Roadmap sync now ends at 11:45 AM.');
    for (const mailbox of [ALICE, BOB]) {
      expect((await huddles(mailbox)).map((e) => [e.subject, (Date.parse(e.end) - Date.parse(e.start)) / 60_000]), mailbox).toEqual([['Roadmap sync', 45], ['Roadmap sync', 45], ['Roadmap sync', 45], ['Roadmap sync', 45]]);
    }
    // Its place is changed one at a time: refused by name.
    const place = await ask('change the location of every roadmap sync to building 4', 'rename');
    expect(place.text).toMatch(/^I change the place of one occurrence of Roadmap sync at a time, so I haven't changed anything\./);
    expect(place.pending).toBeUndefined();
  });
});

describe('what reviews of whole-series changes found', () => {
  it('"no, the one on friday" after a series was proposed is that occurrence alone', async () => {
    expect((await ask('cancel all my huddles', 'fri')).pending).toMatchObject({ kind: 'cancel', series: true });
    const friday = await ask('no, the one on friday', 'fri');
    expect(friday.text).toBe('Cancel Huddle on Friday at 4 PM? Only this one; the rest of the series stays. The attendees will be told.');
    expect(friday.pending).not.toHaveProperty('series');
    await ask('no', 'fri');
  });

  it('a "yes" after the next occurrence began: the series goes from then, that one stays, and the words say so', async () => {
    const asked = await ask('cancel the huddle series', 'late', new Date('2027-03-09T23:50:00Z')); // Tuesday 3:50 PM
    expect(asked.text).toMatch(/^Cancel every Huddle from today at 4 PM on\?/);
    const done = await ask('yes', 'late', new Date('2027-03-10T00:05:00Z')); // 4:05 PM
    expect(done.text).toBe('Done. Huddle is cancelled from now on, and the attendees are told. The one that began today at 4 PM stays, as do the ones before it.');
    expect(await startsOf(ALICE, 'Huddle', '2027-03-09T08:00:00Z', '2027-03-12T08:00:00Z')).toEqual(['2027-03-10T00:00:00Z']);
  });

  it("an occurrence changed on its own: the series is changed from its own time, that is said before \"yes\", and its guests are the series'", async () => {
    // Tomorrow's triage at 6 PM instead of 5, and Bob taken off today's alone.
    await ask("move tomorrow's bug triage to 6pm", 'triage');
    await ask('yes', 'triage');
    await ask("remove bob from today's bug triage", 'triage');
    expect((await ask('yes', 'triage')).text).toMatch(/^Done\. Bob Smith is no longer invited/);
    const later = await ask('push all my bug triages back 30 minutes', 'triage');
    expect(later.text).toMatch(/^Move every Bug triage to 5:30 PM\? The whole series moves, as Outlook moves a series: the ones already held too\. 2 of them were changed or cancelled on their own: moving the series puts them back as the series has it, held ones too\./);
    await ask('no', 'triage');
    // Ann joins every one; Bob stays on every one but today's (the series' guests, not today's).
    expect((await ask('add ann to all my bug triages', 'triage')).text).toBe('Add Ann Lee to every Bug triage? Ann Lee gets an invitation to the series.');
    await ask('yes', 'triage');
    const thursday = (await over.client.calendarView(ALICE, { start: '2027-03-11T08:00:00Z', end: '2027-03-12T08:00:00Z' }, { withAttendees: true })).find((e) => e.subject === 'Bug triage')!;
    expect(thursday.attendees.map((a) => a.email).sort()).toEqual([ANN, BOB]);
  });

  it("a series kept on another zone's clock says that clock too", async () => {
    const asked = await ask('move all my partner calls to 9:30', 'berlin');
    expect(asked.text).toMatch(/^Move every Partner call to 9:30 AM \(6:30 PM Berlin, the series' own clock\)\?/);
    await ask('no', 'berlin');
  });

  it('a "yes" to a series renamed after it was deleted elsewhere says so, and changes nothing', async () => {
    const asked = await ask('rename the yoga class series to yoga', 'gone');
    expect(asked.pending).toMatchObject({ kind: 'edit', series: true });
    const [deleted] = await over.client.deleteEvents(ALICE, [(await over.client.getSeries(ALICE, asked.events[0]!.id)).master.id]);
    expect(deleted?.ok).toBe(true);
    const yes = await ask('yes', 'gone');
    expect(yes.text).toMatch(/no longer|not there|was (moved|deleted|cancelled)/i);
  });

  it('two series of one name are not told apart by saying the name again: said so, nothing waits', async () => {
    const both = await ask('cancel every office hour', 'twice');
    expect(both.text).toBe('More than one series ahead is called Office hour, so saying the name again can\'t tell them apart, and I haven\'t changed anything. Cancel one occurrence at a time, for example "cancel tomorrow\'s office hour", or change the series in Outlook.');
    expect(both.pending).toBeUndefined();
  });

  it("a series moved where its room is booked at its next one: said before \"yes\"", async () => {
    const asked = await ask('move all my board preps to 11', 'room');
    // (The Roadmap sync, renamed above, is at 11 on Wednesdays too.)
    expect(asked.text).toMatch(/^The next one, Wednesday at 11 AM, would overlap Roadmap sync\. Boardroom is booked then and will decline\. Move every Board prep to 11 AM\?/);
    await ask('no', 'room');
  });
});
