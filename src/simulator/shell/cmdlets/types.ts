import type { Directory } from '../../store/directory/index.js';
import type { ErrorCategory } from '../errors.js';
import { isArray, ScriptBlockValue, SecureStringValue, toText, type Value } from '../values.js';

/**
 * What a cmdlet declares (its parameters, how it takes pipeline input) and what it gets when it runs
 * (bound arguments and a context for output, errors, prompts and confirmation).
 */

export type ParamType =
  | 'string'
  | 'strings'
  | 'bool'
  | 'switch'
  | 'int'
  /** Exchange's Unlimited<int>: a number or the word Unlimited (-ResultSize). */
  | 'unlimited'
  | 'secure'
  /** An OPATH filter: a script block's text or a string (-RecipientRestrictionFilter). */
  | 'filter'
  | 'scriptblock'
  /** Any value, unconverted (-InputObject, identities that may be objects). */
  | 'object'
  | 'enum'
  | 'enums';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  /** 0-based position for positional binding. */
  readonly position?: number;
  readonly mandatory?: boolean | ((args: BoundArguments) => boolean);
  readonly aliases?: readonly string[];
  /** Allowed values of 'enum'/'enums' parameters, in their canonical spelling. */
  readonly values?: readonly string[];
  /** The .NET type PowerShell names in binding errors. */
  readonly typeName?: string;
  /** Receives pipeline input by value (one run per input object). */
  readonly pipeline?: boolean;
  /** Secret prompts (passwords) are read without echo. */
  readonly secret?: boolean;
  /**
   * Exchange's check when the value is set (during binding, before any prompt): the reason it is
   * refused, or undefined. Reported as "Cannot bind parameter 'X' to the target. Exception setting …".
   */
  readonly validate?: (value: Value) => { readonly message: string; readonly hint?: string } | undefined;
}

export interface CmdletDefinition {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Exchange cmdlets run on the server (errors come back over remoting); local ones in the shell. */
  readonly origin: 'exchange' | 'local';
  readonly parameters: readonly ParamSpec[];
  /** 'each': one run per pipeline object, bound to the `pipeline` parameter; 'all': one run with every object. */
  readonly input?: 'each' | 'all';
  /** High-impact cmdlets (Remove-*) get -Confirm and -WhatIf and ask before acting. */
  readonly confirmImpact?: 'high';
  run(ctx: CmdletContext, args: BoundArguments, input: readonly Value[]): Promise<readonly Value[]> | readonly Value[];
}

export interface ErrorDetails {
  readonly message: string;
  /** .NET exception type; defaults by origin. */
  readonly exception?: string;
  readonly category?: ErrorCategory;
  readonly errorId?: string;
  readonly hint?: string;
  /** Where the error arises; Exchange cmdlets' errors come from the server unless said otherwise. */
  readonly origin?: 'exchange' | 'local';
}

export interface CmdletContext {
  readonly command: string;
  readonly directory: Directory;
  /** A non-terminating error (the cmdlet goes on with the next object), honouring -ErrorAction. */
  writeError(details: ErrorDetails): void;
  /** A terminating error: the statement stops. */
  fail(details: ErrorDetails): never;
  /** Reports a DirectoryError as Exchange would (non-terminating); anything else is rethrown. */
  directoryError(err: unknown): void;
  warn(text: string): void;
  writeHost(text: string): void;
  /** Asks the person at the console; fails (terminating) when the shell is not interactive. */
  prompt(text: string, secret: boolean): Promise<string>;
  /** -WhatIf / -Confirm handling; true when the action should go ahead. */
  shouldProcess(target: string, action: string, description: string): Promise<boolean>;
  /** Runs a script block with `$_` set to `item`. */
  invoke(block: ScriptBlockValue, item: Value): Promise<Value[]>;
}

/** Parameter values after binding and conversion, looked up case-insensitively. */
export class BoundArguments {
  readonly #values: ReadonlyMap<string, Value>;

  constructor(values: ReadonlyMap<string, Value>) {
    this.#values = new Map([...values].map(([k, v]) => [k.toLowerCase(), v]));
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  value(name: string): Value | undefined {
    return this.#values.get(name.toLowerCase());
  }

  string(name: string): string | undefined {
    const v = this.value(name);
    return v === undefined || v === null ? undefined : toText(v);
  }

  strings(name: string): string[] | undefined {
    const v = this.value(name);
    if (v === undefined || v === null) return undefined;
    return isArray(v) ? v.map(toText) : [toText(v)];
  }

  bool(name: string): boolean | undefined {
    const v = this.value(name);
    return typeof v === 'boolean' ? v : undefined;
  }

  switch(name: string): boolean {
    return this.value(name) === true;
  }

  number(name: string): number | undefined {
    const v = this.value(name);
    return typeof v === 'number' ? v : undefined;
  }

  secure(name: string): SecureStringValue | undefined {
    const v = this.value(name);
    return v instanceof SecureStringValue ? v : undefined;
  }

  scriptBlock(name: string): ScriptBlockValue | undefined {
    const v = this.value(name);
    return v instanceof ScriptBlockValue ? v : undefined;
  }

  with(name: string, value: Value): BoundArguments {
    return new BoundArguments(new Map([...this.#values, [name.toLowerCase(), value]]));
  }

  names(): string[] {
    return [...this.#values.keys()];
  }
}
