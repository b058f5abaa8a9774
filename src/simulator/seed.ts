import { z } from 'zod';
import { AppError } from '../shared/errors.js';
import type { CalendarItemInput } from '../ews/schema/types.js';
import { SIMULATED_RELEASES } from './ews-server/server-versions.js';

const mailboxSchema = z.strictObject({
  smtp: z.string().email(),
  name: z.string().min(1),
  alias: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  type: z.enum(['UserMailbox', 'RoomMailbox', 'EquipmentMailbox', 'SharedMailbox']).default('UserMailbox'),
  capacity: z.number().int().positive().optional(),
  timeZone: z.string().min(1).optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  department: z.string().optional(),
});

const personSchema = z.union([z.string().email(), z.strictObject({ email: z.string().email(), name: z.string().optional() })]);

const eventSchema = z.strictObject({
  /** Whose calendar the event is created in (the organizer). */
  organizer: z.string().email(),
  subject: z.string(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  timeZone: z.string().optional(),
  location: z.string().optional(),
  body: z.string().optional(),
  isAllDay: z.boolean().optional(),
  attendees: z.array(personSchema).optional(),
  optionalAttendees: z.array(personSchema).optional(),
  rooms: z.array(personSchema).optional(),
  /** Passed to the store as EWS's Recurrence (pattern + range). */
  recurrence: z.any().optional(),
  cancelled: z.boolean().optional(),
});

export const seedSchema = z.strictObject({
  domain: z.string().min(3),
  version: z.enum(SIMULATED_RELEASES).default('Exchange2016'),
  basicAuth: z.boolean().default(true),
  adminPassword: z.string().min(1).optional(),
  /** The Exchange server's name (EXCH01 by default); the guide's examples assume one named Contoso. */
  serverName: z.string().regex(/^[A-Za-z0-9-]{1,15}$/).optional(),
  mailboxes: z.array(mailboxSchema).default([]),
  shell: z.array(z.string()).default([]),
  events: z.array(eventSchema).default([]),
  throttle: z.strictObject({ maxConcurrency: z.number().int().positive(), backOffMs: z.number().int().nonnegative() }).optional(),
});

export type Seed = z.infer<typeof seedSchema>;
export type SeedEvent = z.infer<typeof eventSchema>;

/** A seed that cannot be applied: where (`mailboxes[2].smtp`, `shell line 3`) and why. */
export class SeedError extends AppError {
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super('SeedInvalid', `Seed error at ${where}: ${reason}`, 'Fix that entry of the seed file; nothing was applied.');
  }
}

/** Validates a parsed seed file; the first problem is reported with its path. */
export function parseSeed(json: unknown): Seed {
  const r = seedSchema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new SeedError(issue.path.length ? issue.path.join('.') : '(root)', issue.message);
}

const toAddress = (p: z.infer<typeof personSchema>) => (typeof p === 'string' ? { email: p } : { email: p.email, ...(p.name ? { name: p.name } : {}) });

/** A seed event as the store's CalendarItemInput. */
export function eventInput(e: SeedEvent): CalendarItemInput {
  return {
    subject: e.subject,
    start: e.start,
    end: e.end,
    ...(e.timeZone ? { timeZoneId: e.timeZone } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...(e.body ? { body: { type: 'Text' as const, value: e.body } } : {}),
    ...(e.isAllDay ? { isAllDayEvent: true } : {}),
    ...(e.attendees?.length ? { requiredAttendees: e.attendees.map(toAddress) } : {}),
    ...(e.optionalAttendees?.length ? { optionalAttendees: e.optionalAttendees.map(toAddress) } : {}),
    ...(e.rooms?.length ? { resources: e.rooms.map(toAddress) } : {}),
    ...(e.recurrence ? { recurrence: e.recurrence as CalendarItemInput['recurrence'] } : {}),
  };
}
