/**
 * The room a request names, away from a room's own device: "is the boardroom free at 3", "book the
 * fishbowl for 30 minutes", "reserve conference room 2 for my meeting". The words between the verb and
 * what follows the room (free, for, at, until, in 10 minutes, a day) are the name; "this room", "a room" name none. The
 * directory decides whether the name is a room.
 */
const NAMED = /\b(?:is|are|book|reserve|grab|hold)\s+(?:the\s+|our\s+)?(.+?)(?:\s+(?:free|available|busy|booked|taken|open|empty|in use|for|at|on|from|until|till|til|by|between|after|before|around|starting|in \d+|in (?:an?|one|two|three|half|ten|fifteen|twenty|thirty|forty|five)|tomorrow|today|tonight|this|next|now|please|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|$)/;
const NOT_A_NAME = /^(this|that|a|an|any|my|the|some)?\s*(free |empty |meeting |conference )?(room|space)s?$/;

export function roomNamed(text: string): string | undefined {
  return aRoomName(NAMED.exec(text.toLowerCase().replace(/[?!.,]/g, ''))?.[1]);
}

/** Words said where a room's name goes, unless they name none ("this room", "a room", "it", "here"). */
export function aRoomName(said: string | undefined): string | undefined {
  // ("book the boardroom too": "too" is the request's, not the room's.)
  const name = said?.toLowerCase().trim().replace(/\s+(?:too|as well|also|please|instead|then)$/, '');
  if (!name || NOT_A_NAME.test(name) || /^(it|i|we|you|there|here|anyone|anybody|someone|somebody|this|that|in|out)\b/.test(name) || name.split(' ').length > 4) return undefined;
  return name;
}
