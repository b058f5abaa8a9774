import type { CalendarEvent } from '../../domain/calendar.js';
import type { Explanation, Pending } from './acts.js';

/** How long what a turn leaves waits for the next: a "yes" an hour later should not book anything. */
export const DIALOG_TTL_MS = 15 * 60_000;

/** The conversation's memory between turns: what awaits confirmation, and the last explanation. */
export interface DialogState {
  readonly pending?: Pending;
  readonly explanation?: Explanation;
  /** The one event the last answers were about ("what's my next meeting"), for "cancel it", "move it to 3". */
  readonly about?: CalendarEvent;
}

/** Where dialog state lives: the database on the server (any instance takes the next turn), memory in the CLI. */
export interface DialogStore {
  get(sessionId: string, user: string): Promise<DialogState | undefined>;
  put(sessionId: string, user: string, state: DialogState): Promise<void>;
  /**
   * Reads and removes the state in one step: of two turns racing to answer "yes" (a double click, a
   * client's retry, two instances), only one gets what waited, so a write is never made twice.
   */
  take(sessionId: string, user: string): Promise<DialogState | undefined>;
}

export class MemoryDialogStore implements DialogStore {
  readonly #states = new Map<string, DialogState>();
  async get(sessionId: string, user: string): Promise<DialogState | undefined> {
    return this.#states.get(`${sessionId}\u0000${user}`);
  }
  async put(sessionId: string, user: string, state: DialogState): Promise<void> {
    this.#states.set(`${sessionId}\u0000${user}`, state);
  }
  async take(sessionId: string, user: string): Promise<DialogState | undefined> {
    const key = `${sessionId}\u0000${user}`;
    const state = this.#states.get(key);
    this.#states.delete(key);
    return state;
  }
}
