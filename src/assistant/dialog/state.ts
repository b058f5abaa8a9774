import type { Explanation, Pending } from './acts.js';

/** The conversation's memory between turns: what awaits confirmation, and the last explanation. */
export interface DialogState {
  readonly pending?: Pending;
  readonly explanation?: Explanation;
}

/** Where dialog state lives: the database on the server (any instance takes the next turn), memory in the CLI. */
export interface DialogStore {
  get(sessionId: string, user: string): Promise<DialogState | undefined>;
  put(sessionId: string, user: string, state: DialogState): Promise<void>;
}

export class MemoryDialogStore implements DialogStore {
  readonly #states = new Map<string, DialogState>();
  async get(sessionId: string, user: string): Promise<DialogState | undefined> {
    return this.#states.get(`${sessionId}\u0000${user}`);
  }
  async put(sessionId: string, user: string, state: DialogState): Promise<void> {
    this.#states.set(`${sessionId}\u0000${user}`, state);
  }
}
