import type { Directory } from '../store/directory/index.js';
import { CmdletRegistry } from './cmdlets/registry.js';
import { ParseFailure, renderError, renderParseErrors, type ShellError } from './errors.js';
import { Evaluator } from './evaluator.js';
import { DEFAULT_WIDTH, formatDefault } from './formatters.js';
import { parseScript } from './parser.js';
import { CommandRuntime, type PromptFn, type RuntimeHost } from './runtime.js';

export interface ShellOptions {
  /**
   * Asks the person at the console and resolves with the answer (without the newline). Called for
   * missing mandatory parameters (New-Mailbox's password: `secret` true, read without echo) and for
   * confirmations. `text` is PowerShell's prompt text, to be printed as it is. Absent: the shell is
   * non-interactive, and whatever would prompt fails with an error saying what to pass instead.
   */
  readonly prompt?: PromptFn;
  /** Console width for tables; 120 by default. */
  readonly width?: number;
}

export interface ShellResult {
  /** The console transcript: formatted output, WARNING lines and rendered errors, in order. */
  readonly output: string;
  /** The error records also rendered in `output`, for programs. */
  readonly errors: readonly ShellError[];
  /** True when no error was written. */
  readonly ok: boolean;
}

/**
 * The Exchange Management Shell over a simulated directory: one session, whose variables last across
 * run() calls. Used by the HTTP PowerShell endpoint and the CLI.
 *
 * @example
 * const shell = new ManagementShell(directory, {});
 * const { output, ok } = await shell.run('Get-WebServicesVirtualDirectory | fl');
 */
export class ManagementShell {
  readonly #directory: Directory;
  readonly #options: ShellOptions;
  readonly #evaluator: Evaluator;
  #sink: { lines: string[]; errors: ShellError[] } = { lines: [], errors: [] };
  #queue: Promise<unknown> = Promise.resolve();

  constructor(directory: Directory, opts: ShellOptions = {}) {
    this.#directory = directory;
    this.#options = opts;
    const host: RuntimeHost = {
      directory,
      ...(opts.prompt ? { prompt: opts.prompt } : {}),
      writeError: (record) => {
        this.#sink.errors.push(record);
        this.#sink.lines.push(renderError(record, this.serverFqdn));
      },
      writeWarning: (text) => this.#sink.lines.push(`WARNING: ${text}`),
      writeHost: (text) => this.#sink.lines.push(text),
    };
    const runtime = new CommandRuntime(host, new CmdletRegistry());
    this.#evaluator = new Evaluator(host, runtime.run);
  }

  /** `exch01.contoso.com`: the PSComputerName of remoted errors. */
  get serverFqdn(): string {
    return `${this.#directory.state.serverName.toLowerCase()}.${this.#directory.domain}`;
  }

  /** Runs a script (one or more statements). Runs on one shell are serialized, as in one console. */
  run(script: string): Promise<ShellResult> {
    const result = this.#queue.then(() => this.#run(script));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #run(script: string): Promise<ShellResult> {
    const sink = { lines: [] as string[], errors: [] as ShellError[] };
    this.#sink = sink;
    let statements;
    try {
      statements = parseScript(script).statements;
    } catch (err) {
      if (!(err instanceof ParseFailure)) throw err;
      sink.errors.push(...err.errors);
      sink.lines.push(renderParseErrors(err.errors));
      return this.#result(sink);
    }
    this.#evaluator.source = script;
    const width = this.#options.width ?? DEFAULT_WIDTH;
    for (const statement of statements) {
      try {
        const output = await this.#evaluator.runGuarded(statement);
        if (output.length > 0) sink.lines.push(...formatDefault(output, width));
      } catch (err) {
        // A defect in the simulator must still come out as an error record, not a stack trace.
        const record: ShellError = {
          message: `The Concierge shell failed while running this statement: ${err instanceof Error ? err.message : String(err)}`,
          category: 'NotSpecified',
          exception: 'RuntimeException',
          errorId: 'InternalError',
          origin: 'local',
          terminating: true,
          hint: 'This is a simulator defect; please report it with the script that caused it.',
        };
        sink.errors.push(record);
        sink.lines.push(renderError(record, this.serverFqdn));
      }
    }
    return this.#result(sink);
  }

  #result(sink: { lines: string[]; errors: ShellError[] }): ShellResult {
    return { output: sink.lines.join('\n'), errors: [...sink.errors], ok: sink.errors.length === 0 };
  }
}
