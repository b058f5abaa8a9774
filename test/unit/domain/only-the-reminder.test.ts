import { describe, expect, it } from 'vitest';
import { onlyTheReminder } from '../../../src/domain/calendar.js';

describe('a change of nothing but one\'s own reminder (sent to nobody)', () => {
  it('is a reminder set or turned off, and nothing else', () => {
    expect(onlyTheReminder({ reminderMinutes: 15 })).toBe(true);
    expect(onlyTheReminder({ noReminder: true })).toBe(true);
    expect(onlyTheReminder({ reminderMinutes: 15, start: '2027-03-10T19:00:00Z' })).toBe(false);
  });

  it('keys given as undefined are no change: an empty change is not a reminder change', () => {
    expect(onlyTheReminder({})).toBe(false);
    expect(onlyTheReminder({ reminderMinutes: undefined })).toBe(false);
    expect(onlyTheReminder({ reminderMinutes: 10, start: undefined })).toBe(true);
  });
});
