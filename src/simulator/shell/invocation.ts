import { createHash } from 'node:crypto';
import { DirectoryError } from '../store/directory/index.js';
import type { BoundArguments, CmdletContext, CmdletDefinition, ErrorDetails } from './cmdlets/types.js';
import { ShellException, type ScriptPosition, type ShellError } from './errors.js';
import type { Evaluator } from './evaluator.js';
import type { RuntimeHost } from './runtime.js';
import type { ScriptBlockValue, Value } from './values.js';

/**
 * One run of one cmdlet: what the cmdlet sees as its CmdletContext. Turns error details into records
 * (remoted-looking for Exchange's own failures, local with a position for binding and console ones),
 * applies -ErrorAction and -WarningAction, and asks for confirmation as ShouldProcess does.
 */

/** The .NET exception Exchange raises for each directory refusal. */
const EXCHANGE_EXCEPTIONS: Record<DirectoryError['code'], { exception: string; category: ShellError['category'] }> = {
  NotFound: { exception: 'ManagementObjectNotFoundException', category: 'NotSpecified' },
  Ambiguous: { exception: 'ManagementObjectAmbiguousException', category: 'NotSpecified' },
  AlreadyExists: { exception: 'ADObjectAlreadyExistsException', category: 'NotSpecified' },
  InvalidValue: { exception: 'DataValidationException', category: 'NotSpecified' },
  InUse: { exception: 'InvalidOperationException', category: 'InvalidOperation' },
  NotSupported: { exception: 'InvalidOperationException', category: 'InvalidOperation' },
};

/** Exchange's FullyQualifiedErrorId carries an 8-hex-digit code; a stable one is made from the failure. */
const exchangeCode = (command: string, exception: string): string => createHash('sha1').update(`${command}/${exception}`).digest('hex').slice(0, 8).toUpperCase();

const NON_INTERACTIVE = 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.';

export class CmdletInvocation implements CmdletContext {
  /** "Yes to All" / "No to All" answered earlier in this run. */
  #confirmAll: boolean | undefined;

  constructor(
    private readonly def: CmdletDefinition,
    private readonly args: BoundArguments,
    private readonly where: ScriptPosition,
    private readonly host: RuntimeHost,
    private readonly evaluator: Evaluator,
  ) {}

  get command(): string {
    return this.def.name;
  }

  get directory(): RuntimeHost['directory'] {
    return this.host.directory;
  }

  private record(d: ErrorDetails, terminating: boolean): ShellError {
    const exception = d.exception ?? (this.def.origin === 'exchange' ? 'ManagementObjectNotFoundException' : 'InvalidOperationException');
    // Binding and console (prompt) failures happen in the local shell even for Exchange cmdlets.
    const origin = d.origin ?? (this.def.origin === 'exchange' && d.exception !== 'ParameterBindingException' ? 'exchange' : 'local');
    return {
      message: d.message,
      command: this.def.name,
      category: d.category ?? 'NotSpecified',
      exception,
      errorId: d.errorId ?? (origin === 'exchange' ? exchangeCode(this.def.name, exception) : exception),
      origin,
      terminating,
      ...(origin === 'local' ? { position: this.where } : {}),
      ...(d.hint ? { hint: d.hint } : {}),
    };
  }

  writeError(d: ErrorDetails): void {
    const action = this.args.string('ErrorAction') ?? 'Continue';
    if (action === 'Stop') throw new ShellException(this.record(d, true));
    if (action === 'SilentlyContinue' || action === 'Ignore') return;
    this.host.writeError(this.record(d, false));
  }

  fail(d: ErrorDetails): never {
    throw new ShellException(this.record(d, true));
  }

  directoryError(err: unknown): void {
    if (!(err instanceof DirectoryError)) throw err;
    const mapped = EXCHANGE_EXCEPTIONS[err.code];
    this.writeError({ message: err.message, exception: mapped.exception, category: mapped.category, hint: err.hint });
  }

  warn(text: string): void {
    const action = this.args.string('WarningAction') ?? 'Continue';
    if (action === 'Stop') {
      this.fail({ message: `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${text}`, exception: 'ActionPreferenceStopException', errorId: 'ActionPreferenceStop', origin: 'local' });
    }
    if (action !== 'SilentlyContinue' && action !== 'Ignore') this.host.writeWarning(text);
  }

  writeHost(text: string): void {
    this.host.writeHost(text);
  }

  async prompt(text: string, secret: boolean): Promise<string> {
    if (!this.host.prompt) return this.fail({ message: NON_INTERACTIVE, exception: 'PSInvalidOperationException', category: 'InvalidOperation', errorId: 'NonInteractiveMode', origin: 'local' });
    return this.ask(text, secret);
  }

  /** A prompt the person abandoned (Ctrl+C, closed connection) stops the pipeline, as in PowerShell. */
  private async ask(text: string, secret: boolean): Promise<string> {
    try {
      return await this.host.prompt!(text, secret);
    } catch {
      return this.fail({ message: 'The pipeline has been stopped.', exception: 'PipelineStoppedException', category: 'OperationStopped', errorId: 'PipelineStopped', origin: 'local' });
    }
  }

  async shouldProcess(target: string, action: string, description: string): Promise<boolean> {
    if (this.args.switch('WhatIf')) {
      this.host.writeHost(`What if: ${description}`);
      return false;
    }
    if (this.args.value('Confirm') === false || this.#confirmAll !== undefined) return this.#confirmAll ?? true;
    if (!this.host.prompt) {
      return this.fail({
        message: NON_INTERACTIVE,
        exception: 'PSInvalidOperationException',
        category: 'InvalidOperation',
        errorId: 'NonInteractiveMode',
        origin: 'local',
        hint: `${this.def.name} asks for confirmation; add -Confirm:$false to ${action.toLowerCase()} "${target}" without asking.`,
      });
    }
    const question = `\nConfirm\nAre you sure you want to perform this action?\n${description}\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): `;
    const answer = (await this.ask(question, false)).trim().toLowerCase();
    if (answer === 'a') this.#confirmAll = true;
    if (answer === 'l') this.#confirmAll = false;
    return answer === '' || answer === 'y' || answer === 'a';
  }

  invoke(block: ScriptBlockValue, item: Value): Promise<Value[]> {
    return this.evaluator.invokeBlock(block, item);
  }
}
