/**
 * The contract between the Alexa endpoint and the assistant. The endpoint knows Alexa (envelopes,
 * signatures, cards); the assistant knows calendars. Neither sees the other's types: a request becomes
 * a neutral {@link AssistantTurn}, and the assistant's {@link AssistantReply} becomes an Alexa response.
 */

/** Who is speaking: the Alexa account, and the Concierge user it is linked to (when it is). */
export interface AlexaUserRef {
  /** `context.System.user.userId`: stable per Alexa account and skill enablement. */
  readonly alexaUserId: string;
  /** The account-linking access token Alexa holds for this user (absent until the user links). */
  readonly accessToken?: string;
  /**
   * The Concierge user that `resolveUser(accessToken)` returned. Every turn that reaches `answer` has one,
   * except room intents from a room's device, which may come from anyone in the room.
   */
  readonly userId?: string;
}

/** The meeting room an Echo stands in (an admin registered its device id under Rooms). */
export interface AlexaRoomRef {
  readonly id: string;
  /** The room mailbox's primary SMTP address. */
  readonly email: string;
  readonly name: string;
}

/**
 * One thing a person said (or did), in channel-neutral terms.
 *
 * `intent` is the interaction model's intent name (`ReadCalendarIntent`, `AMAZON.YesIntent`, ...), or the
 * request type for requests without one: `LaunchRequest` ("Alexa, open concierge") and `SessionEndedRequest`
 * (the session closed; `slots.reason` is USER_INITIATED, ERROR or EXCEEDED_MAX_REPROMPTS, and `slots.error`
 * the error type if any: a chance to drop dialog state, nothing can be said).
 *
 * `slots` holds every slot the intent declares; an unfilled slot is present with the value `undefined`.
 * Values are Alexa's: AMAZON.DATE `2026-12-08`, `2026-W50`, `2026-W50-WE`, `2026-12`; AMAZON.TIME `14:30`,
 * or `MO`/`AF`/`EV`/`NI` for morning, afternoon, evening, night; AMAZON.DURATION ISO 8601 (`PT30M`). For custom
 * slot types with entity resolution (ROOM_NAME), the canonical value replaces the spoken one.
 */
export interface AssistantTurn {
  readonly channel: 'alexa';
  readonly userRef: AlexaUserRef;
  /** Alexa's session id; falls back to the request id for the rare request without a session. */
  readonly sessionId: string;
  readonly intent: string;
  readonly slots: Readonly<Record<string, string | undefined>>;
  /** BCP 47, e.g. `en-US`. */
  readonly locale: string;
  /** ISO 8601, when Alexa sent the request (already checked to be within 150 s of now). */
  readonly timestamp: string;
  /** The Echo that heard it: room intents ("is this room free?") map a device to a room. */
  readonly deviceId?: string;
  /** The room that device is registered to, if any: "this room" means it, and room intents need no linked user. */
  readonly room?: AlexaRoomRef;
  /** True on the first request of a session. */
  readonly newSession: boolean;
}

/** What the assistant says back. */
export interface AssistantReply {
  /** Plain text of the answer (for logs, chat-style surfaces and cards). */
  readonly text: string;
  /** SSML, with or without the surrounding `<speak>` element; the assistant escapes what it interpolates. */
  readonly ssml: string;
  /** True when the conversation is over; false keeps the microphone open for a follow-up ("yes"). */
  readonly endSession: boolean;
  /** SSML spoken if the user says nothing after `ssml` (only used when `endSession` is false). */
  readonly reprompt?: string;
  /** Adds a LinkAccount card, e.g. when the token's Concierge session was revoked. */
  readonly linkAccount?: boolean;
}

/** The assistant, as the Alexa endpoint sees it. */
export type Answer = (turn: AssistantTurn) => Promise<AssistantReply>;

/**
 * Maps an account-linking access token to a Concierge user id, or `undefined` when the token is unknown,
 * expired or revoked (the user is then asked to link again).
 */
export type ResolveUser = (accessToken: string) => Promise<string | undefined>;

/** Maps `context.System.device.deviceId` to the room whose device it is, or `undefined`. */
export type ResolveRoom = (deviceId: string) => Promise<AlexaRoomRef | undefined>;
