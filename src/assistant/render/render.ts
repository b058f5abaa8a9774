import { DateTime } from 'luxon';
import type { CalendarEvent } from '../../domain/calendar.js';
import { READ_AT_MOST, type Act } from '../dialog/acts.js';
import { roomSentences } from './rooms.js';
import { dayLabel, escapeSsml, peopleList, spokenDuration, spokenTime, withWhom, zoned } from './phrases.js';

export interface Rendered {
  readonly text: string;
  readonly ssml: string;
}

export interface RenderContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly user: string;
  /** The window a read covered, for "tomorrow" / "this afternoon" labels. */
  readonly window?: { readonly start: string; readonly end: string };
}


const sentences = (parts: readonly string[]): Rendered => ({
  text: parts.join(' '),
  ssml: `<speak>${parts.map((p) => escapeSsml(p)).join('<break time="300ms"/>')}</speak>`,
});

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const subject = (e: CalendarEvent) => e.subject.trim() || 'an untitled event';

function windowLabel(ctx: RenderContext): string {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  if (!ctx.window) return 'today';
  const s = zoned(ctx.window.start, ctx.timeZone);
  const e = zoned(ctx.window.end, ctx.timeZone);
  const wholeDays = s.equals(s.startOf('day')) && e.equals(e.startOf('day'));
  const days = Math.round(e.diff(s, 'days').days);
  if (wholeDays && days === 1) return dayLabel(s, now);
  if (wholeDays && days === 7 && s.weekday === 1) return Math.round(s.diff(now.startOf('week'), 'days').days) === 7 ? 'next week' : Math.round(s.diff(now.startOf('week'), 'days').days) === 0 ? 'this week' : `the week of ${s.toFormat('LLLL d')}`;
  if (wholeDays) return `between ${dayLabel(s, now).replace(/^on /, '')} and ${dayLabel(e.minus({ days: 1 }), now).replace(/^on /, '')}`;
  if (s.hasSame(e.minus({ milliseconds: 1 }), 'day')) return `${dayLabel(s, now)} between ${spokenTime(s)} and ${spokenTime(e)}`;
  return `between ${dayLabel(s, now).replace(/^on /, '')} at ${spokenTime(s)} and ${dayLabel(e, now).replace(/^on /, '')} at ${spokenTime(e)}`;
}

/** Reads events out, at most `limit` of them; a longer list ends by offering the rest (the dialog keeps them for "yes"). */
function readEvents(events: readonly CalendarEvent[], ctx: RenderContext, limit = READ_AT_MOST): string[] {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  const multiDay = events.length > 0 && !zoned(events[0]!.start, ctx.timeZone).hasSame(zoned(events[events.length - 1]!.start, ctx.timeZone), 'day');
  const out: string[] = [];
  let prev: DateTime | undefined;
  let prevDay = '';
  for (const e of events.slice(0, limit)) {
    const start = zoned(e.start, ctx.timeZone);
    const day = dayLabel(start, now);
    const dayPart = multiDay && day !== prevDay ? `${cap(day.replace(/^on /, ''))}, ` : '';
    if (e.isAllDay) out.push(`${dayPart}all day, ${subject(e)}${withWhom(e, ctx.user)}.`);
    else out.push(`${dayPart}${dayPart ? 'at' : 'At'} ${spokenTime(start, day === prevDay ? prev : undefined)}, ${subject(e)}${withWhom(e, ctx.user)}.`);
    prev = e.isAllDay ? prev : start;
    prevDay = day;
  }
  if (events.length > limit) {
    const rest = events.length - limit;
    out.push(`And ${rest} more, the last at ${spokenTime(zoned(events[events.length - 1]!.start, ctx.timeZone))}. Want to hear ${rest === 1 ? 'it' : 'them'}?`);
  }
  return out;
}

function when(isoStart: string, ctx: RenderContext, allDay = false): string {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  const s = zoned(isoStart, ctx.timeZone);
  return allDay ? `${dayLabel(s, now)}, all day` : `${dayLabel(s, now)} at ${spokenTime(s)}`;
}

