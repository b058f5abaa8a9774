/**
 * The words for the organizer said with an answer to an invitation: "decline the berlin sync and tell
 * dave I'm travelling", "accept it and let them know I'll be late", "decline my 3pm because I'm out sick".
 * Exchange sends them as the body of the meeting response, as Outlook's "Edit the response before
 * sending" does. They are no part of the request: "tomorrow" in "tell him I'm off tomorrow" is not the
 * meeting's day, so the request is understood without them.
 */

/** A request to answer a meeting, and the message said with it. */
export interface ReplyWithMessage {
  /** The words before the message ("decline the berlin sync"). */
  readonly request: string;
  /** The message as it will be sent ("I'm travelling."); undefined when one was asked for but no words followed. */
  readonly message: string | undefined;
}

/** An answer to an invitation, said first (the same verbs the NLU takes for one). */
const REPLY_VERB = /^(?:(?:please|can you|could you|would you|go ahead and)\s+)*(?:decline|reject|turn down|say no to|rsvp no to|accept|say yes to|rsvp yes to|tentatively accept|rsvp maybe to)\b/i;

/**
 * Where a message starts. `to` is whom it is for, when said; `rest` holds the words after the opening.
 * (Order matters only for the same position: the earliest opening in the sentence wins.)
 */
const OPENINGS: readonly RegExp[] = [
  /[,;]?\s+(?:and\s+|then\s+)?let\s+(?<to>\S+(?:\s+\S+)?)\s+know(?:\s+that)?(?<rest>(?:\s+.*)?)$/i,
  /[,;]?\s+(?:and\s+|then\s+)?tell\s+(?<rest>.*)$/i,
  /[,;]?\s+(?:and\s+|then\s+)?(?:say(?!\s+(?:yes|no)\b)|write|add)(?:\s+that)?[:,]?(?<rest>\s+.*)$/i,
  /[,;]?\s+saying(?:\s+that)?[:,]?(?<rest>(?:\s+.*)?)$/i,
  /[,;]?\s+with\s+(?:a|the|this)\s+(?:message|note|comment|reason)(?:\s+that|\s+saying(?:\s+that)?)?[:,]?(?<rest>(?:\s+.*)?)$/i,
  /[,;]?\s+(?:because|since)(?<rest>\s+.*)$/i,
  /[,;]?\s+(?:and\s+|then\s+)?ask\s+(?:them|him|her|everyone|the organi[sz]er|\S+)\s+to(?<ask>\s+.*)$/i,
];

/** Words a message starts with, after "tell" and whom ("tell bob smith I'm late": "I'm" starts it). */
const STARTS_MESSAGE = new Set(['i', "i'm", 'im', "i'll", "i've", "i'd", 'we', "we're", "we'll", 'my', 'our', 'sorry', 'unfortunately', "can't", 'cant', 'cannot', "won't", 'not', 'no', 'please', 'thanks', 'thank', 'it', "it's", 'this', 'the', 'he', 'she', 'they', 'something', 'running', 'stuck', 'out', 'off', 'sick', 'travelling', 'traveling', 'busy', 'late', 'on', 'in', 'at', 'to', 'that', 'yes', 'happy', 'glad', 'see', 'will', "i've", 'let', "let's", 'lets', 'maybe', 'probably', 'just', 'still', 'have', 'got']);

/** After "tell": whom ("them", "dave", "bob smith", "the organizer"), then the message ("that" optional). */
function afterTell(rest: string): string | undefined {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  let i = words[0]!.toLowerCase() === 'the' ? 2 : 1;
  // ("tell bob smith I'm late": a second name word, when the word after it starts the message.)
  if (i === 1 && words.length > 2 && !STARTS_MESSAGE.has(words[1]!.toLowerCase()) && STARTS_MESSAGE.has(words[2]!.toLowerCase())) i = 2;
  if (words[i]?.toLowerCase() === 'that') i++;
  const message = words.slice(i).join(' ');
  return message || undefined;
}

/** As sent: a capital first letter, "I" for "i", and a full stop unless a question or exclamation ends it. */
function asSent(words: string): string | undefined {
  const trimmed = words.trim().replace(/[\s,;:]+$/, '');
  if (!trimmed) return undefined;
  const fixed = trimmed.replace(/\bi\b/g, 'I').replace(/\bi'(m|ll|ve|d)\b/g, "I'$1");
  const capital = fixed[0]!.toUpperCase() + fixed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The request and its message, when the words answer an invitation and say something for its organizer. */
export function replyWithMessage(text: string): ReplyWithMessage | undefined {
  if (!REPLY_VERB.test(text.trim())) return undefined;
  let found: { index: number; message: string | undefined } | undefined;
  for (const opening of OPENINGS) {
    const m = opening.exec(text);
    if (!m || (found && found.index <= m.index)) continue;
    const { rest, ask } = m.groups ?? {};
    const words = ask !== undefined ? asSent(`could you ${ask.trim().replace(/[.!?]+$/, '')}?`) : opening === OPENINGS[1] ? asSent(afterTell(rest ?? '') ?? '') : asSent(rest ?? '');
    found = { index: m.index, message: words };
  }
  if (!found) return undefined;
  const request = text.slice(0, found.index).trim();
  // ("decline it, and tell": the request still stands without the message.)
  return request ? { request, message: found.message } : undefined;
}
