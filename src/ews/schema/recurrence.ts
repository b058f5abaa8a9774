import { child, el, els, int, Raw, text, type XmlElement } from '../xml/index.js';
import type { DayOfWeek, DayOfWeekIndex, Month, Recurrence, RecurrencePattern, RecurrenceRange } from './types.js';

/** EWS dates may carry a zone designator (`2025-07-02Z`, `2025-07-02-07:00`); the calendar date is what counts. */
function dateOnly(v: string | undefined): string {
  return (v ?? '').trim().slice(0, 10);
}

function readPattern(r: XmlElement): RecurrencePattern | undefined {
  const interval = (e: XmlElement) => int(e, 'Interval') ?? 1;
  let p: XmlElement | undefined;
  if ((p = child(r, 'DailyRecurrence'))) return { type: 'Daily', interval: interval(p) };
  if ((p = child(r, 'WeeklyRecurrence'))) {
    const days = (text(p, 'DaysOfWeek') ?? '').split(/\s+/).filter(Boolean) as DayOfWeek[];
    const first = text(p, 'FirstDayOfWeek') as DayOfWeek | undefined;
    return { type: 'Weekly', interval: interval(p), daysOfWeek: days, ...(first ? { firstDayOfWeek: first } : {}) };
  }
  if ((p = child(r, 'AbsoluteMonthlyRecurrence'))) return { type: 'AbsoluteMonthly', interval: interval(p), dayOfMonth: int(p, 'DayOfMonth') ?? 1 };
  if ((p = child(r, 'RelativeMonthlyRecurrence')))
    return { type: 'RelativeMonthly', interval: interval(p), daysOfWeek: text(p, 'DaysOfWeek') as DayOfWeek, dayOfWeekIndex: text(p, 'DayOfWeekIndex') as DayOfWeekIndex };
  if ((p = child(r, 'AbsoluteYearlyRecurrence'))) return { type: 'AbsoluteYearly', dayOfMonth: int(p, 'DayOfMonth') ?? 1, month: text(p, 'Month') as Month };
  if ((p = child(r, 'RelativeYearlyRecurrence')))
    return { type: 'RelativeYearly', daysOfWeek: text(p, 'DaysOfWeek') as DayOfWeek, dayOfWeekIndex: text(p, 'DayOfWeekIndex') as DayOfWeekIndex, month: text(p, 'Month') as Month };
  return undefined;
}

function readRange(r: XmlElement): RecurrenceRange | undefined {
  let g: XmlElement | undefined;
  if ((g = child(r, 'NoEndRecurrence'))) return { type: 'NoEnd', startDate: dateOnly(text(g, 'StartDate')) };
  if ((g = child(r, 'EndDateRecurrence'))) return { type: 'EndDate', startDate: dateOnly(text(g, 'StartDate')), endDate: dateOnly(text(g, 'EndDate')) };
  if ((g = child(r, 'NumberedRecurrence'))) return { type: 'Numbered', startDate: dateOnly(text(g, 'StartDate')), numberOfOccurrences: int(g, 'NumberOfOccurrences') ?? 1 };
  return undefined;
}

export function readRecurrence(r: XmlElement | undefined): Recurrence | undefined {
  if (!r) return undefined;
  const pattern = readPattern(r);
  const range = readRange(r);
  return pattern && range ? { pattern, range } : undefined;
}

function writePattern(p: RecurrencePattern): Raw {
  switch (p.type) {
    case 'Daily':
      return el('t:DailyRecurrence', el('t:Interval', String(p.interval)));
    case 'Weekly':
      return el('t:WeeklyRecurrence', els(el('t:Interval', String(p.interval)), el('t:DaysOfWeek', p.daysOfWeek.join(' ')), p.firstDayOfWeek !== undefined && el('t:FirstDayOfWeek', p.firstDayOfWeek)));
    case 'AbsoluteMonthly':
      return el('t:AbsoluteMonthlyRecurrence', els(el('t:Interval', String(p.interval)), el('t:DayOfMonth', String(p.dayOfMonth))));
    case 'RelativeMonthly':
      return el('t:RelativeMonthlyRecurrence', els(el('t:Interval', String(p.interval)), el('t:DaysOfWeek', p.daysOfWeek), el('t:DayOfWeekIndex', p.dayOfWeekIndex)));
    case 'AbsoluteYearly':
      return el('t:AbsoluteYearlyRecurrence', els(el('t:DayOfMonth', String(p.dayOfMonth)), el('t:Month', p.month)));
    case 'RelativeYearly':
      return el('t:RelativeYearlyRecurrence', els(el('t:DaysOfWeek', p.daysOfWeek), el('t:DayOfWeekIndex', p.dayOfWeekIndex), el('t:Month', p.month)));
  }
}

function writeRange(r: RecurrenceRange): Raw {
  switch (r.type) {
    case 'NoEnd':
      return el('t:NoEndRecurrence', el('t:StartDate', r.startDate));
    case 'EndDate':
      return el('t:EndDateRecurrence', els(el('t:StartDate', r.startDate), el('t:EndDate', r.endDate)));
    case 'Numbered':
      return el('t:NumberedRecurrence', els(el('t:StartDate', r.startDate), el('t:NumberOfOccurrences', String(r.numberOfOccurrences))));
  }
}

export function writeRecurrence(r: Recurrence): Raw {
  return el('t:Recurrence', els(writePattern(r.pattern), writeRange(r.range)));
}
