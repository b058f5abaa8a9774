import { describe, expect, it } from 'vitest';
import { WHO_BOOKED } from '../../../../src/assistant/dialog/room-answers.js';

describe('the room "who booked ..." names', () => {
  it.each([
    ['who booked the boardroom friday at 10', 'boardroom'],
    ['who has the boardroom north on monday', 'boardroom north'],
    ['who booked the fishbowl tomorrow at 2', 'fishbowl'],
    ['who booked room 101 thursday', 'room 101'],
    ['who has the boardroom next tuesday', 'boardroom'],
    ['who booked the boardroom the day after tomorrow', 'boardroom'],
    ['who booked the boardroom north', 'boardroom north'],
  ])('%s -> %s', (text, name) => {
    expect(WHO_BOOKED.exec(text)?.[1]).toBe(name);
  });
});
