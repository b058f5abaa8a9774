import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { RoomProvider } from '../../providers/room-provider.js';
import { auditLog, roomCheckIns, rooms as roomsRepo, type Tables } from '../../persistence/index.js';
import type { Room } from '../../persistence/repositories/rooms.js';
import { eventKey, isoOf } from './status.js';

const MINUTE = 60_000;
/** Bookings that started longer ago than this are history, not something to release. */
const LOOK_BACK_MS = 12 * 3_600_000;

export interface SweeperDeps {
  readonly db: Kysely<Tables>;
  readonly provider: RoomProvider;
  readonly clock: () => Date;
  readonly log?: Pick<FastifyBaseLogger, 'warn'>;
}

/**
 * Releases bookings nobody checked into. Every instance sweeps every minute; each booking is claimed
 * once across instances in the database (room_check_ins, INSERT … ON CONFLICT DO NOTHING), so exactly
 * one instance releases it (enforce) or records that it would have (report).
 */
export class CheckInSweeper {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(private readonly deps: SweeperDeps) {}

  /** Whether the timer runs (between the app's onReady and onClose). */
  get started(): boolean {
    return this.#timer !== undefined;
  }

  start(intervalMs = MINUTE): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.sweep().catch((err) => this.deps.log?.warn({ err }, 'room check-in sweep failed')), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  /** One pass over every room with check-in on; returns how many bookings this instance claimed. */
  sweep(): Promise<number> {
    // One pass at a time per instance: a slow Exchange must not stack passes up.
    this.#running ??= this.#sweepAll().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #sweepAll(): Promise<number> {
    let claimed = 0;
    for (const room of await roomsRepo.withCheckIn(this.deps.db)) {
      try {
        claimed += await this.#sweepRoom(room);
      } catch (err) {
        this.deps.log?.warn({ err, room: room.email }, 'room check-in sweep failed for one room');
      }
    }
    return claimed;
  }

  async #sweepRoom(room: Room): Promise<number> {
    const now = this.deps.clock().getTime();
    const grace = room.checkIn.minutes * MINUTE;
    const cal = await this.deps.provider.calendar(room.email, { start: isoOf(now - LOOK_BACK_MS), end: isoOf(now + MINUTE) });
    // Past the check-in deadline and not over yet: releasing a finished meeting frees nothing.
    const due = cal.bookings.filter((b) => Date.parse(b.start) + grace <= now && Date.parse(b.end) > now);
    let claimed = 0;
    for (const b of due) {
      const key = eventKey(b);
      const state = room.checkIn.mode === 'enforce' ? 'released' : 'would_release';
      const won = await roomCheckIns.claim(this.deps.db, { roomId: room.id, eventKey: key, subject: b.subject, organizer: b.organizer?.email ?? null, startsAt: new Date(b.start), endsAt: new Date(b.end), state, at: new Date(now), by: 'system' });
      if (!won) continue;
      claimed++;
      const detail = { room: room.name, booking: key, subject: b.subject, ...(b.organizer?.email ? { organizer: b.organizer.email } : {}), start: isoOf(Date.parse(b.start)), end: isoOf(Date.parse(b.end)), minutes: room.checkIn.minutes };
      if (state === 'would_release') {
        await auditLog.append(this.deps.db, { actor: 'system', action: 'room.would_release', target: room.email, result: 'ok', detail });
        continue;
      }
      try {
        await this.deps.provider.release(room.email, b, `Released: nobody checked in within ${room.checkIn.minutes} minutes of the start, so ${room.name} is free for others.`);
        await auditLog.append(this.deps.db, { actor: 'system', action: 'room.release', target: room.email, result: 'ok', detail });
      } catch (err) {
        // Give the claim back so a later pass (on any instance) tries again.
        await roomCheckIns.unclaim(this.deps.db, room.id, key);
        await auditLog.append(this.deps.db, { actor: 'system', action: 'room.release', target: room.email, result: 'failed', detail: { ...detail, error: err instanceof Error ? err.message : String(err) } });
        claimed--;
      }
    }
    return claimed;
  }
}
