import { lastDay, WEEKDAYS, type Repeat } from '../../domain/repeat.js';
import { localTime, type LocalDate } from './local-time.js';
import { andList as list, bareDayLabel, spokenTime } from './phrases.js';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
const NTH_WORDS: Readonly<Record<number, string>> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const UNIT_WORDS: Readonly<Record<Repeat['every'], string>> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** "every Monday", "every other day", "every weekday", "every 3 weeks on Tuesday", "on the 1st of every month". */
function pattern(r: Repeat, first: LocalDate & { readonly month: number; readonly day: number }): string {
  const every = r.interval === 1 ? 'every' : r.interval === 2 ? 'every other' : `every ${r.interval}`;
  const unit = (u: string) => (r.interval > 2 ? `${u}s` : u);
  if (r.every === 'day') return `${every} ${unit('day')}`;
  if (r.every === 'week') {
    const days = (r.weekdays?.length ? r.weekdays : [WEEKDAYS[first.weekday - 1]!]).map(cap);
    if (days.length === 5 && !days.includes('Saturday') && !days.includes('Sunday') && r.interval === 1) return 'every weekday';
    return r.interval > 2 ? `every ${r.interval} weeks on ${list(days)}` : `${every} ${list(days)}`;
  }
  if (r.every === 'month' && r.nth !== undefined) return `on the ${NTH_WORDS[r.nth]} ${cap(r.weekdays?.[0] ?? WEEKDAYS[first.weekday - 1]!)} of ${every} ${unit('month')}`;
  if (r.every === 'month') return `on the ${ordinal(r.dayOfMonth ?? first.day)} of ${every} ${unit('month')}`;
  const date = new Date(Date.UTC(2000, first.month - 1, first.day)).toLocaleString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  return `${every} ${unit(UNIT_WORDS.year)} on ${date}`;
}

/**
 * A series as said before and after "yes": "every Monday at 10 AM, starting today", "every weekday at
 * 9:15 AM, starting tomorrow, 10 times", "every other Wednesday at 6 PM, starting on March 10, until May 26".
 * A series kept in another zone is said on that zone's days and clock ("every Monday at 9 AM Tokyo time"):
 * in the asker's, its days may differ.
 */
export function repeatWords(r: Repeat, start: string, zone: string, today: LocalDate, allDay: boolean, zoneName?: string): string {
  const first = localTime(start, zone);
  const at = allDay ? '' : ` at ${spokenTime(first)}${zoneName ? ` ${zoneName} time` : ''}`;
  const from = `, starting ${bareDayLabel(first, today)}`;
  const last = lastDay(r, start, zone);
  const until = r.count !== undefined ? `, ${r.count === 1 ? 'once' : `${r.count} times`}` : last ? `, until ${bareDayLabel(localTime(`${last}T12:00:00Z`, 'UTC'), today)}` : '';
  return `${pattern(r, first)}${at}${from}${until}`;
}
