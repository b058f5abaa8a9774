import { DateTime } from 'luxon';
import type { Command } from 'commander';
import { Assistant } from '../../assistant/assistant.js';
import { ChangeNotMade } from '../../assistant/dialog/change-not-made.js';
import { MemoryDialogStore } from '../../assistant/dialog/state.js';
import type { Understand } from '../../assistant/dialog/understanding.js';
import { EwsCalendarProvider } from '../../providers/ews/ews-provider.js';
import { addExchangeOptions, clientFromOptions, type ExchangeCliOptions } from '../exchange-options.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { toProblem, type Problem } from '../../server/problem.js';
import { describeNowRange, isNowInRange, NOW_WITHIN_YEARS } from '../../server/reference-time.js';
import { isKnownZone, zoneHint } from '../../server/time-zones.js';

interface AskOptions extends ExchangeCliOptions {
  readonly now?: string;
  readonly tz?: string;
  readonly yes?: boolean;
  readonly json?: boolean;
}

/**
 * `concierge ask "TEXT"`: the assistant without a server, straight to Exchange with the given account
 * (for admins checking a mailbox). Writes are only proposed unless --yes confirms them.
 */
/**
 * What to do next, as the CLI keeps no conversation between runs: a proposed write is confirmed with --yes;
 * any other question is answered by asking again with what it asks for in the words.
 */
function hintFor(kind: string, yes: boolean): string {
  if (kind === 'create' || kind === 'cancel' || kind === 'move' || kind === 'respond' || kind === 'add_room') return yes ? '' : '(Run again with --yes to do it.)';
  if (kind === 'more') return '(Ask for a narrower window, or use --json for every event.)';
  if (kind === 'time') return '(Ask again with a day and a time in the words.)';
  if (kind === 'person') return '(Ask again with the full name or the address.)';
  return '(Ask again with the event\'s name or time in the words.)';
}

export function registerAsk(program: Command, io: CliIo, understand: () => Promise<Understand>): void {
  addExchangeOptions(program.command('ask').argument('<text>', 'what to ask, in words').description('ask about a mailbox\'s calendar in words (no server needed)'))
    .option('--now <ISO>', 'reference time (default: now)')
    .option('--tz <IANA>', "the asker's time zone (default: this machine's)")
    .option('--yes', 'confirm a write (create, move, cancel, accept or decline) right away')
    .option('--json', 'print the same object as POST /api/v1/assistant/ask (on failure, its problem object)')
    .action(async (text: string, o: AskOptions) => {
      try {
        await ask(text, o, io, understand);
      } catch (thrown) {
        // The CLI keeps no conversation: a refused --yes is tried again by running the command again.
        const err = thrown instanceof ChangeNotMade ? new ChangeNotMade(thrown.failure, 'the same command with --yes tries again') : thrown;
        // A script asked for JSON: it gets the failure as the API's problem object on stdout, while the
        // words stay on stderr and the exit code stays (main renders both).
        if (o.json) io.out(JSON.stringify(cliProblem(err), null, 2));
        throw err;
      }
    });
}

/** The problem object for a failed ask; a bug's own words stay on stderr (its stack is no script's business). */
function cliProblem(err: unknown): Problem {
  const problem = toProblem(err);
  return problem.code === 'InternalError' ? { ...problem, hint: 'Try again; if it persists, report the error printed on stderr.' } : problem;
}

async function ask(text: string, o: AskOptions, io: CliIo, understand: () => Promise<Understand>): Promise<void> {
  // The same checks as POST /api/v1/assistant/ask, so a question refused there is refused here.
  if (!text.trim()) throw new UsageError('The question is empty.', 'Ask in words, for example: concierge ask "what\'s on my calendar today" ...');
  if (text.length > 500) throw new UsageError(`The question is ${text.length} characters long; at most 500 are read.`, 'Ask one thing at a time.');
  const tz = o.tz ?? DateTime.local().zoneName;
  if (!tz.trim()) throw new UsageError('--tz is empty.', "Give an IANA name such as Europe/Berlin, or leave --tz out to use this machine's zone.");
  if (!isKnownZone(tz)) throw new UsageError(`Unknown time zone --tz ${tz}.`, zoneHint(tz, '--tz '));
  // An ISO 8601 time; without an offset it is read in --tz (an admin types the local time they mean).
  const at = o.now ? DateTime.fromISO(o.now, { zone: tz }) : undefined;
  if (at && !at.isValid) throw new UsageError(`--now "${o.now}" is not an ISO 8601 time.`, 'Example: 2026-12-07T09:00:00-08:00, or 2026-12-07T09:00 read in --tz.');
  if (at && !isNowInRange(at.toJSDate())) throw new UsageError(`--now ${o.now} is more than ${NOW_WITHIN_YEARS} years from this machine's clock.`, `Give a time ${describeNowRange()}, or leave --now out.`);
  const now = at ? at.toJSDate() : new Date();
  const client = clientFromOptions(o);
  try {
    const provider = new EwsCalendarProvider((fn) => fn(client), { server: new URL(o.url).host, account: o.upn, method: o.access });
    const assistant = new Assistant(provider, new MemoryDialogStore(), await understand());
    let answer = await assistant.ask({ user: o.mailbox, text, timeZone: tz, now, sessionId: 'cli' });
    // --yes confirms a proposed write, nothing else ("Want to hear them?" is not a write to confirm).
    const write = answer.pending?.kind === 'create' || answer.pending?.kind === 'cancel' || answer.pending?.kind === 'move' || answer.pending?.kind === 'respond' || answer.pending?.kind === 'add_room';
    if (o.yes && write) answer = await assistant.ask({ user: o.mailbox, text: 'yes', timeZone: tz, now, sessionId: 'cli' });
    if (o.json) io.out(JSON.stringify(answer, null, 2));
    else io.out(answer.pending ? `${answer.text}\n${hintFor(answer.pending.kind, o.yes === true)}` : answer.text);
  } finally {
    await client.close();
  }
}
