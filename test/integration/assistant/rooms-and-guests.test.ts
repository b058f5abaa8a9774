import { describe, expect, it } from 'vitest';
import type { AssistantAnswer } from '../../../src/assistant/assistant.js';
import { impersonation, PACIFIC, person, roomMailbox, serviceAccount, startContoso } from '../../support/contoso.js';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * Guests and rooms as people say them: lists with two Bobs, "invite ann and dave", rooms with names of
 * several words or none of "room" ("the fishbowl"), spoken "board room", similar names (a question, never
 * a guess), a room question about a whole day. Checked on what Exchange is asked to do (the proposal's
 * attendees and rooms) and on what is said, not on exact wording alone.
 */
const TZ = 'America/Los_Angeles';
const NOW = new Date('2027-03-08T16:00:00Z'); // Monday 8 March, 08:00 in Los Angeles
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const PEOPLE = [
  person('alice', 'Alice Wong', { timeZone: PACIFIC, firstName: 'Alice', lastName: 'Wong' }),
  person('bob', 'Bob Smith', { timeZone: PACIFIC, firstName: 'Bob', lastName: 'Smith' }),
  person('bjones', 'Bob Jones', { timeZone: 'Eastern Standard Time', firstName: 'Bob', lastName: 'Jones' }),
  person('ann', 'Ann Lee', { timeZone: PACIFIC, firstName: 'Ann', lastName: 'Lee' }),
  person('dave', 'Dave Kim', { timeZone: 'W. Europe Standard Time', firstName: 'Dave', lastName: 'Kim' }),
  serviceAccount(SVC),
];
const invited = (a: AssistantAnswer) => ((a.pending as { draft?: { attendees?: { email?: string }[] } } | undefined)?.draft?.attendees ?? []).map((x) => x.email).sort();
const subjectOf = (a: AssistantAnswer) => (a.pending as { draft?: { subject: string } } | undefined)?.draft?.subject;

