import { describe, expect, it } from 'vitest';
import { checkSlots, dateSpan } from '../../../../src/server/alexa/slot-checks.js';
import type { AssistantTurn } from '../../../../src/server/alexa/turn.js';
import { titleAndGuests } from '../../../../src/server/alexa/understanding.js';

const turn = (intent: string, slots: Record<string, string>): AssistantTurn => ({ channel: 'alexa', userRef: { alexaUserId: 'a' }, sessionId: 's', intent, slots, locale: 'en-US', timestamp: '2026-12-08T09:00:00Z', newSession: false });

describe('Alexa slot values a calendar can use', () => {
  it('tells a day from a week, a month and what is too broad (AMAZON.DATE)', () => {
    expect(['2026-12-08', 'PRESENT_REF'].map(dateSpan)).toEqual(['day', 'day']);
    expect(['2026-W50', '2026-W50-WE'].map(dateSpan)).toEqual(['week', 'week']);
    expect(['2026-12', '2026-12-XX'].map(dateSpan)).toEqual(['month', 'month']);
    expect(['2026', '2026-WI', '2026-SU', '202X'].map(dateSpan)).toEqual(['too_broad', 'too_broad', 'too_broad', 'too_broad']);
  });

  it('asks again for lengths no event has, but lets a read look ahead two days', () => {
    for (const duration of ['PT0S', 'PT0M', 'PT30S', 'PT25H', 'PT5000H', 'P2D', 'nonsense']) expect(checkSlots(turn('CreateEventIntent', { duration })).kind, duration).toBe('say');
    expect(checkSlots(turn('CreateEventIntent', { duration: 'PT24H' })).kind).toBe('ok');
    expect(checkSlots(turn('ReadCalendarIntent', { duration: 'P2D' })).kind).toBe('ok');
    expect(checkSlots(turn('ReadCalendarIntent', { duration: 'PT0S' })).kind).toBe('say');
  });

  it('needs one day for a new event or a move, and drops the span before the dialog sees it', () => {
    const check = checkSlots(turn('CreateEventIntent', { title: 'lunch', date: '2026-12-XX', time: '12:00' }));
    expect(check).toMatchObject({ kind: 'day_needed', turn: { slots: { title: 'lunch', date: undefined, time: undefined } } });
    expect(checkSlots(turn('MoveEventIntent', { query: 'review', date: '2026-W51' })).kind).toBe('day_needed');
    expect(checkSlots(turn('TimeAnswerIntent', { date: '2026-12', time: '12:00' })).kind).toBe('say');
    expect(checkSlots(turn('ReadCalendarIntent', { date: '2026-W51' })).kind).toBe('ok');
  });

  it('splits the guests out of a title said with "with"', () => {
    expect(titleAndGuests('lunch with bob smith')).toEqual({ title: 'lunch', people: ['bob smith'] });
    expect(titleAndGuests('coffee with ann and carol diaz')).toEqual({ title: 'coffee', people: ['ann', 'carol diaz'] });
    expect(titleAndGuests('meeting with the team')).toBeUndefined();
    expect(titleAndGuests('sync with marketing')).toBeUndefined();
    expect(titleAndGuests('lunch')).toBeUndefined();
  });
});
