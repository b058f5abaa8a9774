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
  /** The message as it will be sent ("I'm travelling."); undefined when one was asked for but not caught. */
  readonly message: string | undefined;
  /** Whom it was said for, when a name ("tell dave ..."): it goes to the organizer, who may be someone else. */
  readonly to?: string;
}

/** An answer to an invitation, said first (the verbs the NLU takes for one). */
const REPLY_VERB = /^(?:(?:please|can you|could you|would you|go ahead and)\s+)*(?:decline|reject|turn down|say no to|rsvp no to|accept|say yes to|rsvp yes to|tentatively accept|rsvp maybe to)\b/i;

/**
 * Where a message starts, and how its words become the message. A verb that could be part of a meeting's
 * name ("accept the invite to say goodbye drinks", "the show and tell") opens a message only after a break:
 * a comma, "and" or "then".
 */
const OPENINGS: readonly { readonly re: RegExp; readonly words: 'as said' | 'after whom' | 'a request' | 'a reason' }[] = [
  { re: /(?:,\s*|\s+)(?:and|then)\s+let\s+(?<to>\S+(?:\s+\S+)?)\s+know(?:\s+that)?(?<rest>(?:\s+.*)?)$/i, words: 'as said' },
  { re: /(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)(?:also\s+)?tell\s+(?<rest>.*)$/i, words: 'after whom' },
  { re: /(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)(?:also\s+)?(?:mention|add|note)\s+that(?<rest>\s+.*)$|(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)(?:also\s+)?mention(?<rest2>\s+.*)$/i, words: 'as said' },
  { re: /(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)(?:say(?!\s+(?:yes|no)\b)|write)(?:\s+that)?[:,]?(?<rest>\s+.*)$/i, words: 'as said' },
  { re: /[,;]?\s+saying(?:\s+that)?[:,]?(?<rest>(?:\s+.*)?)$/i, words: 'as said' },
  { re: /[,;]?\s+with\s+(?:a|the|this)\s+(?:message|note|comment|reason)(?:\s+that|\s+saying(?:\s+that)?)?[:,]?(?<rest>(?:\s+.*)?)$/i, words: 'as said' },
  { re: /[,;]?\s+(?:because|since)(?<rest>\s+.*)$/i, words: 'a reason' },
  // ("decline the offsite, I'm travelling that week": a sentence of one's own after a comma or a full stop.)
  { re: /[,;.]\s*(?<rest>(?:i'm|im|i am|i'll|i will|i can't|i cannot|i won't|sorry|unfortunately)\b.*)$/i, words: 'as said' },
  { re: /(?:,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+)ask\s+(?:them|him|her|everyone|the organi[sz]er|\S+)\s+to(?<rest>\s+.*)$/i, words: 'a request' },
];

/** A message asked for in words none of the openings reads ("and message dave that ...", "ask him if ..."): said not caught. */
const MESSAGE_ASKED = /\s+(?:and|then)\s+(?:tell(?!\s+(?:me|us|on|in|at|for|about|with|from|session|meeting)\b)|let|say|write|message|ask)\b|\s+with\s+(?:a|the)\s+(?:message|note|comment|reason)\b|\s+saying\b/i;

/** Words a message starts with, after "tell" and whom ("tell bob smith I'm late": "I'm" starts it). */
const STARTS_MESSAGE = new Set(['i', "i'm", 'im', "i'll", "i've", "i'd", 'we', "we're", "we'll", 'my', 'our', 'sorry', 'unfortunately', "can't", 'cant', 'cannot', "won't", 'not', 'no', 'please', 'thanks', 'thank', 'it', "it's", 'this', 'the', 'he', 'she', 'they', 'something', 'running', 'stuck', 'out', 'off', 'sick', 'travelling', 'traveling', 'busy', 'late', 'that', 'yes', 'happy', 'glad', 'see', 'will', 'let', "let's", 'lets', 'maybe', 'probably', 'just', 'still', 'have', 'got', 'congrats', 'congratulations', 'good', 'great']);

