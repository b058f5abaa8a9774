/**
 * Short edits to a proposal waiting for "yes": "add bob smith too", "also invite ann", "with carol instead",
 * "in the boardroom", "call it sprint review". Said alone, they change the proposal rather than start a
 * request of their own; anything longer is a request and goes through understanding as usual.
 */
import { ROOM_WORDS } from './room-lookup.js';
import type { DialogSlots } from './understanding.js';

export interface ProposalEdit {
  /** Guests to invite as well (as said). */
  readonly addPeople?: readonly string[];
  /** Of those, the ones said to be optional ("add dave as optional"). */
  readonly optional?: boolean;
  /** Guests instead of those proposed. */
  readonly replacePeople?: readonly string[];
  /** "without the room", "no room": the proposal's room is dropped (and its place with it). */
  readonly removeRoom?: boolean;
  /** Guests not to invite after all ("without ann"). */
  readonly removePeople?: readonly string[];
  /** "no, bob smith": this guest instead of the one proposed who shares the first name. */
  readonly meantPerson?: string;
  readonly location?: string;
  /** `location` was said as a room to book ("book the fishbowl too"): the directory must know it as one. */
  readonly room?: true;
  readonly title?: string;
}

const NAME_LIST = String.raw`([a-z][a-z' -]*?)`;
const ADD = new RegExp(String.raw`^(?:and |also |please )*(?:add|invite|include|bring)(?: in)? ${NAME_LIST}(?: (?:too|as well|also))?$|^(?:and |also )?${NAME_LIST} (?:too|as well)$|^(?:and|also|plus) (?:with )?${NAME_LIST}$|^with ${NAME_LIST}(?: (?:too|as well|also))?$`);
const REMOVE = new RegExp(String.raw`^(?:but |and |actually,? )?(?:without|not|minus|drop|remove|uninvite|don't invite|do not invite|leave out|take out|take off) ${NAME_LIST}$`);
const INSTEAD = new RegExp(String.raw`^(?:no,? |actually,? )?(?:with|invite) ${NAME_LIST} instead$`);
/** "not bob, ann", "ann instead of bob", "ann not bob": one guest for another. */
const SWAP_NOT_FIRST = new RegExp(String.raw`^(?:no,? |actually,? )?not ${NAME_LIST}(?:,|,? but) (?:with |invite )?${NAME_LIST}(?: instead)?$`);
const SWAP_NOT_LAST = new RegExp(String.raw`^(?:no,? |actually,? )?(?:with |invite )?${NAME_LIST},? (?:instead of|not|rather than) ${NAME_LIST}$`);
/** "yes, and add dave", "yes but invite ann too": an edit said with the yes; the edit is proposed again, not written. */
const YES_AND = /^(?:yes|yeah|yep|sure|ok|okay)[,.!]? (?:and |but |also |just )?(?=\S)/;
const PLACE = /^(?:and |actually,? |no,? |make it )?(?:in|at) (?:the )?([\p{L}0-9][\p{L}0-9' &-]*?)(?: instead| please| then| rather)*$/u;
/** "book the boardroom too", "and put it in the fishbowl", "add the huddle room": the room for the event proposed. */
const ROOM_FOR_IT = /^(?:and |also |please |actually,? |no,? )*(?:(?:book|reserve|grab|use|get) (?:us |me )?|(?:put|have|hold|move) it (?:in|at|to) |add )(?:the |a )?([\p{L}0-9][\p{L}0-9' &-]*?)(?: (?:too|as well|also|for it|for that|instead|please|then))*$/u;
// ("call it off", "call it a day", "call it quits" end things; they name nothing.)
const TITLE = /^(?:actually,? |(?:yes|yeah|sure|ok|okay),? (?:but )?)?(?:(?:call|name|title) it|rename it(?: to)?|(?:change|set|make) the (?:title|name|subject)(?: of it)? to) (?!off$|a day$|quits$)(.+)$/;
/** "remove ann and add dave", "replace ann with dave", "swap ann for dave": one guest for another. */
const REMOVE_THEN_ADD = new RegExp(String.raw`^(?:but |and |actually,? |no,? )?(?:remove|drop|uninvite|take out|take off|leave out) ${NAME_LIST},? and (?:add|invite|include) ${NAME_LIST}(?: instead)?$`);
const REPLACE_WITH = new RegExp(String.raw`^(?:but |and |actually,? |no,? )?(?:replace|swap|switch) ${NAME_LIST} (?:with|for) ${NAME_LIST}$`);
/** "no, bob smith", "i meant bob jones": the guest meant, in place of one proposed of that first name. */
const MEANT = new RegExp(String.raw`^(?:no|nope|sorry|oops|actually)[,.!]? (?:i meant |i mean |with )?${NAME_LIST}$`);

const AS_OPTIONAL = /,? (?:as (?:an? )?optional(?: (?:guests?|attendees?|invitees?))?|optionally)$/;

/** Words of a "not ..." that is no guest: "not now, later", "not that one". */
const NOT_A_GUEST = /^(?:it|that|this|now|yet|really|sure|quite|so|too|exactly|today|tomorrow|then|the \S+|that one|this one)$/;

const names = (list: string): string[] => list.split(/\s*(?:,|\band\b)\s*/).map((n) => n.trim()).filter(Boolean);

/** The edit the words make to a waiting proposal, or undefined when they are not one. */
export function proposalEdit(text: string, s: DialogSlots): ProposalEdit | undefined {
  const said = text.toLowerCase().replace(/[.!?]+$/, '').replace(/\s+/g, ' ').trim();
  const yesAnd = YES_AND.exec(said);
  // ("yes and add dave": the edit; the caller proposes the changed event for a yes of its own.)
  if (yesAnd) return proposalEdit(text.trim().slice(yesAnd[0].length), s);
  const t = said;
  // A request that names a when is its own ("add bob friday at 2"), not an edit.
  if (s.start || s.window) return undefined;
  const title = TITLE.exec(t);
  // The new name as typed ("call it Sprint Review"): the same characters, before lower-casing.
  if (title) {
    const typed = text.replace(/[.!?]+$/, '').replace(/\s+/g, ' ').trim();
    return { title: typed.slice(typed.length - title[1]!.length).trim() };
  }
  // ("book the boardroom too", "and put it in the boardroom": a room, before the guest edits take the words for a name.)
  const room = ROOM_FOR_IT.exec(t);
  // (A room said as one, or with "the": "book the fishbowl too"; not "book it". After "add", only a room said
  // as one: "add the boardroom"; "add bob" is a guest.)
  const saidAsARoom = ROOM_WORDS.test(room?.[1] ?? '') || (/ the /.test(` ${t} `) && !/^(?:and |also |please |actually,? |no,? )*add /.test(t));
  // ("book the boardroom for the budget review" is a request of its own: a room for another meeting.)
  if (room && saidAsARoom && !/^(?:it|that|this|him|her|them|me|us)$/.test(room[1]!) && !/ (?:for|to|with|on|at|in|from) /.test(` ${room[1]!} `)) {
    const typed = text.trim().replace(/[.!?]+$/, '').replace(/\s+/g, ' ');
    const at = typed.toLowerCase().lastIndexOf(room[1]!);
    return { location: typed.slice(at, at + room[1]!.length), room: true };
  }
  const instead = INSTEAD.exec(t);
  if (instead) return { replacePeople: names(instead[1]!) };
  const removeThenAdd = REMOVE_THEN_ADD.exec(t) ?? REPLACE_WITH.exec(t);
  if (removeThenAdd && !NOT_A_GUEST.test(removeThenAdd[1]!) && !NOT_A_GUEST.test(removeThenAdd[2]!)) return { removePeople: names(removeThenAdd[1]!), addPeople: names(removeThenAdd[2]!) };
  // ("no, bob smith": two words at most, a name; "no, tomorrow" or "no, the standup" are not.)
  const meant = MEANT.exec(t);
  if (meant && /^[a-z'-]+(?: [a-z'-]+)?$/.test(meant[1]!) && !NOT_A_GUEST.test(meant[1]!) && !/^(?:thanks|thank you|way|problem|worries|never mind|nevermind|wait|stop|cancel|thursday|monday|tuesday|wednesday|friday|saturday|sunday|tomorrow|today|tonight|noon|morning|afternoon|evening)\b/.test(meant[1]!)) return { meantPerson: meant[1]! };
  const swapFirst = SWAP_NOT_FIRST.exec(t);
  if (swapFirst && !NOT_A_GUEST.test(swapFirst[1]!) && !NOT_A_GUEST.test(swapFirst[2]!)) return { removePeople: names(swapFirst[1]!), addPeople: names(swapFirst[2]!) };
  const swapLast = SWAP_NOT_LAST.exec(t);
  if (swapLast && !NOT_A_GUEST.test(swapLast[1]!) && !NOT_A_GUEST.test(swapLast[2]!)) return { removePeople: names(swapLast[2]!), addPeople: names(swapLast[1]!) };
  if (/^(?:but |and |actually,? )?(?:without|no|drop|remove|take out|take off|leave out) (?:the |a )?(?:room|boardroom|meeting room)$/.test(t)) return { removeRoom: true };
  const remove = REMOVE.exec(t);
  // ("drop it", "not really", "not yet": a no, not a guest.)
  if (remove && !/^(it|that|this|really|yet|now|sure|quite|so|too|exactly|the \S+)$/.test(remove[1]!)) return { removePeople: names(remove[1]!) };
  if (remove) return undefined;
  // "add dave as optional", "invite ann as an optional attendee": added, and optional.
  const optional = AS_OPTIONAL.exec(t);
  const add = ADD.exec(optional ? t.slice(0, optional.index) : t);
  if (add && optional && !/^the\s/.test(add[1] ?? add[2] ?? add[3] ?? add[4]!)) return { addPeople: names(add[1] ?? add[2] ?? add[3] ?? add[4]!), optional: true };
  // ("and the boardroom" names no one: a place, left to the place edit below.)
  if (add && !/^the\s/.test(add[1] ?? add[2] ?? add[3] ?? add[4]!)) return { addPeople: names(add[1] ?? add[2] ?? add[3] ?? add[4]!) };
  const place = PLACE.exec(t);
  // The place as typed ("at Café Rouge").
  if (place) {
    const typed = text.trim().replace(/[.!?]+$/, '').replace(/\s+/g, ' ');
    const at = typed.toLowerCase().lastIndexOf(place[1]!);
    return { location: typed.slice(at, at + place[1]!.length) };
  }
  return undefined;
}
