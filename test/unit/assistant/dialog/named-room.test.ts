import { describe, expect, it } from 'vitest';
import { roomNamed } from '../../../../src/assistant/dialog/named-room.js';

describe('the room a request names', () => {
  it.each([
    ['is the boardroom free at 3 tomorrow', 'boardroom'],
    ['book the boardroom for 30 minutes tomorrow at 3', 'boardroom'],
    ['is conference room 2 free at 3?', 'conference room 2'],
    ['reserve the fishbowl room on friday', 'fishbowl room'],
    ['book the boardroom until 1', 'boardroom'],
    ['book the fishbowl in 10 minutes for half an hour', 'fishbowl'],
    ['book the boardroom north till 3', 'boardroom north'],
  ])('%s -> %s', (text, name) => {
    expect(roomNamed(text)).toBe(name);
  });

  it.each(['is this room free', 'book a room for 30 minutes', 'is the room free at 3', 'is anyone in here'])('names none: %s', (text) => {
    expect(roomNamed(text)).toBeUndefined();
  });
});