/**
 * After "tell", words that are nobody to tell: "tell me when it starts" asks the assistant; "the show and tell on
 * friday" is a meeting's name.
 */
const NOT_FOR_THE_ORGANIZER = /^(?:me|us|on|in|at|for|about|with|from|session|meeting)\b/i;

/** Whom "tell" names, when it is a person's name (not "them", "the organizer"). */
const NOT_A_NAME = /^(?:them|him|her|everyone|everybody|all|the\b.*|organi[sz]er)$/i;

/** "tell dave smith ...": the words after "tell" that say whom. */
function whomTold(rest: string): string | undefined {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const n = lower.length > 2 && lower[0] !== 'the' && !STARTS_MESSAGE.has(lower[1]!) && STARTS_MESSAGE.has(lower[2]!) ? 2 : 1;
  const whom = words.slice(0, n).join(' ');
  return whom && !NOT_A_NAME.test(whom) ? whom : undefined;
}

/** After "tell": whom ("them", "dave", "bob smith", "the team lead"), then the message; "tell dave to ..." asks him to. */
function afterTell(rest: string): string | undefined {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const lower = words.map((w) => w.toLowerCase());
  // Whom: "the" and a word or two ("the organizer", "the team lead"), or a name of one or two words ("bob
  // smith" when the word after it starts the message).
  let i = 1;
  if (lower[0] === 'the') i = lower.length > 3 && !STARTS_MESSAGE.has(lower[2]!) && STARTS_MESSAGE.has(lower[3]!) ? 3 : 2;
  else if (lower.length > 2 && !STARTS_MESSAGE.has(lower[1]!) && STARTS_MESSAGE.has(lower[2]!)) i = 2;
  if (lower[i] === 'that') i++;
  // ("tell dave to go ahead without me": a request of him.)
  if (lower[i] === 'to' && words.length > i + 1) return `please ${words.slice(i + 1).join(' ')}`;
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

/** The message an opening's words make. */
function messageOf(rest: string, words: (typeof OPENINGS)[number]['words']): string | undefined {
  switch (words) {
    case 'as said':
      return asSent(rest);
    case 'after whom':
      return asSent(afterTell(rest) ?? '');
    case 'a request':
      return asSent(`could you ${rest.trim().replace(/[.!?]+$/, '')}?`);
    case 'a reason':
      // ("because I'm sick": the reason is the message; "because of a clash" keeps its "because".)
      return asSent(/^\s*of\b/i.test(rest) ? `because${rest}` : rest);
  }
}

/** The request and its message, when the words answer an invitation and say something for its organizer. */
export function replyWithMessage(said: string): ReplyWithMessage | undefined {
  // (One line: a message typed over several lines is still one message.)
  const text = said.replace(/\s+/g, ' ').trim();
  if (!REPLY_VERB.test(text)) return undefined;
  let found: { index: number; message: string | undefined; to?: string } | undefined;
  for (const { re, words } of OPENINGS) {
    const m = re.exec(text);
    if (!m || (found && found.index <= m.index)) continue;
    // ("tell me when it starts": a question for the assistant, no message.)
    if (words === 'after whom' && NOT_FOR_THE_ORGANIZER.test((m.groups?.rest ?? '').trim())) continue;
    const to = words === 'after whom' ? whomTold(m.groups?.rest ?? '') : m.groups?.to !== undefined && !NOT_A_NAME.test(m.groups.to) ? m.groups.to : undefined;
    found = { index: m.index, message: messageOf(m.groups?.rest ?? m.groups?.rest2 ?? '', words), ...(to ? { to } : {}) };
  }
  // Asked for, in words none of the openings reads: the answer goes alone, and says so.
  const asked = found ? undefined : MESSAGE_ASKED.exec(text);
  if (asked) found = { index: asked.index, message: undefined };
  if (!found) return undefined;
  const request = text.slice(0, found.index).trim();
  // ("decline it, and tell": the request still stands without the message.)
  return request ? { request, message: found.message, ...(found.to && found.message !== undefined ? { to: found.to } : {}) } : undefined;
}
