import { describe, expect, it } from 'vitest';
import { roomSaid } from '../../../../src/assistant/dialog/room-lookup.js';
import type { DirectoryEntry, PeopleLookup } from '../../../../src/providers/calendar-provider.js';

/** A directory that finds by prefix of a name's words (as Exchange's ResolveNames does, roughly). */
function directory(rooms: readonly DirectoryEntry[]) {
  return {
    findPeople: async (q: string): Promise<PeopleLookup> => {
      const want = q.toLowerCase().replace(/^the\s+/, '');
      const found = rooms.filter((r) => r.name.toLowerCase().startsWith(want) || r.name.toLowerCase().split(' ').includes(want));
      return found.length === 0 ? { kind: 'none' } : found.length === 1 ? { kind: 'one', person: found[0]! } : { kind: 'several', candidates: found };
    },
  };
}

const boardroom = { email: 'boardroom@contoso.com', name: 'Boardroom', isRoom: true };
const north = { email: 'boardroom.north@contoso.com', name: 'Boardroom North', isRoom: true };
const south = { email: 'boardroom.south@contoso.com', name: 'Boardroom South', isRoom: true };

describe('whether a room said on a room\'s device is that room', () => {
  it.each([
    [boardroom, 'boardroom north', false],
    [boardroom, 'the boardroom', true],
    [boardroom, 'board room', true],
    [north, 'boardroom', false],
    [north, 'boardroom north', true],
    [north, 'north', true],
  ])('directory with Boardroom and Boardroom North: on %s, "%s" is here: %s', async (here, said, expected) => {
    expect((await roomSaid(directory([boardroom, north]), here, said)).here).toBe(expected);
  });

  it('when the directory cannot tell (several, or none), every word said must be a word of this room\'s name', async () => {
    const two = directory([north, south]);
    expect((await roomSaid(two, north, 'boardroom')).here).toBe(true);
    expect((await roomSaid(two, north, 'boardroom east')).here).toBe(false);
    expect((await roomSaid(directory([]), north, 'north boardroom')).here).toBe(true);
    expect((await roomSaid(directory([]), boardroom, 'boardroom north')).here).toBe(false);
  });

  it('another room comes with what the directory found for it', async () => {
    expect(await roomSaid(directory([boardroom, north]), boardroom, 'boardroom north')).toEqual({ here: false, lookup: { kind: 'one', room: north } });
  });
});
