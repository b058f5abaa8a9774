import { CalendarStore, type ResolvedMailbox, type RoomPolicy, type StoreOptions } from '../../../../src/simulator/store/calendar/index.js';

export const ALICE = 'alice@contoso.com';
export const BOB = 'bob@contoso.com';
export const CAROL = 'carol@contoso.com';
export const ROOM = 'room.rainier@contoso.com';

/** A fixed clock that tests can move forward. */
export function clock(startIso = '2026-03-01T08:00:00Z') {
  let now = Date.parse(startIso);
  return {
    now: () => new Date(now),
    advance: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
}

/** A tiny directory: people and rooms that exist; anything else does not. */
export function directory(rooms: Record<string, RoomPolicy> = { [ROOM]: {} }, people: readonly string[] = [ALICE, BOB, CAROL]) {
  return (smtp: string): ResolvedMailbox | undefined => {
    if (smtp in rooms) return { exists: true, isRoom: true, name: 'Rainier', roomPolicy: rooms[smtp] };
    if (people.includes(smtp)) return { exists: true, isRoom: false, name: smtp.split('@')[0] ?? smtp };
    return undefined;
  };
}

export function newStore(options: StoreOptions = {}): CalendarStore {
  return new CalendarStore({ now: clock().now, resolve: directory(), ...options });
}
