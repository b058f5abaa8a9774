/** What takes a whole day, so a day said without a time means all of it ("mary's birthday on friday"). */
const ALL_DAY_KINDS = /\b(birthdays?|anniversar(y|ies)|holidays?|vacation|day off|days off|leave|out of office|ooo|offsite|off-site|trip|travel|conference|festival|wedding|graduation|retreat|moving day|deadline|due)\b/i;

/** "conference call", "birthday party planning call", "offsite review": a timed thing about an all-day one. */
const TIMED_KINDS = /\b(call|meeting|sync|review|planning|chat|interview|lunch|dinner|breakfast|brunch|standup|stand-up|party|drinks|coffee|session|class)\b/i;

/** Whether an event with this title lasts all day when no time is given (else the time is asked for). */
export function lastsAllDay(title: string | undefined): boolean {
  return title !== undefined && ALL_DAY_KINDS.test(title) && !TIMED_KINDS.test(title);
}

/** Away for time off, free for a day that only marks something (a birthday, a deadline), else busy. */
const AWAY = /\b(vacation|holidays?|day off|days off|leave|out of office|ooo|pto|sick)\b/i;
const MARKS_A_DAY = /\b(birthdays?|anniversar(y|ies)|deadline|due)\b/i;

/** How an all-day event shows to others ("Show as" in Outlook). */
export function allDayShowAs(title: string): 'away' | 'free' | 'busy' {
  if (AWAY.test(title)) return 'away';
  return MARKS_A_DAY.test(title) ? 'free' : 'busy';
}

/** Outlook's reminder for an all-day event: 18 hours before it begins (6 AM the day before), not 15 minutes before midnight. */
export const ALL_DAY_REMINDER_MINUTES = 18 * 60;
