import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { Agent, request } from 'undici';
import { secretFromEnv } from '../../config/env.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

interface ShellOptions {
  readonly url: string;
  readonly user: string;
  readonly password?: string;
  readonly passwordEnv?: string;
  readonly c?: string;
  readonly ca?: string;
}

interface ShellReply {
  readonly output: string;
  readonly ok: boolean;
  readonly needsInput?: { readonly text: string; readonly secret: boolean };
}

/** The Management Shell of the simulator, remotely: one command with -c, or an interactive console. */
export function registerShell(program: Command, io: CliIo): void {
  program
    .command('shell')
    .description("the simulator's Exchange Management Shell (administrator only)")
    .requiredOption('--url <URL>', 'the powershellUrl the simulator printed')
    .option('--user <UPN>', 'administrator account', 'administrator')
    .option('--password <PW>', 'administrator password')
    .option('--password-env <VAR>', 'read the administrator password from this environment variable')
    .option('-c <COMMAND>', 'run this command and exit (otherwise interactive)')
    .option('--ca <PEM_FILE>', "the simulator's CA file (with --tls)")
    .action(async (o: ShellOptions) => {
      const password = o.password ?? (o.passwordEnv ? secretFromEnv(o.passwordEnv) : undefined);
      if (password === undefined) throw new UsageError('No administrator password given.', 'Pass --password-env VAR or --password PW (the simulator prints a generated one at start).');
      const dispatcher = new Agent(o.ca ? { connect: { ca: readFileSync(o.ca, 'utf8') } } : {});
      const auth = `Basic ${Buffer.from(`${o.user}:${password}`).toString('base64')}`;
      // One line source for commands and prompt answers alike, so piped input (a script) works too.
      const rl = createInterface({ input: process.stdin, terminal: false });
      const lines = rl[Symbol.asyncIterator]();
      const ask = async (text: string): Promise<string | undefined> => {
        process.stdout.write(text);
        const next = await lines.next();
        if (!process.stdin.isTTY) process.stdout.write('\n');
        return next.done ? undefined : String(next.value);
      };
      const send = async (command: string): Promise<ShellReply> => {
        const answers: string[] = [];
        for (;;) {
          const res = await request(o.url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ command, answers }), dispatcher });
          if (res.statusCode === 401) throw new UsageError('The simulator refused the administrator credentials.', 'Use administrator@<domain> and the password the simulator printed at start.');
          if (res.statusCode === 403) throw new UsageError('Only the administrator may use the Management Shell.', 'Sign in as administrator@<domain>.');
          const reply = (await res.body.json()) as ShellReply;
          if (!reply.needsInput) return reply;
          const answer = await ask(reply.needsInput.text);
          if (answer === undefined) throw new UsageError(`The shell asked "${reply.needsInput.text.trim()}" but the input ended.`, 'Pass the value as a parameter, or answer the prompt.');
          answers.push(answer);
        }
      };
      try {
        if (o.c !== undefined) {
          const r = await send(o.c);
          if (r.output) io.out(r.output);
          if (!r.ok) process.exitCode = 1;
          return;
        }
        for (;;) {
          const line = await ask('[PS] C:\\> ');
          if (line === undefined || /^\s*exit\s*$/i.test(line)) break;
          if (line.trim() === '') continue;
          const r = await send(line);
          if (r.output) io.out(r.output);
        }
      } finally {
        rl.close();
        await dispatcher.close();
      }
    });
}
