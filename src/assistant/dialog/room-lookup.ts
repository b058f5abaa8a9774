/**
 * Which room mailbox a place said in a request is ("in the boardroom", "in the board room", "in the
 * fishbowl"): looked up in the directory as said, then with its spaces closed up (speech splits
 * "boardroom"). Several rooms of the name are a question, never a guess.
 */
import type { CalendarProvider, DirectoryEntry } from '../../providers/calendar-provider.js';

export type RoomLookup = { readonly kind: 'one'; readonly room: DirectoryEntry } | { readonly kind: 'several'; readonly candidates: readonly DirectoryEntry[] } | { readonly kind: 'none' };

/** A place whose words say it is a room: when no room of that name exists, the proposal says so. */
export const ROOM_WORDS = /\b(room|boardroom|conference|annex|huddle)\b/i;

export async function roomFor(provider: Pick<CalendarProvider, 'findPeople'>, place: string): Promise<RoomLookup> {
  const tries = [...new Set([place, place.replace(/\s+/g, '')])];
  for (const name of tries) {
    const found = await provider.findPeople(name);
    const rooms = found.kind === 'one' ? [found.person].filter((p) => p.isRoom) : found.kind === 'several' ? found.candidates.filter((c) => c.isRoom) : [];
    if (rooms.length === 0) continue;
    // "the fishbowl" among Fishbowl and Fishbowl Annex: the room of exactly that name.
    const exact = rooms.filter((r) => squeeze(r.name) === squeeze(name));
    if (rooms.length === 1 || exact.length === 1) return { kind: 'one', room: rooms.length === 1 ? rooms[0]! : exact[0]! };
    return { kind: 'several', candidates: rooms };
  }
  return { kind: 'none' };
}

const squeeze = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, '');
