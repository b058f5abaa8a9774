import { z } from 'zod';

/** RoomStatus as the API describes it (the contract's shape). */
export const bookingOut = z.object({
  id: z.string(),
  subject: z.string(),
  organizer: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
  start: z.string(),
  end: z.string(),
  checkedIn: z.boolean(),
  released: z.boolean(),
});

export const roomStatusOut = z.object({
  room: z.object({ id: z.string(), name: z.string(), email: z.string(), timeZone: z.string().optional() }),
  now: z.string(),
  state: z.enum(['free', 'busy']),
  current: bookingOut.optional(),
  next: bookingOut.optional(),
  freeUntil: z.string().optional(),
  busyUntil: z.string().optional(),
  endingSoon: z.boolean(),
  checkIn: z.object({ mode: z.enum(['off', 'report', 'enforce']), minutes: z.number(), required: z.boolean(), deadline: z.string().optional() }),
  day: z.array(bookingOut),
  limited: z.boolean().optional().describe('Only free/busy was readable: no organizers, nothing changeable'),
});

/** What every display write answers: did it work, a sentence to show, and the room now. */
export const displayWriteOut = z.object({ ok: z.boolean(), message: z.string(), status: roomStatusOut });
