import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerNlu } from '../../../../src/cli/commands/nlu.js';

async function run(lines: string[], args: string[] = []): Promise<{ out: string[]; err: string[]; error?: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('concierge').exitOverride();
  registerNlu(program, { out: (t) => out.push(t), err: (t) => err.push(t) }, Readable.from(lines.map((l) => `${l}\n`)));
  try {
    await program.parseAsync(['node', 'concierge', 'nlu', '--now', '2026-03-04T17:00:00Z', '--tz', 'America/New_York', ...args]);
    return { out, err };
  } catch (error) {
    return { out, err, error };
  }
}

describe('concierge nlu', () => {
  it('turns {"id","text"} lines into SLURP-style {"id","intent","slots"} lines', async () => {
    const { out, err } = await run([
      JSON.stringify({ id: 'a', text: 'remind me to call mom at five pm tomorrow' }),
      '',
      JSON.stringify({ id: 7, text: 'what is the weather like in seattle' }),
    ]);
    expect(err).toEqual([]);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { id: 'a', intent: 'calendar_set', slots: [{ type: 'event_name', value: 'call mom' }, { type: 'time', value: 'five pm' }, { type: 'date', value: 'tomorrow' }] },
      { id: '7', intent: 'other', slots: [] },
    ]);
  });

  it('--full prints the whole understanding', async () => {
    const { out } = await run([JSON.stringify({ id: 'b', text: 'add lunch with Bob Friday at noon' })], ['--full']);
    expect(JSON.parse(out[0]!)).toMatchObject({ id: 'b', intent: 'create_event', coarse: 'calendar_set', slots: { title: 'lunch', people: ['bob'], start: '2026-03-06T17:00:00Z' } });
  });

  it('reports unreadable lines and fails after the readable ones', async () => {
    const { out, err, error } = await run(['not json', JSON.stringify({ id: 'c', text: 'delete my dentist appointment' })]);
    expect(out).toHaveLength(1);
    expect(err[0]).toMatch(/^line 1: /);
    expect(error).toMatchObject({ code: 'UsageError' });
  });

  it('rejects an unknown time zone', async () => {
    const { error } = await run([], ['--tz', 'Mars/Olympus']);
    expect(error).toMatchObject({ code: 'UsageError' });
  });
});
