import { describe, expect, it } from 'vitest';
import { chooseEvent, eventMatches, isWith, nameWords, namesAnEvent } from '../../../../src/assistant/dialog/match-event.js';
import type { CalendarEvent } from '../../../../src/domain/calendar.js';

const ALICE = 'alice@contoso.com';
function event(subject: string, people: { name: string; email: string }[] = [], organizer = { name: 'Alice Wong', email: ALICE }): CalendarEvent {
  return {
    id: subject, subject, start: '2027-03-08T17:00:00Z', end: '2027-03-08T18:00:00Z', isAllDay: false, organizer,
    attendees: people.map((p) => ({ ...p, kind: 'required' as const, response: 'accepted' as const })),
    kind: 'single', isRecurring: false, isCancelled: false, isMeeting: people.length > 0, freeBusy: 'busy', sensitivity: 'normal', myResponse: 'organizer',
  };
}
const CAROL = { name: 'Carol Diaz', email: 'carol@contoso.com' };
const BOB_SMITH = { name: 'Bob Smith', email: 'bob@contoso.com' };
const BOB_JONES = { name: 'Bob Jones', email: 'bob.jones@contoso.com' };
const AL = { name: 'Al Green', email: 'al@contoso.com' };

describe('which events a request names', () => {
  it('a title and a person said together must both hold ("lunch with carol" is not Roadmap planning with Carol)', () => {
    const roadmap = event('Roadmap planning', [CAROL]);
    const lunch = event('Lunch with Carol');
    expect(eventMatches(roadmap, { title: 'lunch', people: ['carol'] }, ALICE)).toBe(false);
    expect(eventMatches(lunch, { title: 'lunch', people: ['carol'] }, ALICE)).toBe(true);
    expect(eventMatches(roadmap, { people: ['carol'] }, ALICE)).toBe(true);
  });

  it('names are whole words, and the asker is never "with" herself ("al" is not alice, nor in "call")', () => {
    expect(isWith(event('Standup'), 'al', ALICE)).toBe(false);
    expect(isWith(event('Call with Carol', [CAROL]), 'al', ALICE)).toBe(false);
    expect(isWith(event('Sync', [AL]), 'al', ALICE)).toBe(true);
  });

  it('a surname must match too ("bob jones" is not Bob Smith)', () => {
    expect(isWith(event('Review', [BOB_SMITH]), 'bob jones', ALICE)).toBe(false);
    expect(isWith(event('Review', [BOB_JONES]), 'bob jones', ALICE)).toBe(true);
    expect(isWith(event('Review', [BOB_JONES]), "bob's", ALICE)).toBe(true);
  });

  it('"1:1", "one on one" and "1-on-1" are one word; plurals match their singular', () => {
    expect(nameWords('1:1 with Bob')).toEqual(['oneonone', 'bob']);
    expect(eventMatches(event('1:1 with Bob', [BOB_SMITH]), { title: 'one on one', people: ['bob'] }, ALICE)).toBe(true);
    expect(eventMatches(event('Budget review'), { title: 'budget reviews' }, ALICE)).toBe(true);
    expect(eventMatches(event('Budget review'), { title: 'budget' }, ALICE)).toBe(true);
    expect(eventMatches(event('Budgeting workshop'), { title: 'budget' }, ALICE)).toBe(false);
    expect(eventMatches(event('Daily stand-up'), { title: 'standup' }, ALICE)).toBe(true);
  });

  it('"my meeting" names nothing; a title that fits no subject may be a person ("when do i meet dave")', () => {
    expect(namesAnEvent({ title: 'my meeting' })).toBe(false);
    expect(namesAnEvent({ title: 'wrap up meeting' })).toBe(true);
    const berlin = event('Berlin team sync', [], { name: 'Dave Kim', email: 'dave@contoso.com' });
    expect(eventMatches(berlin, { title: 'dave' }, ALICE)).toBe(true);
    expect(eventMatches(berlin, { title: 'dave', people: ['bob'] }, ALICE)).toBe(false);
  });
});

describe('an answer to "Which one?"', () => {
  it('a number that is a word of an offered name picks by it ("sprint 2 planning"); other numbers are times', () => {
    const one = event('Sprint 1 planning');
    const two = event('Sprint 2 planning');
    expect(chooseEvent('sprint 2 planning', [one, two])).toBe(two);
    expect(chooseEvent('the sprint 1 one', [one, two])).toBe(one);
    // "the 9 one" names no subject: read as a time, which neither has here, so nothing is guessed.
    expect(chooseEvent('the 9 one', [one, two])).toBeUndefined();
  });
});
