/**
 * The built-in intents that end a conversation: "stop", "cancel" and "go home" (AMAZON.NavigateHomeIntent, which
 * Alexa sends when a person leaves the skill on a device with a screen). Certification expects each to close the
 * session quietly for everyone, linked or not, at a person's Echo or a room's: no LinkAccount card, no help.
 * One list, so the skill (before account linking) and the assistant (after it) cannot disagree.
 */
export const EXIT_INTENTS: ReadonlySet<string> = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent']);
