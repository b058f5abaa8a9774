/** What an edit of an event's guests, length, name or place says: proposed, made, or not needed. */
import type { Act } from '../dialog/acts.js';
import { cap, onlyThisOne, putBack, roomsWillDecline, subject, whenEvent, type Clock } from './event-words.js';
import { localTime, sameLocalDay } from './local-time.js';
import { andList, dayLabel, peopleList, spokenDuration, spokenTime } from './phrases.js';

/** The sentences for an edit proposed ("Add Ann Lee to Budget review ...?"), made, or not needed. */
export function editSentences(act: Extract<Act, { kind: 'confirm_edit' | 'edited' | 'edit_unneeded' }>, clock: Clock, user: string): string[] {
  const name = subject(act.event);
  const at = whenEvent(act.event, clock);
  const endsAt = (iso: string) => spokenTime(localTime(iso, clock.zone));
  if (act.kind === 'edit_unneeded') {
    switch (act.why) {
      case 'invited':
        return [`Everyone you named is already invited to ${name}.`];
      case 'not_invited':
        return [`${cap(act.name ?? 'They')} ${act.name?.includes(' and ') ? "aren't" : "isn't"} invited to ${name}, so there is nobody to remove.`];
      case 'all_day':
        return [`${cap(name)} lasts all day, so its length is its days: say "move ${name.toLowerCase()} to friday" to change them.`];
      case 'too_short':
        return [`That would leave ${name} shorter than 5 minutes, so I haven't changed it.`];
      case 'too_long':
        return [`That would make ${name} longer than a day, so I haven't changed it. To give it more days, move it or add a new event.`];
      case 'same_length':
        return [`${cap(name)} already lasts that long.`];
      case 'same_name':
        return [`${cap(name)} is already called that.`];
      case 'ends_before':
        return [`${endsAt(act.end ?? act.event.start)} is before ${name} starts, at ${endsAt(act.event.start)}, so I haven't changed it. Say a later end.`];
    }
  }
  const e = act.edit;
  if (act.series) return seriesEditSentences(act, clock, user);
  const who = e.kind === 'invite' || e.kind === 'uninvite' ? peopleList(e.people, user, e.people.length) : '';
  const several = (e.kind === 'invite' || e.kind === 'uninvite') && e.people.length > 1;
  if (act.kind === 'edited') {
    switch (e.kind) {
      case 'invite':
        return [`Done. ${who} ${several ? 'are' : 'is'} invited to ${name}.`];
      case 'uninvite':
        return [`Done. ${who} ${several ? 'are' : 'is'} no longer invited to ${name}.`];
      case 'length': {
        // (A room booked in the added time declines it: said, never hidden behind "Done".)
        const declined = act.declinedBy?.length ? [`${andList(act.declinedBy)} declined the longer time: ${act.declinedBy.length === 1 ? 'it is' : 'they are'} booked then, so this meeting has no room now.`] : [];
        return [`Done. ${cap(name)} now ends at ${endsAt(e.end)}.`, ...declined];
      }
      case 'rename':
        return [`Done. It's now called ${e.subject}.`];
      case 'place': {
        const declined = act.declinedBy?.length ? [`${andList(act.declinedBy)} declined: ${act.declinedBy.length === 1 ? 'it is' : 'they are'} booked then, so this meeting has no room now.`] : [];
        return [`Done. ${cap(name)} is now in ${e.location}${e.releases?.length ? `, and ${andList(e.releases)} ${e.releases.length === 1 ? 'is' : 'are'} released` : ''}.`, ...declined];
      }
    }
  }
  const told = act.event.isMeeting ? ' The attendees will be told.' : '';
  const only = onlyThisOne(act.event);
  switch (e.kind) {
    case 'invite':
      // ("invite ann and bob" with Bob invited already: said, so nobody wonders where he went.)
      const already = e.already?.length ? [`${andList(e.already)} ${e.already.length === 1 ? 'is' : 'are'} invited already.`] : [];
      return [...already, `Add ${who} to ${name} ${at}${e.optional ? ' as optional' : ''}?${only} ${several ? 'They each get' : `${who} gets`} an invitation.`];
    case 'uninvite':
      return [`Remove ${who} from ${name} ${at}?${only} ${several ? "They're" : `${who} is`} told it's off for them.`];
    case 'length': {
      const minutes = Math.round((Date.parse(e.end) - Date.parse(act.event.start)) / 60_000);
      const clash = act.conflicts?.length ? [`That overlaps ${subject(act.conflicts[0]!)} at ${endsAt(act.conflicts[0]!.start)}.`] : [];
      // (Over midnight the new end says its day.)
      const endDay = sameLocalDay(localTime(e.end, clock.zone), localTime(act.event.start, clock.zone)) ? '' : ` ${dayLabel(localTime(e.end, clock.zone), clock.today)}`;
      return [...clash, ...roomsWillDecline(act.busyRooms), `Make ${name} ${at} end at ${endsAt(e.end)}${endDay} instead of ${endsAt(act.event.end)}, ${spokenDuration(minutes)} in all?${only}${told}`];
    }
    case 'rename':
      return [`Rename ${name} ${at} to ${e.subject}?${only}${told}`];
    case 'place': {
      const released = e.releases?.length ? ` ${andList(e.releases)} ${e.releases.length === 1 ? 'is' : 'are'} released.` : '';
      return [...roomsWillDecline(act.busyRooms), `Change where ${name} ${at} is, to ${e.location}?${only}${released}${told}`];
    }
  }
}

/** An edit of every occurrence of a series: its guests, its name or its length (its place is changed one at a time). */
function seriesEditSentences(act: Extract<Act, { kind: 'confirm_edit' | 'edited' }>, clock: Clock, user: string): string[] {
  const endsAt = (iso: string) => spokenTime(localTime(iso, clock.zone));
  const name = subject(act.event);
  const e = act.edit;
  const who = e.kind === 'invite' || e.kind === 'uninvite' ? peopleList(e.people, user, e.people.length) : '';
  const several = (e.kind === 'invite' || e.kind === 'uninvite') && e.people.length > 1;
  if (act.kind === 'edited') {
    if (e.kind === 'invite') return [`Done. ${who} ${several ? 'are' : 'is'} invited to every ${name}.`];
    if (e.kind === 'uninvite') return [`Done. ${who} ${several ? 'are' : 'is'} no longer invited to any ${name}.`];
    if (e.kind === 'rename') return [`Done. Every one is now called ${e.subject}.`];
    if (e.kind === 'length') return [`Done. Every ${name} now ends at ${endsAt(e.end)}.`];
  }
  if (e.kind === 'length') {
    const minutes = Math.round((Date.parse(e.end) - Date.parse(act.event.start)) / 60_000);
    const back = putBack(act.kind === 'confirm_edit' ? act.changedOnes : undefined, 'Changing');
    return [`Make every ${name} ${spokenDuration(minutes)} long, ending at ${endsAt(e.end)}? The whole series changes, as Outlook changes a series: the ones already held too.${back}${act.event.isMeeting ? ' The attendees will be told.' : ''}`];
  }
  if (e.kind === 'invite') return [`Add ${who} to every ${name}${e.optional ? ' as optional' : ''}? ${several ? 'They each get' : `${who} gets`} an invitation to the series.`];
  if (e.kind === 'uninvite') return [`Remove ${who} from every ${name}? ${several ? "They're" : `${who} is`} told the series is off for them.`];
  if (e.kind === 'rename') return [`Rename every ${name} to ${e.subject}?${act.event.isMeeting ? ' The attendees will be told.' : ''}`];
  return [];
}
