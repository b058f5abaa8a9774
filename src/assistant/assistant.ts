import { randomUUID } from 'node:crypto';
import type { CalendarEvent } from '../domain/calendar.js';
import type { CalendarProvider } from '../providers/calendar-provider.js';
import type { Explanation, Pending } from './dialog/acts.js';
import type { RoomDesk } from './dialog/rooms.js';
import type { DialogStore } from './dialog/state.js';
import { Dialog } from './dialog/turn.js';
import type { DialogIntent, Understand } from './dialog/understanding.js';
import { render } from './render/render.js';

export interface AskInput {
  readonly user: string;
  readonly text: string;
  readonly sessionId?: string;
  readonly now?: Date;
  readonly timeZone: string;
  /** The room the request was made in (a room display, a device placed in a room), and its desk. */
  readonly room?: { readonly id: string; readonly email: string; readonly name: string };
  readonly desk?: RoomDesk;
}

/** The answer every channel gets (HTTP, CLI, Alexa, chat): words, speech, and the data behind them. */
export interface AssistantAnswer {
  readonly intent: DialogIntent;
  readonly text: string;
  readonly ssml: string;
  readonly events: readonly CalendarEvent[];
  readonly pending?: Pending;
  readonly sessionId: string;
  readonly explain?: Explanation;
  /** True when the answer asks a question (a confirmation, a choice): voice channels keep the session open. */
  readonly expectsReply: boolean;
}

/** Understand -> decide -> render, with dialog state in the given store. */
export class Assistant {
  readonly #dialog: Dialog;

  constructor(provider: CalendarProvider, store: DialogStore, understand: Understand) {
    this.#dialog = new Dialog({ provider, store, understand });
  }

  async ask(input: AskInput): Promise<AssistantAnswer> {
    const sessionId = input.sessionId ?? randomUUID();
    const now = input.now ?? new Date();
    const turn = await this.#dialog.take({ text: input.text, user: input.user, sessionId, now, timeZone: input.timeZone, ...(input.room ? { room: input.room } : {}), ...(input.desk ? { desk: input.desk } : {}) });
    const words = render(turn.act, { now, timeZone: input.timeZone, user: input.user, ...(turn.explanation?.window ? { window: turn.explanation.window } : {}) });
    // (A question with nothing stored for its answer, "At what time?", still waits for the next words; so does any
    // answer that leaves something waiting, "am i free then?" to a proposal.)
    const asks = ['confirm_create', 'confirm_cancel', 'confirm_remove_cancelled', 'confirm_add_room', 'confirm_remind', 'confirm_move', 'confirm_respond', 'confirm_edit', 'ask_person', 'need_time', 'all_day_needs_day', 'which_event', 'holding', 'room_needs_time', 'rooms_not_set_up', 'which_room'].includes(turn.act.kind) || turn.pending !== undefined;
    return { intent: turn.intent, ...words, events: turn.events, ...(turn.pending ? { pending: turn.pending } : {}), sessionId, ...(turn.explanation ? { explain: turn.explanation } : {}), expectsReply: asks };
  }
}
