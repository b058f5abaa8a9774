import { describe, expect, it } from 'vitest';
import { saidRepeat } from '../../../../src/assistant/nlu/repeat.js';
import { normalise, tokenize } from '../../../../src/assistant/nlu/text.js';

const said = (text: string) => saidRepeat(normalise(tokenize(text)).text);

describe('a repeat said for a new event', () => {
  it.each([
    ['add team sync every monday at 10', { every: 'week', interval: 1, weekdays: ['monday'] }, 'add team sync at 10'],
    ['sync each tuesday and thursday at 9', { every: 'week', interval: 1, weekdays: ['tuesday', 'thursday'] }, 'sync at 9'],
    ['gym every other Wednesday at 6pm', { every: 'week', interval: 2, weekdays: ['wednesday'] }, 'gym at 6 pm'],
    ['a weekly 1:1 with bob on tuesdays at 3pm', { every: 'week', interval: 1, weekdays: ['tuesday'] }, undefined],
    ['standup every weekday at 9:15', { every: 'week', interval: 1, weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }, 'standup at 9:15'],
    ['yoga on mondays and wednesdays at 7am', { every: 'week', interval: 1, weekdays: ['monday', 'wednesday'] }, 'yoga at 7 am'],
    ['review every 3 weeks on friday', { every: 'week', interval: 3, weekdays: ['friday'] }, 'review'],
    ['biweekly review on thursday at 2', { every: 'week', interval: 2 }, 'review on thursday at 2'],
    ['run every morning at 7', { every: 'day', interval: 1 }, 'run morning at 7'],
    ['pills daily at 9pm', { every: 'day', interval: 1 }, 'pills at 9 pm'],
    ['rent due on the 1st of every month', { every: 'month', interval: 1, dayOfMonth: 1 }, 'rent due'],
    ['invoices monthly on the 15th', { every: 'month', interval: 1, dayOfMonth: 15 }, 'invoices'],
    ['board prep every second tuesday of the month at 8', { every: 'month', interval: 1, weekdays: ['tuesday'], nth: 2 }, 'board prep at 8'],
    ['drinks the last friday of each month at 5', { every: 'month', interval: 1, weekdays: ['friday'], nth: -1 }, 'drinks at 5'],
    ['ops review monthly on the first tuesday at 10', { every: 'month', interval: 1, weekdays: ['tuesday'], nth: 1 }, 'ops review at 10'],
    ['budget sync every month on the second wednesday', { every: 'month', interval: 1, weekdays: ['wednesday'], nth: 2 }, 'budget sync'],
    ['drinks every other month on the last friday', { every: 'month', interval: 2, weekdays: ['friday'], nth: -1 }, 'drinks'],
    ["mom's birthday every year on may 3", { every: 'year', interval: 1 }, "mom's birthday on may 3"],
  ])('%s', (text, repeat, rest) => {
    const r = said(text);
    expect(r?.repeat).toEqual(repeat);
    if (rest !== undefined) expect(r?.text).toBe(rest);
  });

  it('how long it goes on: a number of times, a length of weeks, or a last day to read', () => {
    expect(said('class tuesdays and thursdays at 6pm 10 times')?.repeat.count).toBe(10);
    expect(said('weekly sync with ann for 6 weeks')?.repeat.count).toBe(6);
    expect(said('yoga every day at 7am for two weeks')?.repeat.lasts).toEqual({ n: 2, unit: 'week' });
    expect(said('gym every other wednesday at 6pm until june')).toMatchObject({ untilText: 'june', text: 'gym at 6 pm' });
    expect(said('gym every wednesday through the end of may')).toMatchObject({ untilText: 'the end of may', through: true });
  });

  it('a length of the event itself is not how long the series goes on', () => {
    const r = said('standup every weekday at 9:15 for 15 minutes');
    expect(r?.repeat.count).toBeUndefined();
    expect(r?.text).toBe('standup at 9:15 for 15 minutes');
  });

  it('"until 5" is when the event ends, not the series', () => {
    expect(said('focus every monday from 2 until 5')).toMatchObject({ text: 'focus from 2 until 5' });
    expect(said('focus every monday from 2 until 5')?.untilText).toBeUndefined();
  });

  it('no repeat in an ordinary request', () => {
    expect(said('lunch with bob friday at noon')).toBeUndefined();
    expect(said('add the weekly report review tomorrow')).toMatchObject({ repeat: { every: 'week' } });
  });
});
