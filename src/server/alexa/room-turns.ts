/**
 * What anyone may ask a room's Echo without a linked account: the room's own intents, and the turns around
 * them (opening the skill, help, "yes" to "shall I book it?", the session ending). A personal calendar still
 * needs a linked account.
 */
const AROUND_ROOM_INTENTS = new Set(['LaunchRequest', 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.HelpIntent', 'AMAZON.FallbackIntent', 'SessionEndedRequest']);

/** True for `Room…Intent` (interaction-model.json) and the turns around them. */
export function isRoomDeviceTurn(intent: string): boolean {
  return AROUND_ROOM_INTENTS.has(intent) || /^Room\w*Intent$/.test(intent);
}
