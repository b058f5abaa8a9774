import type { FastifyInstance } from 'fastify';
import { EwsRoomProvider } from '../../providers/ews/ews-room-provider.js';
import type { RoomProvider } from '../../providers/room-provider.js';
import type { ServerContext } from '../context.js';
import { RoomService } from './room-service.js';
import { CheckInSweeper } from './sweeper.js';

/**
 * The rooms feature of one server instance. Reachable as `app.rooms` so tests can set the clock and the
 * sweep interval (or turn the timer off and call `sweeper.sweep()` themselves) before the app is ready.
 */
export interface RoomFeature {
  readonly provider: RoomProvider;
  readonly service: RoomService;
  readonly sweeper: CheckInSweeper;
  /** The current time for everything rooms do. */
  clock: () => Date;
  /** How often the check-in sweeper runs; 0 turns the timer off. */
  sweepIntervalMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomFeature;
  }
}

export function roomFeature(app: FastifyInstance, ctx: ServerContext): RoomFeature {
  const provider = new EwsRoomProvider((fn) => ctx.pool.use((client, link) => fn(client, link.upn)));
  let now: () => Date = () => new Date();
  const clock = () => now();
  const service = new RoomService({ db: ctx.db, provider, clock });
  const sweeper = new CheckInSweeper({ db: ctx.db, provider, clock, log: app.log });
  let interval = 60_000;
  let ready = false;
  const rooms: RoomFeature = {
    provider,
    service,
    sweeper,
    get clock() {
      return now;
    },
    set clock(c: () => Date) {
      now = c;
    },
    get sweepIntervalMs() {
      return interval;
    },
    // Takes effect at once, also on a running app (a test's inject() makes the app ready early).
    set sweepIntervalMs(ms: number) {
      interval = ms;
      if (!ready) return;
      void sweeper.stop();
      if (ms > 0) sweeper.start(ms);
    },
  };
  app.decorate('rooms', rooms);
  app.addHook('onReady', async () => {
    ready = true;
    if (interval > 0) sweeper.start(interval);
  });
  app.addHook('onClose', async () => {
    ready = false;
    await sweeper.stop();
  });
  return rooms;
}
