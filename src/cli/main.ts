import { Command, CommanderError } from 'commander';
import { AppError } from '../shared/errors.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerAsk } from './commands/ask.js';
import { registerCalendar } from './commands/calendar.js';
import { defaultUnderstand } from '../assistant/understand.js';
import { registerNlu } from './commands/nlu.js';
import { registerShell } from './commands/shell.js';
import { registerStart } from './commands/start.js';
import { registerSimulator } from './commands/simulator.js';
import { processIo, type CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('concierge')
    .description('Concierge: a self-hosted calendar assistant for Microsoft Exchange')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerCalendar(program, io);
  registerAsk(program, io, defaultUnderstand);
  registerStart(program, io);
  registerSimulator(program, io);
  registerShell(program, io);
  registerAnalyze(program, io);
  registerNlu(program, io);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}\nhint: ${err.hint}`);
      return 2;
    }
    if (err instanceof AppError) {
      io.err(`error [${err.code}]: ${err.message}\nhint: ${err.hint}`);
      return 1;
    }
    io.err(`error: ${(err as Error)?.stack ?? String(err)}`);
    return 1;
  }
}
