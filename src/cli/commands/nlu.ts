import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Command } from 'commander';
import { z } from 'zod';
import { predictSlurp, understand } from '../../assistant/nlu/index.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

interface NluOptions {
  readonly now?: string;
  readonly tz?: string;
  readonly full?: boolean;
}

const Line = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/**
 * `concierge nlu`: JSON lines {"id","text"} on stdin -> {"id","intent","slots"} lines on stdout, in
 * SLURP's terms (calendar_query, calendar_set, calendar_remove or other; slot spans of the text), the
 * format the shared scorer reads. With --full, each line is the whole understanding instead.
 */
export function registerNlu(program: Command, io: CliIo, input: Readable = process.stdin): void {
  program.command('nlu')
    .description('understand utterances: JSON lines {"id","text"} on stdin -> {"id","intent","slots"} lines (SLURP terms)')
    .option('--now <ISO>', 'reference time for relative dates (default: now)')
    .option('--tz <IANA>', "the speaker's time zone (default: this machine's)")
    .option('--full', 'print the whole understanding (fine intent, resolved times) instead of the SLURP view')
    .action(async (o: NluOptions) => {
      const timeZone = o.tz ?? DateTime.local().zoneName;
      if (!DateTime.local().setZone(timeZone).isValid) throw new UsageError(`Unknown time zone --tz ${timeZone}.`, 'Use an IANA name such as Europe/Berlin.');
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${o.now}" is not an ISO 8601 time.`, 'Example: 2026-12-07T09:00:00-08:00');
      const ctx = { now, timeZone };
      let lineNo = 0;
      let bad = 0;
      for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
        lineNo++;
        if (!raw.trim()) continue;
        let parsed: z.infer<typeof Line>;
        try {
          parsed = Line.parse(JSON.parse(raw));
        } catch {
          bad++;
          io.err(`line ${lineNo}: expected {"id": ..., "text": "..."}`);
          continue;
        }
        const id = String(parsed.id);
        io.out(JSON.stringify(o.full ? { id, ...understand(parsed.text, ctx) } : predictSlurp(understand, id, parsed.text, ctx)));
      }
      if (bad > 0) throw new UsageError(`${bad} input line${bad === 1 ? '' : 's'} could not be read.`, 'Each line must be a JSON object with "id" and "text".');
    });
}
