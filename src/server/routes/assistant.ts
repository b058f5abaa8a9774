import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Assistant } from '../../assistant/assistant.js';
import type { Understand } from '../../assistant/dialog/understanding.js';
import { EwsCalendarProvider } from '../../providers/ews/ews-provider.js';
import type { Tables } from '../../persistence/index.js';
import type { ApiRegistry } from '../api.js';
import { AuditedProvider } from '../assistant/audited-provider.js';
import { DbDialogStore } from '../assistant/db-dialog-store.js';
import { RoomSeatsProvider } from '../assistant/room-seats.js';
import { likelyAboutToday, PrefetchingProvider, today } from '../assistant/prefetch.js';
import { whoseCalendar } from '../assistant/whose-calendar.js';
import type { EwsClientPool } from '../exchange/client-pool.js';
import { describeNowRange, isNowInRange, NOW_WITHIN_YEARS } from '../reference-time.js';
import { isKnownZone, unknownZone } from '../time-zones.js';


const eventOut = z.object({
  id: z.string(),
  subject: z.string(),
  start: z.string(),
  end: z.string(),
  isAllDay: z.boolean(),
  location: z.string().optional(),
  organizer: z.object({ email: z.string().optional(), name: z.string().optional() }).optional(),
  attendees: z.array(z.object({ email: z.string().optional(), name: z.string().optional(), kind: z.string(), response: z.string() })),
  isRecurring: z.boolean(),
  isCancelled: z.boolean(),
});

const answerOut = z.object({
  intent: z.string(),
  text: z.string(),
  ssml: z.string(),
  events: z.array(eventOut),
  pending: z.object({ kind: z.enum(['create', 'cancel', 'move', 'add_room', 'remind', 'respond', 'edit', 'more', 'time', 'person', 'which']) }).passthrough().optional(),
  sessionId: z.string(),
  explain: z.object({ mailbox: z.string(), calendar: z.string(), timeZone: z.string(), access: z.object({ server: z.string(), account: z.string(), method: z.string() }), window: z.object({ start: z.string(), end: z.string() }).optional(), leftOut: z.array(z.object({ subject: z.string(), start: z.string(), reason: z.string() })), understood: z.string() }).optional(),
  expectsReply: z.boolean(),
});

/**
 * POST /api/v1/assistant/ask: a question in words, answered from the asker's calendar through the
 * linked service account. A user asks about their own linked mailbox only; an administrator about the
 * link's test mailbox only (see whoseCalendar). Writes wait for "yes" in the same dialog session, which is
 * bound to the signed-in account, and each confirmed write is written to the audit log.
 */
export function assistantRoutes(app: FastifyInstance, api: ApiRegistry, db: Kysely<Tables>, pool: EwsClientPool, understand: Understand): void {
  const store = new DbDialogStore(db);
  api.add(app, {
    method: 'POST',
    path: '/api/v1/assistant/ask',
    summary: 'Ask about your calendar in words; writes are confirmed first ("yes" in the same session)',
    tag: 'assistant',
    access: 'signedIn',
    loads: 'calendar',
    body: z.object({
      user: z.string().email().optional().describe('The mailbox to answer for: default (and only choice) your own; for administrators, the link\'s test mailbox'),
      // Trimmed: words only of spaces are no question. (A NUL byte is refused here: the database takes none.)
      text: z.string().trim().min(1).max(500).refine((t) => !t.includes('\u0000'), { message: 'must not contain NUL characters' }),
      sessionId: z.string().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, { message: 'may hold only letters, digits and . _ : - (use the sessionId of the previous answer)' }).optional().describe('Dialog session from the previous answer, to answer its question ("yes")'),
      now: z.iso
        .datetime({ offset: true, error: 'must be an ISO 8601 time with an offset, such as 2026-12-07T08:00:00-08:00 or 2026-12-07T16:00:00Z' })
        // A year-1 or year-3000 time is a mistake, not a replay: refused rather than answered about another century.
        .refine((v) => isNowInRange(new Date(v)), { error: (iss) => `${String(iss.input)} is more than ${NOW_WITHIN_YEARS} years from the server's clock; give a time ${describeNowRange()}` })
        .optional()
        .describe(`Reference time (tests, replays), within ${NOW_WITHIN_YEARS} years of the server's clock; default now`),
      timeZone: z.string().optional().describe('IANA time zone of the person asking; default the zone stored for you, else UTC'),
    }),
    response: answerOut,
    handler: async (req, _reply, b) => {
      const account = req.session!.admin;
      // Validated before anything is read: a typo costs no database or Exchange work.
      if (b.timeZone !== undefined && !isKnownZone(b.timeZone)) throw unknownZone(b.timeZone);
      // Read with the session (loads: 'calendar' below), so the check costs no query of its own.
      const read = req.calendarAccess;
      if (!read) throw new Error('The assistant route must load the calendar access with the session.');
      const { link, mailbox, timeZone } = whoseCalendar(account, b.user, read);
      let tz = b.timeZone ?? (timeZone !== undefined && isKnownZone(timeZone) ? timeZone : undefined);
      // No zone stored (an administrator trying the test mailbox): a later turn said without one ("yes")
      // keeps the zone its conversation was asked in, not UTC. Read only then, so other turns pay nothing.
      if (tz === undefined && b.sessionId) {
        const asked = (await store.forAccount(account.id).get(b.sessionId, mailbox))?.explanation?.timeZone;
        if (asked !== undefined && isKnownZone(asked)) tz = asked;
      }
      tz ??= 'UTC';
      const now = b.now ? new Date(b.now) : new Date();
      const ews = new PrefetchingProvider(new EwsCalendarProvider((fn) => pool.use((c) => fn(c), link), { server: new URL(link.ewsUrl).host, account: link.upn, method: link.access }));
      // Allowed to read this mailbox (checked above): start the likely listing now, understand meanwhile.
      if (likelyAboutToday(b.text)) {
        ews.prefetch(mailbox, today(now, tz), tz);
        // Let the request reach the socket (its first steps are microtasks) before the CPU-bound NLU runs.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const provider = new AuditedProvider(new RoomSeatsProvider(ews, db), db, { actor: account.email, mailbox });
      const assistant = new Assistant(provider, store.forAccount(account.id), understand);
      return assistant.ask({ user: mailbox, text: b.text, timeZone: tz, now, ...(b.sessionId ? { sessionId: b.sessionId } : {}) });
    },
  });
}

