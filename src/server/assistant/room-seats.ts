import type { Kysely } from 'kysely';
import { rooms as roomsRepo, type Tables } from '../../persistence/index.js';
import type { DirectoryEntry } from '../../providers/calendar-provider.js';
import { ForwardingProvider } from '../../providers/forwarding-provider.js';

/**
 * The rooms of Exchange's room lists with the seats an administrator entered for them under Rooms
 * (Exchange's lists hold none), so "find me a room for 6 people" can leave out rooms too small.
 */
export class RoomSeatsProvider extends ForwardingProvider {
  constructor(
    inner: ConstructorParameters<typeof ForwardingProvider>[0],
    private readonly db: Kysely<Tables>,
  ) {
    super(inner);
  }

  override async rooms(): Promise<DirectoryEntry[]> {
    const [listed, known] = await Promise.all([this.inner.rooms(), roomsRepo.list(this.db)]);
    const seats = new Map(known.filter((r) => r.capacity).map((r) => [r.email.toLowerCase(), r.capacity!]));
    return listed.map((r) => (seats.has(r.email.toLowerCase()) ? { ...r, capacity: seats.get(r.email.toLowerCase())! } : r));
  }
}
