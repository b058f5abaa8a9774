import type { Kysely } from 'kysely';
import { Assistant, type AskInput, type AssistantAnswer } from '../../assistant/assistant.js';
import type { Pending } from '../../assistant/dialog/acts.js';
import type { RoomDesk } from '../../assistant/dialog/rooms.js';
import { dayWindow } from '../../assistant/dialog/timing.js';
import { visible } from '../../assistant/dialog/visible.js';
import { admins, exchangeLinks, people, type Tables } from '../../persistence/index.js';
import { EwsCalendarProvider } from '../../providers/ews/ews-provider.js';
import { AuditedProvider } from '../assistant/audited-provider.js';
import { RoomSeatsProvider } from '../assistant/room-seats.js';
import { DbDialogStore } from '../assistant/db-dialog-store.js';
import type { EwsClientPool } from '../exchange/client-pool.js';
import type { AlexaRoomRef, Answer, AssistantReply, AssistantTurn } from './turn.js';
import { EXIT_INTENTS } from './exit-intents.js';
import { isRoomDeviceTurn } from './room-turns.js';
import { repromptText, WHAT_NEXT } from './reprompt.js';
import { checkSlots } from './slot-checks.js';
import { understandAlexaTurn } from './understanding.js';
import { welcomeText } from './welcome.js';
import { isKnownZone } from '../time-zones.js';
import { escapeSsml } from '../../assistant/render/phrases.js';

/**
 * The assistant behind the Alexa endpoint: the same {@link Assistant}, audited calendar provider and database
 * dialog store as POST /api/v1/assistant/ask, with Alexa's intents and slots as the understanding. Whose
 * calendar it reads is decided here, from the account linking (the person's mailbox and time zone) and the
 * device's room; the skill has already made sure that a turn without a linked user is a room device's room turn.
 */

/** A room's desk (the rooms feature: status, book, end, extend; its writes audited as `actor`) and its zone. */
export type RoomDeskFor = (room: AlexaRoomRef, actor: string) => Promise<{ readonly desk: RoomDesk; readonly timeZone: string } | undefined>;

export interface CalendarAnswerDeps {
  readonly db: Kysely<Tables>;
  readonly pool: EwsClientPool;
  /** Without it (a server without the rooms feature) room intents get the dialog's "rooms are not set up". */
  readonly roomDesk?: RoomDeskFor;
}

export const SPEECH = {
  goodbye: 'Goodbye.',
  help: 'You can ask what is on your calendar today, when your next meeting is, whether you are free tomorrow at three, or have me schedule, move or cancel a meeting. What would you like to do?',
  roomHelp: (room: string) => `This is ${room}. You can ask: is this room free, book this room for thirty minutes, extend the meeting, end the meeting, or who booked this room.`,
  calendarNotLinked: 'Your Concierge account is not connected to your Exchange calendar yet. Sign in to the Concierge console, link your calendar on your own page, then ask me again.',
  calendarFailing: 'Concierge could not reach your Exchange calendar the last time it tried. Your page in the Concierge console says why; ask your administrator if it does not help.',
  revoked: 'Your administrator has ended your access to Concierge.',
  noExchange: 'Concierge is not connected to Exchange yet. Ask your administrator to link the Exchange service account in the Concierge console.',
} as const;

/** At a room's device these get the room's help (what to ask the room), not a person's. */
const ROOM_HELP_TURNS: ReadonlySet<string> = new Set(['LaunchRequest', 'AMAZON.HelpIntent', 'AMAZON.FallbackIntent']);

/** Whose calendar a turn is about, or the reply that explains why there is none. */
type Asker =
  | { readonly kind: 'person'; readonly actor: string; readonly mailbox: string; readonly timeZone: string; readonly room?: AlexaRoomRef }
  | { readonly kind: 'room'; readonly actor: string; readonly room: AlexaRoomRef }
  | { readonly kind: 'refused'; readonly reply: AssistantReply };

/**
 * What was said, when the words themselves are the answer: "Bob Smith" or "the second one" to "Which Bob
 * do you mean?" (PersonAnswerIntent). Other turns are understood from their slots alone.
 */
