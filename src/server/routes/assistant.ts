import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Assistant } from '../../assistant/assistant.js';
import type { Understand } from '../../assistant/dialog/understanding.js';
import { EwsCalendarProvider } from '../../providers/ews/ews-provider.js';
import { exchangeLinks, type Tables } from '../../persistence/index.js';
import type { ApiRegistry } from '../api.js';
import { DbDialogStore } from '../assistant/db-dialog-store.js';
import type { EwsClientPool } from '../exchange/client-pool.js';
import { HttpProblem } from '../problem.js';

/** Built once: Intl lists ~400 zones, too many to rebuild per request. */
const KNOWN_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

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
  pending: z.object({ kind: z.enum(['create', 'cancel', 'move']) }).passthrough().optional(),
  sessionId: z.string(),
  explain: z.object({ mailbox: z.string(), calendar: z.string(), timeZone: z.string(), access: z.object({ server: z.string(), account: z.string(), method: z.string() }), window: z.object({ start: z.string(), end: z.string() }).optional(), leftOut: z.array(z.object({ subject: z.string(), start: z.string(), reason: z.string() })), understood: z.string() }).optional(),
  expectsReply: z.boolean(),
});

/**
 * POST /api/v1/assistant/ask: a question in words, answered from the user's calendar through the
 * linked service account. Until people enrol (the console issue), an administrator may ask about the
 * link's test mailbox only: never about someone else's calendar.
 */
export function assistantRoutes(app: FastifyInstance, api: ApiRegistry, db: Kysely<Tables>, pool: EwsClientPool, understand: Understand): void {
  const store = new DbDialogStore(db);
  api.add(app, {
    method: 'POST',
    path: '/api/v1/assistant/ask',
    summary: 'Ask about a calendar in words; writes are confirmed first ("yes" in the same session)',
    tag: 'assistant',
    access: 'admin',
    body: z.object({
      user: z.string().email().describe('The mailbox to answer for (for administrators: the link\'s test mailbox)'),
      text: z.string().min(1).max(500),
      sessionId: z.string().min(8).max(100).optional(),
      now: z.iso.datetime({ offset: true }).optional().describe('Reference time (tests, replays); default now'),
      timeZone: z.string().optional().describe('IANA time zone of the person asking; default UTC'),
    }),
    response: answerOut,
    handler: async (_req, _reply, b) => {
      const link = await exchangeLinks.getActive(db);
      if (!link) throw new HttpProblem(409, 'ExchangeNotLinked', 'No Exchange service account is linked yet.', 'Link one first (POST /api/v1/exchange/link).');
      if (link.testMailbox?.toLowerCase() !== b.user.toLowerCase()) throw new HttpProblem(403, 'NotYourCalendar', `Administrators may try the assistant on the link's test mailbox (${link.testMailbox ?? 'none set'}) only.`, 'Ask about that mailbox, or sign in as the user once people are enrolled.');
      const tz = b.timeZone ?? 'UTC';
      if (!KNOWN_ZONES.has(tz)) throw new HttpProblem(400, 'UnknownTimeZone', `Unknown time zone ${tz}.`, 'Use an IANA name such as Europe/Berlin.');
      const provider = new EwsCalendarProvider((fn) => pool.use((c) => fn(c)), { server: new URL(link.ewsUrl).host, account: link.upn, method: link.access });
      const assistant = new Assistant(provider, store, understand);
      return assistant.ask({ user: b.user, text: b.text, timeZone: tz, ...(b.sessionId ? { sessionId: b.sessionId } : {}), ...(b.now ? { now: new Date(b.now) } : {}) });
    },
  });
}
