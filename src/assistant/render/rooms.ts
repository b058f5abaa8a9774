import type { Act } from '../dialog/acts.js';
import type { Booking, DeskOutcome, RoomStatus } from '../dialog/rooms.js';
import { localTime, startsLocalDay } from './local-time.js';
import { andList, bareDayLabel, dayLabel, spokenDuration, spokenTime } from './phrases.js';

type RoomAct = Extract<Act, { kind: 'room_status' | 'room_outcome' | 'room_found' | 'room_free_at' | 'room_book_later' }>;

/** Times in the room's own zone: people in the room read its clock. */
function at(iso: string, status: RoomStatus): string {
  const zone = status.room.timeZone ?? 'UTC';
  const t = localTime(iso, zone);
  const day = dayLabel(t, localTime(status.now, zone));
  return day === 'today' ? spokenTime(t) : `${spokenTime(t)} ${day}`;
}

const who = (b: Booking) => b.organizer?.name || b.organizer?.email;
const whose = (b: Booking) => (who(b) ? `${who(b)}'s` : "The organizer's");

/** "today", "tomorrow", "on Friday": the day of `iso` on the room's clock. */
function dayOf(iso: string, status: RoomStatus): string {
  const zone = status.room.timeZone ?? 'UTC';
  return dayLabel(localTime(iso, zone), localTime(status.now, zone));
}

/** "all day tomorrow", "tomorrow from noon to 5 PM": a day or a part of one asked about, on the room's clock. */
function spanWords(start: string, end: string, s: RoomStatus): string {
  const zone = s.room.timeZone ?? 'UTC';
  const [from, to] = [localTime(start, zone), localTime(end, zone)];
  const day = dayOf(start, s);
  if (startsLocalDay(from) && startsLocalDay(to)) return `all day ${day}`;
  return `${day === 'today' ? '' : `${day} `}from ${spokenTime(from)} to ${spokenTime(to)}`;
}

/** "is this room free tomorrow": yes for all of it, else when it is booked then. */
function spanAnswer(act: Extract<RoomAct, { kind: 'room_free_at' }>): string {
  const s = act.status;
  const when = spanWords(act.start, act.end, s);
  if (act.clash.length === 0) return `Yes, ${s.room.name} is free ${when}.`;
  const zone = s.room.timeZone ?? 'UTC';
  const spans = act.clash.slice(0, 3).map((b) => `from ${spokenTime(localTime(b.start, zone))} to ${spokenTime(localTime(b.end, zone))}${who(b) ? ` by ${who(b)}` : ''}`);
  const more = act.clash.length > 3 ? `, and ${act.clash.length - 3} more ${act.clash.length === 4 ? 'time' : 'times'}` : '';
  // Free the rest of the time unless the bookings cover it all.
  let covered = Date.parse(act.start);
  for (const b of [...act.clash].sort((a, c) => Date.parse(a.start) - Date.parse(c.start))) if (Date.parse(b.start) <= covered) covered = Math.max(covered, Date.parse(b.end));
  const rest = covered >= Date.parse(act.end) ? '' : ', and free the rest of the time';
  const lead = when.replace(/^all day /, '');
  return `${lead.charAt(0).toUpperCase()}${lead.slice(1)}, ${s.room.name} is booked ${andList(spans)}${more}${rest}.`;
}

function freeSentence(s: RoomStatus): string {
  if (s.state === 'free') return s.freeUntil ? `${s.room.name} is free until ${at(s.freeUntil, s)}.` : `${s.room.name} is free for the rest of the day.`;
  return `${s.room.name} is booked until ${at(s.busyUntil ?? s.current!.end, s)}.`;
}

function whoBooked(s: RoomStatus): string {
  const b = s.current ?? s.next;
  if (!b) return `Nobody has booked ${s.room.name} for the rest of the day.`;
  const name = who(b);
  const when = b === s.current ? 'now' : `next, from ${at(b.start, s)}`;
  if (!name) return `${s.room.name} is booked ${when}, until ${at(b.end, s)}. I can see only its free/busy times, not who booked it.`;
  return `${name} booked ${s.room.name} ${when}, until ${at(b.end, s)}.`;
}

