import type { CalendarEvent, TimeWindow } from '../../domain/calendar.js';
import type { CalendarProvider } from '../../providers/calendar-provider.js';
import type { Act, Explanation, Pending } from './acts.js';
import type { RoomDesk } from './rooms.js';
import type { DialogState, DialogStore } from './state.js';
import type { DialogIntent, Understand } from './understanding.js';

export interface TurnInput {
  readonly text: string;
  /** The mailbox whose calendar this is (the signed-in user's, or an admin's test mailbox). */
  readonly user: string;
  readonly sessionId: string;
  readonly now: Date;
  readonly timeZone: string;
  /** Set when the request comes from a room's device: room_* requests (and "check in") go to its desk. */
  readonly room?: { readonly id: string; readonly email: string; readonly name: string };
  readonly desk?: RoomDesk;
}

export interface TurnDeps {
  readonly provider: CalendarProvider;
  readonly store: DialogStore;
  readonly understand: Understand;
}

export interface TurnResult {
  readonly intent: DialogIntent;
  readonly act: Act;
  /** The events the answer is about (for the API and the console). */
  readonly events: readonly CalendarEvent[];
  readonly pending?: Pending;
  readonly explanation?: Explanation;
}

/** How a turn ends: the act decided, the events it is about, what waits for the next words, and why. */
export type Done = (act: Act, events?: readonly CalendarEvent[], pending?: Pending, explanation?: Explanation) => Promise<TurnResult>;

/** The events overlapping a window as the dialog sees them: those shown, all of them, and the read's explanation. */
export type List = (window: TimeWindow) => Promise<{ shown: CalendarEvent[]; all: CalendarEvent[]; explanation: Explanation }>;

/** One turn's means, for the parts of the dialog that answer it: its words, how it ends, the calendar, the last turn's state. */
export interface Turn {
  readonly input: TurnInput;
  readonly done: Done;
  readonly list: List;
  /** What the last turn left (read once, when first needed). */
  readonly stateOf: () => Promise<DialogState>;
}

/** How many events "Which one?" offers (the rest are counted, and a name or a day narrows them). */
export const WHICH_AT_MOST = 4;