/** Plain text and SSML for what the dialog decided: brief, as a good assistant speaks. */
export function render(act: Act, ctx: RenderContext): Rendered {
  switch (act.kind) {
    case 'events': {
      const label = windowLabel(ctx);
      if (act.scope === 'next') {
        const e = act.events[0];
        if (!e) return sentences(['You have no more meetings in the next two weeks.']);
        return sentences([`Your next meeting is ${subject(e)}, ${when(e.start, ctx)}${withWhom(e, ctx.user)}${e.location ? `, in ${e.location}` : ''}.`]);
      }
      if (act.scope === 'find') {
        const [first, ...more] = act.events;
        if (!first) return sentences([`I couldn't find ${act.query ?? 'that'} on your calendar.`]);
        return sentences([`${cap(subject(first))} is ${when(first.start, ctx, first.isAllDay)}${withWhom(first, ctx.user)}.`, ...(more.length ? [`There's also one ${more.map((e) => when(e.start, ctx, e.isAllDay)).join(' and ')}.`] : [])]);
      }
      if (act.scope === 'rest') return sentences(readEvents(act.events, ctx, act.events.length));
      if (act.events.length === 0) return sentences([`You have nothing on your calendar ${label}.`]);
      const n = act.events.length;
      return sentences([`You have ${n === 1 ? 'one event' : `${n} events`} ${label}.`, ...readEvents(act.events, ctx)]);
    }
    case 'free': {
      const label = windowLabel(ctx);
      if (act.busy.length === 0) return sentences([`Yes, you're free ${label}.`]);
      const e = act.busy[0]!;
      return sentences([`No, you have ${subject(e)} ${when(e.start, ctx, e.isAllDay)}${act.busy.length > 1 ? ` and ${act.busy.length - 1} more` : ''}.`]);
    }
    case 'confirm_create': {
      const d = act.draft;
      const minutes = Math.round((Date.parse(d.end) - Date.parse(d.start)) / 60_000);
      const whoText = peopleList(d.attendees?.filter((a) => a.kind !== 'resource') ?? [], ctx.user);
      const what = `${d.subject}${whoText ? ` with ${whoText}` : ''}`;
      const where = d.location ? ` in ${d.location}` : '';
      const conflict = act.conflicts.length ? [`That overlaps ${subject(act.conflicts[0]!)} at ${spokenTime(zoned(act.conflicts[0]!.start, ctx.timeZone))}.`] : [];
      return sentences([...conflict, `Add ${what} ${when(d.start, ctx, d.isAllDay)}${d.isAllDay ? '' : ` for ${spokenDuration(minutes)}`}${where}?`]);
    }
    case 'created': {
      const invited = act.event.attendees.some((a) => a.kind !== 'resource');
      return sentences([`Done. ${cap(subject(act.event))} is on your calendar ${when(act.event.start, ctx, act.event.isAllDay)}${invited ? ', and the invitations are sent' : ''}.`]);
    }
    case 'confirm_cancel':
      return sentences([`Cancel ${subject(act.event)} ${when(act.event.start, ctx, act.event.isAllDay)}?${act.event.isMeeting ? ' The attendees will be told.' : ''}`]);
    case 'cancelled':
      return sentences([`Done. ${cap(subject(act.event))} is cancelled.`]);
    case 'confirm_move':
      return sentences([...(act.conflicts.length ? [`That overlaps ${subject(act.conflicts[0]!)}.`] : []), `Move ${subject(act.event)} to ${when(act.start, ctx)}?`]);
    case 'moved':
      return sentences([`Done. ${cap(subject(act.event))} is now ${when(act.start, ctx)}.`]);
    case 'ask_person':
      return sentences([`Which ${act.name} do you mean: ${act.candidates.map((c) => c.name).join(', or ')}?`]);
    case 'unknown_person':
      return sentences([`I couldn't find anyone called ${act.name} in the directory.`]);
    case 'need_time':
      return sentences([`When should it be? Say a day and a time for ${act.title}.`]);
    case 'not_found':
      return sentences([`I couldn't find ${act.query || 'that'} on your calendar.`]);
    case 'nothing_pending':
      return sentences(["There's nothing waiting for a yes right now."]);
    case 'dropped':
      return sentences(["OK, I won't."]);
    case 'explain': {
      const x = act.explanation;
      if (!x) return sentences(["I haven't looked at your calendar yet in this conversation."]);
      const window = x.window ? ` from ${zoned(x.window.start, x.timeZone).toFormat('ccc LLL d, h:mm a')} to ${zoned(x.window.end, x.timeZone).toFormat('ccc LLL d, h:mm a')}` : '';
      const left = x.leftOut.length ? ` I left out ${x.leftOut.map((l) => `${l.subject} because ${l.reason}`).join('; ')}.` : ' I left nothing out.';
      return sentences([`I read the ${x.calendar} of ${x.mailbox}${window}, in ${x.timeZone} time, through ${x.access.account} using ${x.access.method} on ${x.access.server}.${left}`]);
    }
    case 'room_status':
    case 'room_outcome':
    case 'room_found':
      return sentences(roomSentences(act));
    case 'rooms_not_set_up':
      return sentences(["This device isn't placed in a room yet. An administrator can add it under Rooms."]);
    case 'refuse':
      return sentences(['Sorry, I can only help with your calendar. Ask me what is on it, or to add, move or cancel an event.']);
  }
}
