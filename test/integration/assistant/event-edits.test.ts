import { describe, expect, it } from 'vitest';
import { impersonation, PACIFIC, person, roomMailbox, serviceAccount, startContoso } from '../../support/contoso.js';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * Edits of an existing event other than its time, asked in words, confirmed, then read back from Exchange:
 * guests added and removed, a new length (a clash said first), a new name, a new place (a room booked as one).
 */
const TZ = 'America/Los_Angeles';
const NOW = new Date('2027-03-08T16:00:00Z'); // Monday 8 March, 08:00 in Los Angeles
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const ALICE = 'alice@contoso.com';
const sim = useSimulator(() =>
  startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), person('bob', 'Bob Smith', { timeZone: PACIFIC }), person('bjones', 'Bob Jones', { timeZone: PACIFIC }), person('ann', 'Ann Lee', { timeZone: PACIFIC }), person('dave', 'Dave Kim', { timeZone: PACIFIC }), serviceAccount(SVC), roomMailbox('boardroom', 'Boardroom', 12), roomMailbox('fishbowl', 'Fishbowl', 6)],
    shell: [impersonation('imp')],
    events: [
      { organizer: ALICE, subject: 'Budget review', start: '2027-03-10T11:00:00-08:00', end: '2027-03-10T12:00:00-08:00', timeZone: PACIFIC, attendees: ['bob@contoso.com'] },
      { organizer: ALICE, subject: 'Design sync', start: '2027-03-10T12:30:00-08:00', end: '2027-03-10T13:00:00-08:00', timeZone: PACIFIC, attendees: ['ann@contoso.com'] },
      { organizer: 'dave@contoso.com', subject: 'Vendor call', start: '2027-03-11T10:00:00-08:00', end: '2027-03-11T10:30:00-08:00', timeZone: PACIFIC, attendees: [ALICE] },
      { organizer: ALICE, subject: 'Planning', start: '2027-03-11T14:00:00-08:00', end: '2027-03-11T15:00:00-08:00', timeZone: PACIFIC, attendees: ['bob@contoso.com'], rooms: ['boardroom@contoso.com'], location: 'Boardroom' },
      { organizer: 'bob@contoso.com', subject: 'Bob in the boardroom', start: '2027-03-11T15:00:00-08:00', end: '2027-03-11T16:00:00-08:00', timeZone: PACIFIC, rooms: ['boardroom@contoso.com'], location: 'Boardroom' },
      { organizer: ALICE, subject: 'Solo prep', start: '2027-03-12T09:00:00-08:00', end: '2027-03-12T09:30:00-08:00', timeZone: PACIFIC, attendees: ['dave@contoso.com'] },
      { organizer: ALICE, subject: 'Sales call', start: '2027-03-12T11:00:00-08:00', end: '2027-03-12T11:30:00-08:00', timeZone: PACIFIC, attendees: ['bob@contoso.com', 'bjones@contoso.com'] },
      { organizer: ALICE, subject: 'Hiring sync', start: '2027-03-11T16:00:00-08:00', end: '2027-03-11T16:30:00-08:00', timeZone: PACIFIC, attendees: ['ann@contoso.com'] },
      { organizer: ALICE, subject: 'Hiring sync', start: '2027-03-12T16:00:00-08:00', end: '2027-03-12T16:30:00-08:00', timeZone: PACIFIC, attendees: ['ann@contoso.com'] },
      { organizer: ALICE, subject: 'Early sync', start: '2027-03-08T07:30:00-08:00', end: '2027-03-08T08:30:00-08:00', timeZone: PACIFIC, attendees: ['dave@contoso.com'] },
      { organizer: ALICE, subject: 'Retro', start: '2027-03-12T14:00:00-08:00', end: '2027-03-12T14:30:00-08:00', timeZone: PACIFIC, attendees: ['bob@contoso.com'], rooms: ['boardroom@contoso.com'], location: 'Boardroom' },
      { organizer: 'dave@contoso.com', subject: 'Dave in the fishbowl', start: '2027-03-12T14:00:00-08:00', end: '2027-03-12T15:00:00-08:00', timeZone: PACIFIC, rooms: ['fishbowl@contoso.com'], location: 'Fishbowl' },
      { organizer: ALICE, subject: 'Trip to tokyo planning', start: '2027-03-12T13:00:00-08:00', end: '2027-03-12T13:30:00-08:00', timeZone: PACIFIC },
    ],
  }),
);
const over = useAssistant(sim, SVC);
const ask = (text: string, sessionId: string) => over.assistant.ask({ user: ALICE, text, timeZone: TZ, now: NOW, sessionId });
/** The organizer's item as Exchange has it now. */
const onCalendar = (subject: string) => sim.exchange.calendar.calendarView(ALICE, 'calendar', '2027-03-08T00:00:00Z', '2027-03-15T00:00:00Z').items.find((i) => i.subject === subject);
const guestsOf = (subject: string) => (onCalendar(subject)?.requiredAttendees ?? []).map((a) => a.mailbox.email);

