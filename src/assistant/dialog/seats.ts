/** How many seats a request for a room asks for. */

const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30 };

/** "a room for 6 people", "for ten of us": the seats asked for, if said. */
export function seatsAsked(text: string): number | undefined {
  const m = /\bfor (\d+|[a-z]+) (?:people|persons|attendees|participants|guests|of us|seats)\b/i.exec(text);
  if (!m) return undefined;
  return /^\d+$/.test(m[1]!) ? Number(m[1]) : COUNT_WORDS[m[1]!.toLowerCase()];
}