/** The sentence for what a room action did (also the room display's message). */
export function outcomeSentence(o: DeskOutcome, s: RoomStatus): string {
  switch (o.kind) {
    case 'booked':
      if (o.answer === 'pending') return `I asked ${s.room.name} for ${at(o.start, s)} to ${at(o.end, s)}; it hasn't answered yet.`;
      return `Done. ${s.room.name} ${o.answer === 'tentative' ? 'tentatively accepted' : 'accepted'} the booking from ${at(o.start, s)} to ${at(o.end, s)}.`;
    case 'book_declined':
      return `${s.room.name} declined the booking from ${at(o.start, s)} to ${at(o.end, s)}.${o.freeAt ? ` It is free again at ${at(o.freeAt, s)}.` : ''}`;
    case 'ended':
      // Someone else's meeting changes only in the room's calendar: said, so nobody thinks theirs changed.
      if (o.organizerEnd) return `Done: the room is free from ${at(o.booking.end, s)}. ${whose(o.booking)} own calendar still shows it until ${at(o.organizerEnd, s)}.`;
      return `Done. The meeting in ${s.room.name} has ended, and the room is free.`;
    case 'nothing_to_end':
      return `There's no meeting in ${s.room.name} right now.`;
    case 'extended':
      if (o.organizerEnd) return `Done: the room is booked for the meeting until ${at(o.end, s)}. ${whose(o.booking)} own calendar still shows it ending at ${at(o.organizerEnd, s)}.`;
      return `Done. The meeting now ends at ${at(o.end, s)}.`;
    case 'extend_refused':
      return `I can't extend it: ${s.room.name} is booked${o.next && who(o.next) ? ` by ${who(o.next)}` : ''} from ${at(o.freeUntil, s)}, so it is free only until then.`;
    case 'nothing_to_extend':
      return `There's no meeting in ${s.room.name} to extend right now.`;
    case 'checked_in':
      return `You're checked in. The room is yours until ${at(o.booking.end, s)}.`;
    case 'nothing_to_check_in':
      return `There's no meeting to check in to in ${s.room.name} right now.`;
    case 'already_released':
      return `Too late: nobody checked in, so ${s.room.name} was released.`;
    case 'not_changeable':
      return `I can see only ${s.room.name}'s free/busy times, so I can't change its bookings. An administrator can give the service account access to the room's calendar.`;
  }
}

/** Words for the room acts. */
export function roomSentences(act: RoomAct): string[] {
  const s = act.status;
  switch (act.kind) {
    case 'room_status':
      if (act.question === 'who_booked') return [whoBooked(s)];
      if (act.question === 'is_free') return [s.state === 'free' ? `Yes. ${freeSentence(s)}` : `No. ${freeSentence(s)}`];
      return [s.state === 'free' ? `It's free now. ${freeSentence(s)}` : `It will be free at ${at(s.busyUntil ?? s.current!.end, s)}.`];
    case 'room_outcome':
      return [outcomeSentence(act.outcome, s)];
    case 'room_free_at': {
      if (act.span) return [spanAnswer(act)];
      const first = act.clash[0];
      if (!first) return [`Yes, ${s.room.name} is free at ${at(act.start, s)}.`];
      const by = who(first);
      return [`No, ${s.room.name} is booked then, from ${at(first.start, s)} to ${at(first.end, s)}${by ? ` by ${by}` : ''}.`];
    }
    case 'room_book_later':
      return [`I can book ${s.room.name} only from now, so I didn't book it for ${act.span ? bareDayLabel(localTime(act.start, s.room.timeZone ?? 'UTC'), localTime(s.now, s.room.timeZone ?? 'UTC')) : at(act.start, s)}. To book it for later, add a meeting in ${s.room.name} from your own calendar in Outlook or with Concierge.`];
    case 'room_found': {
      const length = spokenDuration(act.minutes);
      const when = act.start ? `at ${at(act.start, act.status)} for ${length}` : `for the next ${length}`;
      if (act.rooms.length === 0) return [act.start ? `I couldn't find a room free ${when}.` : `I couldn't find a room free for ${length} from now.`];
      const names = act.rooms.slice(0, 3).map((r) => r.name);
      const list = andList(names);
      // This device books from now only: a later one is booked from one's own calendar.
      const unsized = act.seats ? act.rooms.slice(0, 3).filter((r) => r.capacity === undefined).map((r) => r.name) : [];
      // Seats are known only where an administrator entered them (Rooms): the others are said to be unchecked.
      const all = unsized.length === names.length;
      const sizes = unsized.length ? [all ? `I don't know how many seats ${names.length === 1 ? 'it has' : 'they have'}, so check that ${names.length === 1 ? 'it fits' : 'they fit'} ${act.seats}.` : `I don't know how many seats ${andList(unsized)} ${unsized.length === 1 ? 'has' : 'have'}.`] : [];
      return [`${list} ${names.length === 1 ? 'is' : 'are'} free ${when}.`, ...sizes, ...(act.start ? ['This display books only from now; to book one for then, ask from your own calendar.'] : [])];
    }
  }
}

