import type { Kysely } from 'kysely';
import { DIALOG_TTL_MS, type DialogState, type DialogStore } from '../../assistant/dialog/state.js';
import { dialogState, type Json, type Tables } from '../../persistence/index.js';

/** Dialog state in the database, so whichever instance gets the next turn knows what awaits "yes". */
export class DbDialogStore implements DialogStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async get(sessionId: string, user: string): Promise<DialogState | undefined> {
    const row = await dialogState.get(this.db, sessionId, user);
    return row === undefined ? undefined : (row as unknown as DialogState);
  }

  async take(sessionId: string, user: string): Promise<DialogState | undefined> {
    const row = await dialogState.take(this.db, sessionId, user);
    return row === undefined ? undefined : (row as unknown as DialogState);
  }

  async put(sessionId: string, user: string, state: DialogState): Promise<void> {
    await dialogState.put(this.db, { sessionId, user, state: state as unknown as Json, expiresAt: new Date(Date.now() + DIALOG_TTL_MS) });
  }

  /**
   * The same store, with every key also bound to the signed-in account: a dialog session id is chosen by
   * the client, so without this, anyone who learned (or guessed) another person's session id could answer
   * "yes" to that person's pending write. The row's user is `<accountId>/<mailbox>`.
   */
  forAccount(accountId: string): DialogStore {
    const key = (user: string) => `${accountId}/${user.toLowerCase()}`;
    return {
      get: (sessionId, user) => this.get(sessionId, key(user)),
      put: (sessionId, user, state) => this.put(sessionId, key(user), state),
      take: (sessionId, user) => this.take(sessionId, key(user)),
    };
  }
}
