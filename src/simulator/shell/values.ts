import type { Statement } from './ast.js';

/**
 * Runtime values of the shell. PowerShell's are .NET objects; here they are JS primitives for strings,
 * numbers, booleans and $null, arrays, and a few classes for what has no JS counterpart: objects with
 * case-insensitive properties (PsObject), script blocks, secure strings, hashtables and the records
 * Format-List/Format-Table emit.
 */
export type Value = null | string | number | boolean | readonly Value[] | PsObject | ScriptBlockValue | SecureStringValue | PsHashtable | FormattedText;

/** An object with named, ordered, case-insensitive properties and a .NET-like type name. */
export class PsObject {
  readonly #props = new Map<string, { name: string; value: Value }>();

  /**
   * @param typeName e.g. `Microsoft.Exchange.Data.Directory.Management.Mailbox`; `System.Management.Automation.PSCustomObject` for Select-Object's objects.
   * @param tableColumns the default table view's columns (as Exchange's format files define them); without, PowerShell's rule applies (table up to 4 properties, list beyond).
   * @param display what ToString() gives, used in strings and for -Identity; defaults to PSCustomObject's `@{a=1; b=2}`.
   */
  constructor(
    readonly typeName: string,
    properties: Iterable<readonly [string, Value]>,
    readonly tableColumns?: readonly string[],
    private readonly display?: string,
  ) {
    for (const [name, value] of properties) this.#props.set(name.toLowerCase(), { name, value });
  }

  /** The property's value; undefined when there is no such property (PowerShell then yields $null). */
  get(name: string): Value | undefined {
    return this.#props.get(name.toLowerCase())?.value;
  }

  has(name: string): boolean {
    return this.#props.has(name.toLowerCase());
  }

  /** The property's name as the object spells it. */
  canonicalName(name: string): string | undefined {
    return this.#props.get(name.toLowerCase())?.name;
  }

  names(): string[] {
    return [...this.#props.values()].map((p) => p.name);
  }

  toString(): string {
    if (this.display !== undefined) return this.display;
    return `@{${[...this.#props.values()].map((p) => `${p.name}=${toText(p.value)}`).join('; ')}}`;
  }
}

export class ScriptBlockValue {
  constructor(
    /** The text between the braces, as ScriptBlock.ToString() returns it. */
    readonly text: string,
    readonly body: readonly Statement[],
    /** The script the block was parsed from (for error positions). */
    readonly source: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

/** A SecureString: the plain text is kept only to hand to the directory, never shown. */
export class SecureStringValue {
  readonly #plain: string;

  constructor(plain: string) {
    this.#plain = plain;
  }

  reveal(): string {
    return this.#plain;
  }

  toString(): string {
    return 'System.Security.SecureString';
  }
}

export class PsHashtable {
  readonly #entries = new Map<string, { key: string; value: Value }>();

  constructor(entries: Iterable<readonly [string, Value]>) {
    for (const [key, value] of entries) this.#entries.set(key.toLowerCase(), { key, value });
  }

  get(key: string): Value | undefined {
    return this.#entries.get(key.toLowerCase())?.value;
  }

  keys(): string[] {
    return [...this.#entries.values()].map((e) => e.key);
  }

  toString(): string {
    return 'System.Collections.Hashtable';
  }
}

/** Lines Format-List or Format-Table produced; printed as they are. */
export class FormattedText {
  constructor(readonly text: string) {}

  toString(): string {
    return 'Microsoft.PowerShell.Commands.Internal.Format.FormatStartData';
  }
}

export const isArray = (v: Value | undefined): v is readonly Value[] => Array.isArray(v);

/** The string PowerShell makes of a value (arrays join with a space, as $OFS defaults). */
export function toText(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (isArray(v)) return v.map(toText).join(' ');
  return v.toString();
}

/** PowerShell truthiness. */
export function toBoolean(v: Value | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (isArray(v)) return v.length > 1 || (v.length === 1 && toBoolean(v[0]));
  return true;
}

/** The .NET type name PowerShell would print for a value (error messages). */
export function typeNameOf(v: Value | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'System.String';
  if (typeof v === 'boolean') return 'System.Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'System.Int32' : 'System.Double';
  if (isArray(v)) return 'System.Object[]';
  if (v instanceof PsObject) return v.typeName;
  if (v instanceof ScriptBlockValue) return 'System.Management.Automation.ScriptBlock';
  if (v instanceof SecureStringValue) return 'System.Security.SecureString';
  if (v instanceof PsHashtable) return 'System.Collections.Hashtable';
  return 'System.Object';
}

/** What a value sends down a pipeline: arrays unroll, $null sends nothing. */
export function enumerate(v: Value | undefined): Value[] {
  if (v === null || v === undefined) return [];
  return isArray(v) ? [...v] : [v];
}

/** What a variable holds after `$x = <pipeline>`: nothing -> $null, one -> it, more -> array. */
export function collapse(values: readonly Value[]): Value {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0]!;
  return [...values];
}

/** Property access as PowerShell does it, including member enumeration over arrays. */
export function getMember(target: Value, name: string): Value {
  if (isArray(target)) {
    const lower = name.toLowerCase();
    if (lower === 'count' || lower === 'length') return target.length;
    return collapse(target.flatMap((item) => enumerate(getMember(item, name))));
  }
  if (target instanceof PsObject) return target.get(name) ?? null;
  if (target instanceof PsHashtable) return target.get(name) ?? null;
  if (typeof target === 'string' && name.toLowerCase() === 'length') return target.length;
  if (target !== null && name.toLowerCase() === 'count') return 1;
  return null;
}