describe('guests and rooms, one boardroom and two fishbowls', () => {
  const sim = useSimulator(() =>
    startContoso({
      mailboxes: [...PEOPLE, roomMailbox('boardroom', 'Boardroom', 12, { timeZone: PACIFIC }), roomMailbox('fishbowl', 'Fishbowl', 4, { timeZone: PACIFIC }), roomMailbox('fishbowl.annex', 'Fishbowl Annex', 8, { timeZone: PACIFIC }), roomMailbox('huddle', 'Huddle Room', 2, { timeZone: PACIFIC })],
      shell: [impersonation('imp')],
      events: [
        { organizer: 'bob@contoso.com', subject: 'Board prep', start: '2027-03-12T14:00:00-08:00', end: '2027-03-12T15:00:00-08:00', timeZone: PACIFIC, rooms: ['boardroom@contoso.com'], location: 'Boardroom' },
        { organizer: 'bob@contoso.com', subject: 'Fish sync', start: '2027-03-09T14:00:00-08:00', end: '2027-03-09T15:00:00-08:00', timeZone: PACIFIC, rooms: ['fishbowl@contoso.com'], location: 'Fishbowl' },
      ],
    }),
  );
  const over = useAssistant(sim, SVC);
  const ask = (text: string, sessionId: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: NOW, sessionId });

  it('every guest of a list is invited: "invite ann and dave to ...", two Bobs named in full, a list with a room', async () => {
    expect(invited(await ask('invite ann and dave to a meeting thursday at 2', 'list-1'))).toEqual(['ann@contoso.com', 'dave@contoso.com']);
    expect(invited(await ask('schedule a meeting thursday at 2 and invite ann and dave', 'list-2'))).toEqual(['ann@contoso.com', 'dave@contoso.com']);
    const bobs = await ask('add meeting with bob smith and bob jones tomorrow at 10', 'list-3');
    expect(invited(bobs)).toEqual(['bjones@contoso.com', 'bob@contoso.com']);
    const all = await ask('add all hands with ann, bob smith, dave and bob jones in the huddle room tomorrow at 10', 'list-4');
    expect(subjectOf(all)).toBe('all hands');
    expect(invited(all)).toEqual(['ann@contoso.com', 'bjones@contoso.com', 'bob@contoso.com', 'dave@contoso.com', 'huddle@contoso.com']);
    // A list is never the name of the event.
    const noTime = await ask('invite ann and bob', 'list-5');
    expect(noTime.text).toMatch(/^When should it be\?/);
    expect(noTime.text).not.toMatch(/for ann/);
  });

  it('a guest beside a room, and two rooms, are all booked; seats said are checked or said to be unknown', async () => {
    const beside = await ask('add sync with ann and the boardroom tomorrow at 4', 'two-rooms-1');
    expect(invited(beside)).toEqual(['ann@contoso.com', 'boardroom@contoso.com']);
    const two = await ask('add sync with ann in the huddle room and the boardroom tomorrow at 4', 'two-rooms-2');
    expect(invited(two)).toEqual(['ann@contoso.com', 'boardroom@contoso.com', 'huddle@contoso.com']);
    expect(two.text).toMatch(/in Huddle Room; Boardroom\?$/);
    // Seats are what an administrator entered under Rooms; none here, so it is said to be unknown.
    expect((await ask('book the huddle room for 6 people tomorrow at 3', 'two-rooms-3')).text).toMatch(/^I don't know how many seats Huddle Room has, so check that it fits 6\./);
  });

  it('a final sweep for wrong writes: "book ROOM for a call with ...", "called X with NAME", the asker as a guest, one guest once, edits that remove', async () => {
    const call = await ask('Book Fishbowl for a call with Ann Wednesday 1pm', 'sweep-1');
    expect([subjectOf(call), invited(call)]).toEqual(['call', ['ann@contoso.com', 'fishbowl@contoso.com']]);
    const huddle = await ask('reserve the huddle room for tomorrow at 3', 'sweep-2');
    expect([subjectOf(huddle), invited(huddle)]).toEqual(['Meeting', ['huddle@contoso.com']]);
    const called = await ask('add a meeting called roadmap review with dave on thursday at ten a m', 'sweep-3');
    expect([subjectOf(called), invited(called)]).toEqual(['roadmap review', ['dave@contoso.com']]);
    expect(invited(await ask('set up a meeting with alice and ann tomorrow at 11', 'sweep-4'))).toEqual(['ann@contoso.com']);
    expect(invited(await ask('add lunch with dave kim tomorrow at noon', 'sweep-5'))).toEqual(['dave@contoso.com']);
    // "remove dave" and "without the room" change the waiting proposal; they never start a cancel.
    await ask('add sync with ann and dave in the boardroom tomorrow at 5', 'sweep-6');
    expect(invited(await ask('remove dave', 'sweep-6'))).toEqual(['ann@contoso.com', 'boardroom@contoso.com']);
    const roomless = await ask('without the room', 'sweep-6');
    expect(invited(roomless)).toEqual(['ann@contoso.com']);
    expect(roomless.text).toBe('Add sync with Ann Lee tomorrow at 5 PM for one hour?');
  });

  it('"with al" is nobody, not Alice herself, and the proposal says so', async () => {
    const a = await ask('add call with al tomorrow at 3', 'al');
    expect(invited(a)).toEqual([]);
    expect(a.text).toMatch(/couldn't find anyone called al/);
  });

  it('rooms said as people say them are booked as rooms: several words, no "room" in the name, spoken "board room", numbered', async () => {
    const annex = await ask('add sync in the fishbowl annex tomorrow at 11', 'room-1');
    expect([subjectOf(annex), invited(annex)]).toEqual(['sync', ['fishbowl.annex@contoso.com']]);
    const spoken = await ask('set up a meeting with bob jones and ann lee in the board room tomorrow at 4 pm', 'room-2');
    expect(invited(spoken)).toEqual(['ann@contoso.com', 'bjones@contoso.com', 'boardroom@contoso.com']);
    expect((await ask('yes', 'room-2')).text).toMatch(/Boardroom accepted/);
    const book = await ask('book the fishbowl tomorrow at 11 for 30 minutes', 'room-3');
    expect(invited(book)).toEqual(['fishbowl@contoso.com']);
    expect(book.text).toMatch(/in Fishbowl\?$/);
    expect(invited(await ask('book the board room tomorrow at 10 for 30 minutes', 'room-4'))).toEqual(['boardroom@contoso.com']);
    // A place said as a room that is none: kept as where, and said before "yes".
    const unknown = await ask('add sync in the blue room tomorrow at 9', 'room-5');
    expect(invited(unknown)).toEqual([]);
    expect(unknown.text).toMatch(/I couldn't find a room called blue room in the directory, so no room will be booked\./);
  });

  it('"in the fishbowl" with Fishbowl and Fishbowl Annex is the room of exactly that name', async () => {
    const a = await ask('add sync in the fishbowl wednesday at 10', 'which-room');
    expect(invited(a)).toEqual(['fishbowl@contoso.com']);
    expect(a.text).toMatch(/in Fishbowl\?$/);
  });

  it('"in the huddle room instead" replaces the room of a proposal', async () => {
    await ask('add sync with ann tomorrow at 4 in the boardroom', 'instead');
    const changed = await ask('in the huddle room instead', 'instead');
    expect(invited(changed)).toEqual(['ann@contoso.com', 'huddle@contoso.com']);
    expect(changed.text).toMatch(/in Huddle Room\?$/);
  });

  it('room questions: a room without "room" in its name is the room\'s, and a whole day says when it is booked', async () => {
    const fishbowl = await ask('is the fishbowl free tomorrow at 2', 'q-1');
    expect(fishbowl.intent).toBe('room_is_free');
    expect(fishbowl.text).toMatch(/^Fishbowl is booked tomorrow/);
    expect((await ask('is the boardroom free friday', 'q-2')).text).toBe('On Friday, Boardroom is booked from 2 PM to 3 PM, and free the rest of the time.');
    // The asker's own question stays the asker's.
    expect((await ask('am i free tomorrow at 2', 'q-3')).intent).toBe('am_i_free');
  });
});

describe('finding a room from one\'s own calendar', () => {
  const sim = useSimulator(() =>
    startContoso({
      mailboxes: [...PEOPLE, roomMailbox('boardroom', 'Boardroom', 12, { timeZone: PACIFIC }), roomMailbox('fishbowl', 'Fishbowl', 4, { timeZone: PACIFIC })],
      shell: [impersonation('imp')],
      events: [{ organizer: 'bob@contoso.com', subject: 'Fish sync', start: '2027-03-09T14:00:00-08:00', end: '2027-03-09T15:00:00-08:00', timeZone: PACIFIC, rooms: ['fishbowl@contoso.com'], location: 'Fishbowl' }],
    }),
  );
  const over = useAssistant(sim, SVC);
  const ask = (text: string, sessionId: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: NOW, sessionId });

  it('"find me a room tomorrow at 2" names the rooms free then and offers the first; "yes" books it', async () => {
    const found = await ask('find me a room tomorrow at 2', 'find-1');
    expect(found.text).toBe('Free then: Boardroom. Add Meeting tomorrow at 2 PM for one hour in Boardroom?');
    expect(invited(found)).toEqual(['boardroom@contoso.com']);
    expect((await ask('yes', 'find-1')).text).toMatch(/Boardroom accepted the booking/);
    // Now neither is free then; "for 6 people" is said to be unchecked (room lists hold no capacity).
    expect((await ask('book a room for 6 people tomorrow at 2', 'find-2')).text).toBe('None of the 2 rooms I can see is free tomorrow between 2 PM and 3 PM.');
    const six = await ask('book a room for 6 people tomorrow at 4', 'find-3');
    expect(six.text).toMatch(/^Free then: Boardroom and Fishbowl\. I don't know how many seats Boardroom has, so check that it fits 6\./);
  });

  it('"who booked the fishbowl tomorrow at 2" names the room\'s booking, not the asker\'s day', async () => {
    const who = await ask('who booked the fishbowl tomorrow at 2', 'who-1');
    expect(who.intent).toBe('room_who_booked');
    expect(who.text).toBe('Tomorrow between 2 PM and 2:30 PM, Fishbowl is booked by Bob Smith from 2 PM to 3 PM.');
    // The Boardroom, booked by Alice in the test before; the Fishbowl on Friday, by nobody.
    expect((await ask('who has the boardroom tomorrow', 'who-2')).text).toBe('Tomorrow, Boardroom is booked by Alice Wong from 2 PM to 3 PM.');
    expect((await ask('who has the fishbowl on friday', 'who-3')).text).toBe('Nobody has booked Fishbowl on Friday.');
    // A weekday said after the room ends its name ("fishbowl tuesday" is no room, nor an event of one's own).
    expect((await ask('who booked the fishbowl tuesday at 2', 'who-4')).text).toBe('Tomorrow between 2 PM and 2:30 PM, Fishbowl is booked by Bob Smith from 2 PM to 3 PM.');
  });

  it('rooms asked for in other words: "book the fishbowl at 11", "when is ... free", "is there a room free", a day without a time, guests, an existing meeting', async () => {
    expect(invited(await ask('book the fishbowl tomorrow at 11', 'other-1'))).toEqual(['fishbowl@contoso.com']);
    expect((await ask('when is the fishbowl free tomorrow', 'other-2')).text).toBe('Tomorrow, Fishbowl is booked from 2 PM to 3 PM, and free the rest of the time.');
    expect((await ask('is the fishbowl free this week', 'other-3')).text).toMatch(/^This week, Fishbowl is booked tomorrow from 2 PM to 3 PM/);
    expect((await ask('is there a room free tomorrow at 4', 'other-4')).text).toMatch(/^Free then: Boardroom and Fishbowl\. Add Meeting tomorrow at 4 PM/);
    expect((await ask('find me a room tomorrow', 'other-5')).text).toBe('At what time? Ask with a time, for example "find me a room tomorrow at 2".');
    expect(invited(await ask('find me a room with ann tomorrow at 5', 'other-6'))).toEqual(['ann@contoso.com', 'boardroom@contoso.com']);
    // (A room for a meeting is added to it: this calendar has no budget review.)
    expect((await ask('find me a room for the budget review', 'other-7')).text).toBe("I couldn't find budget review on your calendar.");
  });

  it('"with my manager" says it does not know who that is, not "anyone called manager"', async () => {
    expect((await ask('add 1:1 with my manager thursday at 4', 'manager')).text).toMatch(/^I don't know who your manager is, so I won't invite anyone for that; say their name to invite them\./);
  });
});

describe('two boardrooms: a question, never a guess', () => {
  const sim = useSimulator(() =>
    startContoso({
      mailboxes: [...PEOPLE, roomMailbox('boardroom.north', 'Boardroom North', 12, { timeZone: PACIFIC }), roomMailbox('boardroom.south', 'Boardroom South', 6, { timeZone: PACIFIC }), roomMailbox('room.202', 'Room 202', 20, { timeZone: PACIFIC })],
      shell: [impersonation('imp')],
    }),
  );
  const over = useAssistant(sim, SVC);
  const ask = (text: string, sessionId: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: NOW, sessionId });

  it('asks which boardroom, for a question and for a booking; a numbered room is booked by its number', async () => {
    expect((await ask('is the boardroom free at 5', 'two-1')).text).toBe('Which boardroom do you mean: Boardroom North, or Boardroom South? Ask again with its full name.');
    const book = await ask('book the boardroom at 3', 'two-2');
    expect(book.pending?.kind).toBe('person');
    expect(book.text).toMatch(/Which boardroom do you mean: Boardroom North, or Boardroom South\?/);
    expect(invited(await ask('south', 'two-2'))).toEqual(['boardroom.south@contoso.com']);
    expect(invited(await ask('book room 202 tomorrow at 10 for 30 minutes', 'two-3'))).toEqual(['room.202@contoso.com']);
  });
});
