/**
 * Error records as PowerShell keeps them (message, CategoryInfo, FullyQualifiedErrorId, position) and
 * their console rendering. Three origins render differently, as in a real Exchange Management Shell:
 * parse errors stop the whole script before anything runs; local errors (parameter binding, the
 * shell's own cmdlets) name the command and the line; errors raised by Exchange cmdlets come back over
 * remoting and carry PSComputerName instead of a position.
 */

/** PowerShell's ErrorCategory names used here. */
export type ErrorCategory =
  | 'NotSpecified'
  | 'InvalidArgument'
  | 'InvalidData'
  | 'InvalidOperation'
  | 'ObjectNotFound'
  | 'ParserError'
  | 'ResourceExists'
  | 'PermissionDenied'
  | 'WriteError'
  | 'OperationStopped'
  | 'NotImplemented';

export interface ScriptPosition {
  /** 1-based line and column of the start, as `At line:1 char:5`. */
  readonly line: number;
  readonly column: number;
  /** The whole source line the error is on. */
  readonly lineText: string;
  /** How many characters to underline (at least 1, at most to the end of the line). */
  readonly length: number;
}

export interface ShellError {
  readonly message: string;
  /** The cmdlet that failed, e.g. `New-Mailbox`; absent for parse errors. */
  readonly command?: string;
  readonly category: ErrorCategory;
  /** .NET exception type name, e.g. `ParameterBindingException`. */
  readonly exception: string;
  /** FullyQualifiedErrorId's first part, e.g. `PositionalParameterNotFound`. */
  readonly errorId: string;
  readonly origin: 'parser' | 'local' | 'exchange';
  /** True when the error stopped its statement (binding errors, -ErrorAction Stop, parse errors). */
  readonly terminating: boolean;
  readonly position?: ScriptPosition;
  /** What to do about it, in plain words (the simulator's addition to the record). */
  readonly hint?: string;
  /** Overrides for records PowerShell prints unlike the rest (CommandNotFoundException). */
  readonly categoryInfo?: string;
  readonly fullyQualifiedErrorId?: string;
}

/**
 * A failure while evaluating an expression (a bad conversion, an unsupported method); the evaluator
 * turns it into a statement-terminating record at the expression's position.
 */
export class PsRuntimeError extends Error {
  constructor(
    readonly errorId: string,
    message: string,
    readonly category: ErrorCategory = 'InvalidOperation',
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PsRuntimeError';
  }
}

/** Thrown inside the interpreter to stop the current statement with an error record. */
export class ShellException extends Error {
  readonly record: ShellError;

  constructor(record: ShellError) {
    super(record.message);
    this.name = 'ShellException';
    this.record = record;
  }
}

/** A parse failure: every error the parser found; nothing in the script ran. */
export class ParseFailure extends Error {
  readonly errors: readonly ShellError[];

  constructor(errors: readonly ShellError[]) {
    super(errors[0]?.message ?? 'Parse error');
    this.name = 'ParseFailure';
    this.errors = errors;
  }
}

/** The position of source offsets [start, end) for error display. */
export function positionOf(source: string, start: number, end: number = start + 1): ScriptPosition {
  const before = source.slice(0, start);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEndRaw = source.indexOf('\n', start);
  const lineEnd = lineEndRaw < 0 ? source.length : lineEndRaw;
  const lineText = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  const column = start - lineStart + 1;
  const length = Math.max(1, Math.min(end, lineStart + lineText.length) - start);
  return { line, column, lineText, length };
}

/** Same-shaped record builders, so each failure is described once. */
export function parseError(source: string, start: number, end: number, errorId: string, message: string, hint?: string): ShellError {
  return { message, category: 'ParserError', exception: 'ParentContainsErrorRecordException', errorId, origin: 'parser', terminating: true, position: positionOf(source, start, end), ...(hint ? { hint } : {}) };
}

export function bindingError(command: string, errorId: string, message: string, position: ScriptPosition | undefined, hint?: string, category: ErrorCategory = 'InvalidArgument'): ShellError {
  return { message, command, category, exception: 'ParameterBindingException', errorId, origin: 'local', terminating: true, ...(position ? { position } : {}), ...(hint ? { hint } : {}) };
}

const LINE_WIDTH = 80;

/** PowerShell's `At line:… char:…` block, shortening long lines with `...` around the error. */
function renderPosition(p: ScriptPosition): string[] {
  let text = p.lineText;
  let col = p.column - 1;
  let len = p.length;
  if (text.length > LINE_WIDTH) {
    const from = Math.max(0, Math.min(col - 20, text.length - (LINE_WIDTH - 4)));
    const slice = text.slice(from, from + LINE_WIDTH - 8);
    const prefix = from > 0 ? '... ' : '';
    const suffix = from + slice.length < text.length ? ' ...' : '';
    col = col - from + prefix.length;
    len = Math.max(1, Math.min(len, prefix.length + slice.length - col));
    text = prefix + slice + suffix;
  }
  return [`At line:${p.line} char:${p.column}`, `+ ${text}`, `+ ${' '.repeat(col)}${'~'.repeat(len)}`];
}

function recordLines(e: ShellError, serverFqdn: string): string[] {
  const server = serverFqdn.split('.')[0]!.toUpperCase();
  const fqid =
    e.fullyQualifiedErrorId ??
    (e.origin === 'exchange' ? `[Server=${server}] [FailureCategory=Cmdlet-${e.exception}] ${e.errorId},${e.command ?? ''}` : `${e.errorId}${e.command ? `,${e.command}` : ''}`);
  const lines = [`    + CategoryInfo          : ${e.categoryInfo ?? `${e.category}: (:) [${e.command ?? ''}], ${e.exception}`}`, `    + FullyQualifiedErrorId : ${fqid}`];
  if (e.origin === 'exchange') lines.push(`    + PSComputerName        : ${serverFqdn}`);
  if (e.hint) lines.push(`    + Hint                  : ${e.hint}`);
  return lines;
}

/** One error as the console shows it. */
export function renderError(e: ShellError, serverFqdn: string): string {
  if (e.origin === 'exchange') return [e.message, ...recordLines(e, serverFqdn)].join('\n');
  const head = e.command ? `${e.command} : ${e.message}` : e.message;
  return [head, ...(e.position ? renderPosition(e.position) : []), ...recordLines(e, serverFqdn)].join('\n');
}

/** Parse errors come out as one record listing every problem, the first error's id naming it. */
export function renderParseErrors(errors: readonly ShellError[]): string {
  const lines: string[] = [];
  for (const e of errors) {
    if (e.position) lines.push(...renderPosition(e.position));
    lines.push(e.message);
  }
  const first = errors[0]!;
  lines.push(`    + CategoryInfo          : ParserError: (:) [], ${first.exception}`, `    + FullyQualifiedErrorId : ${first.errorId}`);
  for (const hint of new Set(errors.map((e) => e.hint).filter((h): h is string => !!h))) lines.push(`    + Hint                  : ${hint}`);
  return lines.join('\n');
}
