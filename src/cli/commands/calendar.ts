import { DateTime } from 'luxon';
import type { Command } from 'commander';
import type { CalendarEvent } from '../../domain/calendar.js';
import { formatServerVersion } from '../../ews/schema/versions.js';
import { addExchangeOptions, clientFromOptions, type ExchangeCliOptions } from '../exchange-options.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

interface CalendarOptions extends ExchangeCliOptions {
  readonly start: string;
  readonly end: string;
  readonly tz?: string;
  readonly json?: boolean;
}

export function registerCalendar(program: Command, io: CliIo): void {
  addExchangeOptions(program.command('calendar').description("list a mailbox's events in a window, recurring meetings expanded, oldest first"))
    .requiredOption('--start <ISO>', 'window start, ISO 8601 (e.g. 2026-12-07 or 2026-12-07T09:00-08:00)')
    .requiredOption('--end <ISO>', 'window end, ISO 8601')
    .option('--tz <IANA>', 'time zone for dates without an offset and for output (default: this machine\'s)')
    .option('--json', 'print one JSON object')
    .action(async (o: CalendarOptions) => {
      const zone = o.tz ?? DateTime.local().zoneName;
      if (!DateTime.local().setZone(zone).isValid) throw new UsageError(`Unknown time zone --tz ${o.tz}.`, 'Use an IANA name such as Europe/Berlin or America/Los_Angeles.');
      const start = parseInstant(o.start, zone, '--start');
      const end = parseInstant(o.end, zone, '--end');
      if (end <= start) throw new UsageError('--end must be after --start.', 'Swap them, or give a later --end.');
      const client = clientFromOptions(o);
      try {
        const events = await client.calendarView(o.mailbox, { start: start.toUTC().toISO()!, end: end.toUTC().toISO()! }, { withAttendees: true, timeZone: zone });
        const version = client.serverVersion ? formatServerVersion(client.serverVersion) : 'unknown';
        if (o.json) io.out(JSON.stringify({ serverVersion: version, events: events.map((e) => toJson(e, zone)) }, null, 2));
        else io.out(renderHuman(events, zone, o.mailbox, version));
      } finally {
        await client.close();
      }
    });
}

function parseInstant(value: string, zone: string, flag: string): DateTime {
  const dt = DateTime.fromISO(value, { zone, setZone: true });
  if (!dt.isValid) throw new UsageError(`${flag} "${value}" is not an ISO 8601 date or time.`, 'Examples: 2026-12-07, 2026-12-07T09:00, 2026-12-07T09:00:00Z.');
  return dt;
}

function isoIn(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true }) ?? instant;
}

function toJson(e: CalendarEvent, zone: string) {
  return {
    id: e.id,
    subject: e.subject,
    start: isoIn(e.start, zone),
    end: isoIn(e.end, zone),
    isAllDay: e.isAllDay,
    location: e.location ?? null,
    organizer: e.organizer ? { email: e.organizer.email ?? null, name: e.organizer.name ?? null } : null,
    attendees: e.attendees.map((a) => ({ email: a.email ?? null, name: a.name ?? null, response: a.response, kind: a.kind })),
    isRecurring: e.isRecurring,
    isCancelled: e.isCancelled,
  };
}

function renderHuman(events: readonly CalendarEvent[], zone: string, mailbox: string, version: string): string {
  const lines = [`${mailbox}: ${events.length} event${events.length === 1 ? '' : 's'} (${zone}; ${version})`];
  let day = '';
  for (const e of events) {
    const s = DateTime.fromISO(e.start, { zone: 'utc' }).setZone(zone);
    const en = DateTime.fromISO(e.end, { zone: 'utc' }).setZone(zone);
    const d = s.toFormat('cccc d LLLL yyyy');
    if (d !== day) lines.push('', d);
    day = d;
    const when = e.isAllDay ? 'all day     ' : `${s.toFormat('HH:mm')}-${en.toFormat('HH:mm')}`;
    const flags = [e.isCancelled ? 'cancelled' : '', e.isRecurring ? 'recurring' : ''].filter(Boolean).join(', ');
    const who = e.organizer?.name ? ` · ${e.organizer.name}` : '';
    lines.push(`  ${when}  ${e.subject || '(no subject)'}${e.location ? ` @ ${e.location}` : ''}${who}${flags ? ` [${flags}]` : ''}`);
  }
  return lines.join('\n');
}
