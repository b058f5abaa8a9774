import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CalendarStore, type MailboxResolver } from './store/calendar/index.js';
import { Directory } from './store/directory/index.js';
import { SimulatedExchange } from './ews-server/exchange.js';
import { SIMULATED_RELEASES } from './ews-server/server-versions.js';

const STATE_FILE = 'simulator-state.json';

const stateSchema = z.object({
  format: z.literal(1),
  release: z.enum(SIMULATED_RELEASES),
  throttle: z.object({ maxConcurrency: z.number(), backOffMs: z.number() }),
  directory: z.unknown(),
  calendar: z.unknown(),
});

/** Saves and loads the whole simulated organization in one JSON file, written atomically. */
export class SimulatorData {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get file(): string {
    return join(this.dir, STATE_FILE);
  }

  exists(): boolean {
    return existsSync(this.file);
  }

  load(): SimulatedExchange {
    const raw = stateSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    const directory = Directory.fromJSON(raw.directory);
    return new SimulatedExchange(raw.release, directory, (resolve: MailboxResolver) => CalendarStore.fromJSON(raw.calendar, { resolve }), raw.throttle);
  }

  save(exchange: SimulatedExchange): void {
    const state = { format: 1, release: exchange.release, throttle: { maxConcurrency: exchange.budget.limit, backOffMs: exchange.budget.backOffMs }, directory: exchange.directory.toJSON(), calendar: exchange.calendar.toJSON() };
    const tmp = `${this.file}.tmp`;
    // Password hashes live in here: readable by the owner only.
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    renameSync(tmp, this.file);
    chmodSync(this.file, 0o600);
  }
}
