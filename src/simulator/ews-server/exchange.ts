import type { MailboxRecord } from '../store/directory/index.js';
import { Directory } from '../store/directory/index.js';
import { CalendarStore, type MailboxResolver } from '../store/calendar/index.js';
import { ConcurrencyBudget } from './throttle.js';
import { RELEASES, type ReleaseInfo, type SimulatedRelease } from './server-versions.js';

export interface ThrottleSettings {
  /** EWSMaxConcurrency: concurrent requests per account (27 on Exchange 2013 and later). */
  readonly maxConcurrency: number;
  /** BackOffMilliseconds sent with ErrorServerBusy. */
  readonly backOffMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { maxConcurrency: 27, backOffMs: 2_000 };

/** The simulated organization: its directory, its mailboxes' calendars, and how it behaves as a server. */
export class SimulatedExchange {
  readonly budget: ConcurrencyBudget;
  readonly calendar: CalendarStore;
  #changed = false;

  constructor(
    readonly release: SimulatedRelease,
    readonly directory: Directory,
    calendar?: CalendarStore | ((resolve: MailboxResolver) => CalendarStore),
    throttle: ThrottleSettings = DEFAULT_THROTTLE,
  ) {
    this.budget = new ConcurrencyBudget(throttle.maxConcurrency, throttle.backOffMs);
    const resolve: MailboxResolver = (smtp) => {
      const m = this.directory.findMailbox(smtp);
      if (!m) return undefined;
      return { exists: true, isRoom: m.type === 'RoomMailbox' || m.type === 'EquipmentMailbox', name: m.displayName };
    };
    this.calendar = typeof calendar === 'function' ? calendar(resolve) : (calendar ?? new CalendarStore({ resolve }));
  }

  get releaseInfo(): ReleaseInfo {
    return RELEASES[this.release];
  }

  /** A mailbox by primary SMTP address (or any identity Exchange accepts). */
  mailbox(identity: string): MailboxRecord | undefined {
    return this.directory.findMailbox(identity);
  }

  /** Marks state as changed, for hosts that persist it (`--data`). */
  touch(): void {
    this.#changed = true;
  }

  /** True once since the last call when something changed. */
  takeChanged(): boolean {
    const c = this.#changed;
    this.#changed = false;
    return c;
  }
}