describe('edits of an event other than its time', () => {
  it('"add ann to the budget review": proposed, then Ann is invited (and sent the invitation)', async () => {
    const proposal = await ask('add ann to the budget review', 'invite');
    expect(proposal.intent).toBe('edit_event');
    expect(proposal.text).toBe('Add Ann Lee to Budget review on Wednesday at 11 AM? Ann Lee gets an invitation.');
    expect(proposal.pending).toMatchObject({ kind: 'edit', edit: { kind: 'invite', people: [{ email: 'ann@contoso.com' }] } });
    expect((await ask('yes', 'invite')).text).toBe('Done. Ann Lee is invited to Budget review.');
    expect(guestsOf('Budget review')).toEqual(['bob@contoso.com', 'ann@contoso.com']);
    expect(sim.exchange.calendar.findItems('ann@contoso.com', 'inbox').map((m) => m.subject)).toContain('Budget review');
    // Asked again: nothing to do, said so.
    expect((await ask('add ann to the budget review', 'invite')).text).toBe('Everyone you named is already invited to Budget review.');
  });

  it('"remove bob from the budget review": Bob is off the guest list; someone not invited is said so', async () => {
    expect((await ask('remove dave from the budget review', 'uninvite')).text).toBe("Dave isn't invited to Budget review, so there is nobody to remove.");
    expect((await ask('remove bob from the budget review', 'uninvite')).text).toBe("Remove Bob Smith from Budget review on Wednesday at 11 AM? Bob Smith is told it's off for them.");
    expect((await ask('yes', 'uninvite')).text).toBe('Done. Bob Smith is no longer invited to Budget review.');
    expect(guestsOf('Budget review')).not.toContain('bob@contoso.com');
  });

  it('"extend the budget review by an hour": the clash with the design sync is said first; then it ends at 1 PM', async () => {
    const proposal = await ask('extend the budget review by an hour', 'length');
    expect(proposal.text).toBe('That overlaps Design sync at 12:30 PM. Make Budget review on Wednesday at 11 AM end at 1 PM instead of noon, 2 hours in all? The attendees will be told.');
    expect((await ask('yes', 'length')).text).toBe('Done. Budget review now ends at 1 PM.');
    expect(onCalendar('Budget review')?.end).toBe('2027-03-10T21:00:00Z');
    expect((await ask('shorten the budget review by an hour and a half', 'length')).pending).toMatchObject({ kind: 'edit', edit: { kind: 'length', end: '2027-03-10T19:30:00Z' } });
    await ask('no', 'length');
    expect((await ask('shorten the budget review by 2 hours', 'length')).text).toBe("That would leave Budget review shorter than 5 minutes, so I haven't changed it.");
  });

  it('"rename the design sync to design review", then "change the location of the design review to building 4"', async () => {
    expect((await ask('rename the design sync to design review', 'rename')).text).toBe('Rename Design sync on Wednesday at 12:30 PM to Design review? The attendees will be told.');
    expect((await ask('yes', 'rename')).text).toBe("Done. It's now called Design review.");
    expect(onCalendar('Design review')).toBeDefined();
    expect((await ask('change the location of the design review to building 4', 'place')).text).toBe('Change where Design review on Wednesday at 12:30 PM is, to Building 4? The attendees will be told.');
    expect((await ask('yes', 'place')).text).toBe('Done. Design review is now in Building 4.');
    expect(onCalendar('Design review')?.location).toBe('Building 4');
  });

  it('"add dave to it", "remove him from it" after a find: that meeting\'s guests, never a cancel of it', async () => {
    await ask('when is the design review', 'it');
    expect((await ask('add dave to it', 'it')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' }, edit: { kind: 'invite', people: [{ email: 'dave@contoso.com' }] } });
    await ask('no', 'it');
    const remove = await ask('remove ann from it', 'it');
    expect(remove.intent).toBe('edit_event');
    expect(remove.pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' }, edit: { kind: 'uninvite', people: [{ email: 'ann@contoso.com' }] } });
    await ask('no', 'it');
  });

  it('a room as the new place is booked as a room: it joins the meeting and its calendar answers', async () => {
    expect((await ask('change the location of the budget review to the boardroom', 'room')).pending).toMatchObject({ kind: 'add_room', room: { email: 'boardroom@contoso.com' } });
    await ask('no', 'room');
  });

  it('someone else\'s meeting, a name nobody has, and an all-day length are each said, and nothing waits', async () => {
    const theirs = await ask('extend the vendor call by 10 minutes', 'refused');
    expect(theirs.text).toMatch(/^Dave Kim organizes Vendor call, so only they can change it for everyone\./);
    expect(theirs.pending).toBeUndefined();
    const nobody = await ask('add zed to the budget review', 'refused');
    expect(nobody.text).toBe("I couldn't find anyone called zed in the directory.");
    expect(nobody.pending).toBeUndefined();
    expect((await ask('rename the quarterly party to summer party', 'refused')).text).toBe("I couldn't find quarterly party on your calendar.");
  });

  it('words not understood drop a waiting edit, said; "yes" then does nothing', async () => {
    await ask('add ann to the solo prep', 'dropped');
    expect((await ask('no, the demo', 'dropped')).text).toMatch(/dropped the change to Solo prep: nothing was changed/);
    expect((await ask('yes', 'dropped')).text).toBe("There's nothing waiting for a yes right now.");
    expect(guestsOf('Solo prep')).toEqual(['dave@contoso.com']);
    // (An edit said while a new event waits is an edit of the event named, never a guest of the new one.)
    await ask('add lunch with ann tomorrow at noon', 'dropped');
    expect((await ask('add ann to the solo prep', 'dropped')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Solo prep' }, edit: { kind: 'invite' } });
    await ask('no', 'dropped');
  });

  it('removing the only guest empties the list in Exchange; "it" is then the event just changed', async () => {
    await ask('remove dave from the solo prep', 'last-guest');
    expect((await ask('yes', 'last-guest')).text).toBe('Done. Dave Kim is no longer invited to Solo prep.');
    expect(guestsOf('Solo prep')).toEqual([]);
    expect((await ask('add ann to it', 'last-guest')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Solo prep' } });
    await ask('no', 'last-guest');
  });

  it('a longer meeting whose room is booked after it: said before "yes", and the room\'s decline after it', async () => {
    const proposal = await ask('make the planning 30 minutes longer', 'room-length');
    expect(proposal.text).toMatch(/^Boardroom is booked then and will decline\. Make Planning on Thursday at 2 PM end at 3:30 PM/);
    expect((await ask('yes', 'room-length')).text).toBe('Done. Planning now ends at 3:30 PM. Boardroom declined the longer time: it is booked then, so this meeting has no room now.');
  });

  it('a new place that is no room releases the room; a place is kept as typed', async () => {
    expect((await ask('change the location of the planning to building 4', 'place-room')).text).toBe('Change where Planning on Thursday at 2 PM is, to Building 4? Boardroom is released. The attendees will be told.');
    expect((await ask('yes', 'place-room')).text).toBe('Done. Planning is now in Building 4, and Boardroom is released.');
    expect(onCalendar('Planning')?.location).toBe('Building 4');
    expect(onCalendar('Planning')?.resources ?? []).toEqual([]);
    expect((await ask('change the location of the planning to https://zoom.us/j/98765?pwd=AbCd', 'place-room')).pending).toMatchObject({ edit: { kind: 'place', location: 'https://zoom.us/j/98765?pwd=AbCd' } });
    await ask('no', 'place-room');
  });

  it('a room in place of its room: one booked then is said before "yes", and its decline after it', async () => {
    const proposal = await ask('change the location of the retro to the fishbowl', 'room-swap');
    expect(proposal.text).toBe('Fishbowl is booked then and will decline. Change where Retro on Friday at 2 PM is, to Fishbowl? Boardroom is released. The attendees will be told.');
    expect((await ask('yes', 'room-swap')).text).toBe('Done. Retro is now in Fishbowl, and Boardroom is released. Fishbowl declined: it is booked then, so this meeting has no room now.');
    const retro = (await over.client.calendarView(ALICE, { start: '2027-03-12T22:00:00Z', end: '2027-03-12T22:30:00Z' }, { withAttendees: true })).find((e) => e.subject === 'Retro')!;
    expect(retro.attendees.filter((a) => a.kind === 'resource').map((a) => [a.email, a.response])).toEqual([['fishbowl@contoso.com', 'declined']]);
  });

  it('names: a rename keeps "to" inside the old name; two Bobs invited ask which; a room said as a guest is booked', async () => {
    expect((await ask('rename the trip to tokyo planning to osaka planning', 'names')).pending).toMatchObject({ event: { subject: 'Trip to tokyo planning' }, edit: { kind: 'rename', subject: 'Osaka planning' } });
    await ask('no', 'names');
    expect((await ask('remove bob from the sales call', 'names')).text).toBe('Which bob do you mean: Bob Smith, or Bob Jones? Ask again with the full name.');
    expect((await ask('remove bob jones from the sales call', 'names')).pending).toMatchObject({ edit: { kind: 'uninvite', people: [{ email: 'bjones@contoso.com' }] } });
    await ask('no', 'names');
    expect((await ask('add ann and ann to the sales call', 'names')).pending).toMatchObject({ edit: { kind: 'invite', people: [{ email: 'ann@contoso.com' }] } });
    await ask('no', 'names');
    const roomAsGuest = await ask('add the boardroom to the sales call', 'names');
    expect(roomAsGuest.pending, roomAsGuest.text).toMatchObject({ kind: 'add_room', room: { email: 'boardroom@contoso.com' } });
    await ask('no', 'names');
  });

  it('two events of one name are named for a choice; said again with its day, that one', async () => {
    expect((await ask('add dave to the hiring sync', 'two')).text).toBe('Which one do you mean: Hiring sync on Thursday at 4 PM, or Hiring sync on Friday at 4 PM? Say it again with its day.');
    expect((await ask('add dave to the hiring sync on friday', 'two')).pending).toMatchObject({ event: { subject: 'Hiring sync', start: '2027-03-13T00:00:00Z' }, edit: { kind: 'invite' } });
    await ask('no', 'two');
    expect((await ask('add another 15 minutes to the hiring sync on thursday', 'two')).pending).toMatchObject({ edit: { kind: 'length', end: '2027-03-12T00:45:00Z' } });
    await ask('no', 'two');
  });

  it('more ways to say it: long guest lists, "wednesday\'s", "also", "set the location"; one invited already is said so', async () => {
    const many = await ask('invite ann, dave and bob smith to the design review', 'ways');
    expect(many.pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' }, edit: { kind: 'invite', people: [{ email: 'dave@contoso.com' }, { email: 'bob@contoso.com' }], already: ['Ann Lee'] } });
    expect(many.text).toMatch(/^Ann Lee is invited already\. Add Dave Kim and Bob Smith to Design review/);
    await ask('no', 'ways');
    expect((await ask("add dave to wednesday's design review", 'ways')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' } });
    await ask('no', 'ways');
    expect((await ask('also invite dave to the design review', 'ways')).pending).toMatchObject({ kind: 'edit', edit: { kind: 'invite' } });
    await ask('no', 'ways');
    expect((await ask('set the location of the design review to building 5', 'ways')).pending).toMatchObject({ kind: 'edit', edit: { kind: 'place', location: 'Building 5' } });
    await ask('no', 'ways');
  });

  it('an edit said while a question waits ("Which one should I cancel?") is taken as the request it is', async () => {
    expect((await ask('cancel my meeting on thursday', 'asked')).pending).toMatchObject({ kind: 'which' });
    expect((await ask('add dave to the design review', 'asked')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' } });
    await ask('no', 'asked');
  });

  it('a new end said as a time: "make the design review end at 1:30", "extend it until 2"; an end before its start is said', async () => {
    expect((await ask('make the design review end at 1:30', 'end')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' }, edit: { kind: 'length', end: '2027-03-10T21:30:00Z' } });
    await ask('no', 'end');
    expect((await ask('extend the design review until 2', 'end')).pending).toMatchObject({ kind: 'edit', edit: { kind: 'length', end: '2027-03-10T22:00:00Z' } });
    await ask('no', 'end');
    expect((await ask('make the design review end at 11am', 'end')).text).toBe("11 AM is before Design review starts, at 12:30 PM, so I haven't changed it. Say a later end.");
  });

  it('"extend this meeting by 10 minutes" is the meeting under way; "extend it by 30 minutes" the one talked about', async () => {
    expect((await ask('extend this meeting by 10 minutes', 'now')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Early sync' }, edit: { kind: 'length', end: '2027-03-08T16:40:00Z' } });
    await ask('no', 'now');
    expect((await ask('extend my current meeting by 15 minutes', 'now')).pending).toMatchObject({ kind: 'edit', event: { subject: 'Early sync' }, edit: { kind: 'length', end: '2027-03-08T16:45:00Z' } });
    await ask('no', 'now');
    await ask('when is the design review', 'now');
    const it = await ask('extend it by 30 minutes', 'now');
    expect(it.intent).toBe('edit_event');
    expect(it.pending).toMatchObject({ kind: 'edit', event: { subject: 'Design review' }, edit: { kind: 'length' } });
    await ask('no', 'now');
  });

  it('"invite dave to the design review as optional": Dave joins as an optional attendee', async () => {
    const proposal = await ask('invite dave to the design review as optional', 'optional');
    expect(proposal.text).toMatch(/^Add Dave Kim to Design review on Wednesday at 12:30 PM as optional\?/);
    await ask('yes', 'optional');
    expect((onCalendar('Design review')?.optionalAttendees ?? []).map((a) => a.mailbox.email)).toEqual(['dave@contoso.com']);
    expect(guestsOf('Design review')).not.toContain('dave@contoso.com');
  });

  it('"kick ann out of the design review", "move the design review to building 5": a guest removed, a new place', async () => {
    expect((await ask('kick ann out of the design review', 'more-words')).pending).toMatchObject({ kind: 'edit', edit: { kind: 'uninvite', people: [{ email: 'ann@contoso.com' }] } });
    await ask('no', 'more-words');
    expect((await ask('move the design review to building 5', 'more-words')).pending).toMatchObject({ kind: 'edit', edit: { kind: 'place', location: 'Building 5' } });
    await ask('no', 'more-words');
  });
});