function spokenAnswer(turn: AssistantTurn): string | undefined {
  if (turn.intent !== 'PersonAnswerIntent') return undefined;
  if (turn.slots.person) return turn.slots.person;
  const ordinal = turn.slots.ordinal;
  if (!ordinal) return undefined;
  const n = Number.parseInt(ordinal, 10);
  return `the ${Number.isInteger(n) && n >= 1 ? (['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`) : ordinal} one`;
}

const speak = (text: string) => `<speak>${escapeSsml(text)}</speak>`;

/** Words to say; with `endSession` false the microphone stays open and a silent person hears `reprompt`. */
const say = (text: string, endSession = true, reprompt = WHAT_NEXT): AssistantReply => ({ text, ssml: speak(text), endSession, ...(endSession ? {} : { reprompt: speak(reprompt) }) });

/** The Alexa endpoint's {@link Answer}, backed by the assistant. */
export function calendarAnswer(deps: CalendarAnswerDeps): Answer {
  // Keyed by Alexa's session id and the mailbox: session ids come from verified Alexa requests, not from callers.
  const store = new DbDialogStore(deps.db);

  async function asker(turn: AssistantTurn): Promise<Asker> {
    const accountId = turn.userRef.userId;
    const account = accountId ? await admins.findById(deps.db, accountId) : undefined;
    const person = account ? await people.forAccount(deps.db, account.id) : undefined;
    if (account && person?.state === 'linked' && person.mailbox) {
      const zone = person.timeZone && isKnownZone(person.timeZone) ? person.timeZone : 'UTC';
      return { kind: 'person', actor: `alexa:${account.email}`, mailbox: person.mailbox, timeZone: zone, ...(turn.room ? { room: turn.room } : {}) };
    }
    // A room's device answers room questions for whoever is in the room, linked or not.
    if (turn.room && isRoomDeviceTurn(turn.intent)) return { kind: 'room', actor: account ? `alexa:${account.email}` : `alexa:room:${turn.room.email}`, room: turn.room };
    if (!person || person.state === 'invited' || person.state === 'accepted') return { kind: 'refused', reply: say(SPEECH.calendarNotLinked) };
    if (person.state === 'revoked') return { kind: 'refused', reply: say(SPEECH.revoked) };
    return { kind: 'refused', reply: say(SPEECH.calendarFailing) };
  }

  return async (turn) => {
    // Alexa takes no speech after a session ends; pending state expires on its own.
    if (turn.intent === 'SessionEndedRequest') return { text: '', ssml: '', endSession: true };
    if (EXIT_INTENTS.has(turn.intent)) return say(SPEECH.goodbye);
    const who = await asker(turn);
    if (who.kind === 'refused') return who.reply;
    // A room's Echo is the room's, whoever speaks: opening the skill, help, or words Alexa could not place get the room's help.
    if (who.room && ROOM_HELP_TURNS.has(turn.intent)) return say(SPEECH.roomHelp(who.room.name), false);
    if (turn.intent === 'AMAZON.HelpIntent') return say(SPEECH.help, false);
    const check = checkSlots(turn);
    if (check.kind === 'say') return say(check.text, false);
    const link = await exchangeLinks.getActive(deps.db);
    if (!link) return say(SPEECH.noExchange);

    const room = who.room;
    const desk = room && deps.roomDesk ? await deps.roomDesk(room, who.actor) : undefined;
    const mailbox = who.kind === 'person' ? who.mailbox : who.room.email;
    const timeZone = who.kind === 'person' ? who.timeZone : (desk?.timeZone ?? 'UTC');
    // Alexa's timestamp (verified to be within 150 s) is "now" for the words the person used.
    const now = new Date(turn.timestamp);
    const understanding = understandAlexaTurn(check.kind === 'day_needed' ? check.turn : turn, timeZone, now);
    const ews = new EwsCalendarProvider((fn) => deps.pool.use((client) => fn(client), link), { server: new URL(link.ewsUrl).host, account: link.upn, method: link.access });
    // Confirmed calendar writes are audited by the provider; room writes by the room's desk.
    const provider = new AuditedProvider(new RoomSeatsProvider(ews, deps.db), deps.db, { actor: who.actor, mailbox });
    if (turn.intent === 'LaunchRequest') return say(welcomeText(visible(await provider.listEvents(mailbox, dayWindow(now, timeZone), timeZone)).shown, now, timeZone), false);
    const assistant = new Assistant(provider, store, () => understanding);
    // The understanding comes from the slots. The text is only what was said when the words are the answer
    // ("Bob Jones"); otherwise it is empty, because the dialog may take the text as a name ("Which event should
    // I cancel?") and say it back: nothing internal may ever be spoken.
    const input: AskInput = { user: mailbox, text: spokenAnswer(turn) ?? '', sessionId: turn.sessionId, now, timeZone, ...(room ? { room } : {}), ...(desk ? { desk: desk.desk } : {}) };
    const answer = await assistant.ask(input);
    // Asked without its span of a date, the dialog asks when and waits for the answer; the question is which day.
    if (check.kind === 'day_needed' && answer.pending?.kind === 'time') return say(whichDay(answer.pending), false, 'Which day?');
    // Alexa could not place the words: the dialog re-asked its question if one was waiting, or said what it can
    // do. Either way the person gets another go (certification: a fallback keeps the session open).
    if (turn.intent === 'AMAZON.FallbackIntent' && !answer.expectsReply) return { ...withQuestion(answer, WHAT_NEXT), endSession: false, reprompt: speak(WHAT_NEXT) };
    return toReply(answer);
  };
}

function toReply(answer: AssistantAnswer): AssistantReply {
  if (!answer.expectsReply) return { text: answer.text, ssml: answer.ssml, endSession: true };
  return { text: answer.text, ssml: answer.ssml, endSession: false, reprompt: speak(repromptText(answer.pending)) };
}

/** "Which day should lunch be? …", for a new event or a move asked for on a month, a week, a year. */
function whichDay(pending: Extract<Pending, { kind: 'time' }>): string {
  const what = 'create' in pending ? pending.create.title : pending.move.subject;
  return `Which day should ${what?.trim() || 'it'} be? Say one day and a time, like Friday at 10 AM.`;
}

/** The answer with `question` (plain text) spoken after it. */
function withQuestion(answer: AssistantAnswer, question: string): Pick<AssistantReply, 'text' | 'ssml'> {
  const ssml = /<\/speak>\s*$/.test(answer.ssml) ? answer.ssml.replace(/<\/speak>\s*$/, ` ${escapeSsml(question)}</speak>`) : `${answer.ssml} ${escapeSsml(question)}`;
  return { text: `${answer.text} ${question}`, ssml };
}
