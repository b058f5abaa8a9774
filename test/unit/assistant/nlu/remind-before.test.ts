import { describe, expect, it } from 'vitest';
import { noReminder, remindAt, remindBefore, remindBeforeEvent, reminderOff } from '../../../../src/assistant/nlu/remind-before.js';

describe('a reminder asked before an event already on the calendar', () => {
  it.each([
    ['remind me 30 minutes before the budget review', { minutes: 30, said: 'the budget review' }],
    ['remind me 1h before the budget review', { minutes: 60, said: 'the budget review' }],
    ['alert me a day before the offsite', { minutes: 1440, said: 'the offsite' }],
    ['remind me before tomorrow\'s standup', { said: "tomorrow's standup" }],
    ['set a 10 minute reminder for the budget review', { minutes: 10, said: 'the budget review' }],
    ['set a one hour reminder for my 2pm', { minutes: 60, said: 'my 2pm' }],
    ['set the reminder on the budget review to 30 minutes', { minutes: 30, said: 'the budget review' }],
    ['set a reminder for my next meeting', { said: 'my next meeting' }],
    ['remind me about the standup', { said: 'the standup', about: true }],
    ['remind me of my 2pm', { said: 'my 2pm', about: true }],
    ['remind me about the budget review 10 minutes before', { said: 'the budget review', minutes: 10, about: true }],
    ['remind me about the standup 1h before', { said: 'the standup', minutes: 60, about: true }],
    ['remind me about the budget review 10 mins early', { said: 'the budget review', minutes: 10, about: true }],
    ['remind me about standup', { said: 'standup', about: true }],
    ['remind me about it', { said: 'it', about: true }],
  ])('%s', (text, expected) => {
    expect(remindBeforeEvent(text)).toEqual(expected);
  });

  it.each(['remind me before 5', 'remind me before tomorrow', 'set a reminder for tomorrow at 9 to call bob', 'set a reminder for 5pm', 'remind me to call mom at 6', 'remind me 30 minutes before', 'remind me 30 minutes before it starts', 'set a reminder for lunch', 'remind me about the meeting at 3pm', 'remind me about tomorrow'])('names no event: %s', (text) => {
    expect(remindBeforeEvent(text)).toBeUndefined();
  });

  it('a reminder said after a new event is that event\'s own, not one before another event', () => {
    expect(remindBefore('add board meeting thursday at 10, remind me 30 minutes before')).toEqual({ rest: 'add board meeting thursday at 10', minutes: 30 });
    expect(remindBeforeEvent('add board meeting thursday at 10, remind me 30 minutes before')).toBeUndefined();
  });
});

describe('a reminder at a clock time, or none, said after the event', () => {
  it('"and remind me at 1:30" is cut out with its clock time', () => {
    expect(remindAt('add call with bob tomorrow at 2 and remind me at 1:30')).toEqual({ rest: 'add call with bob tomorrow at 2', hour: 1, minute: 30 });
    expect(remindAt('add dinner at 7pm, remind me at 6pm')).toEqual({ rest: 'add dinner at 7pm', hour: 6, minute: 0, half: 'pm' });
    expect(remindAt('remind me at 6 to call mom')).toBeUndefined();
  });

  it('"with no reminder" is cut out; alone it is nothing', () => {
    expect(noReminder('add gym tomorrow at 6am with no reminder')).toEqual({ rest: 'add gym tomorrow at 6am' });
    expect(noReminder("add standup notes at 10, and don't remind me")).toEqual({ rest: 'add standup notes at 10' });
    expect(noReminder('no reminder')).toBeUndefined();
  });
});

describe('a reminder turned off, never the event', () => {
  it.each([
    ['cancel the reminder for the budget review', 'the budget review'],
    ['delete the reminder on the budget review', 'the budget review'],
    ['turn off my reminder for tomorrow\'s standup', "tomorrow's standup"],
    ['remove the reminder from the budget review', 'the budget review'],
    ['turn the reminder for the offsite off', 'the offsite'],
    ["don't remind me about the budget review", 'the budget review'],
    ['no reminder for the offsite', 'the offsite'],
    ['turn off reminder for standup', 'standup'],
    ['reminder off for budget review', 'budget review'],
    ['dont remind me abt the budget review', 'the budget review'],
  ])('%s', (text, said) => {
    expect(reminderOff(text)).toEqual({ said });
  });

  it('with nothing named, the one talked about', () => {
    expect(reminderOff('turn off the reminder')).toEqual({});
    expect(reminderOff('cancel that reminder')).toEqual({});
    expect(reminderOff("don't remind me")).toEqual({});
    expect(reminderOff('no reminder')).toEqual({});
  });

  it.each(['cancel the reminder to call mom', 'cancel the reminder for tomorrow at 9', 'cancel the budget review', 'turn off the lights', 'remind me about the budget review', 'mute notifications', 'turn off notifications', 'delete my alerts'])('is no such request: %s', (text) => {
    expect(reminderOff(text)).toBeUndefined();
  });
});
