import type { Extent } from './ast.js';
import type { CmdletDefinition, ParamSpec } from './cmdlets/types.js';
import { bindingError, ShellException, type ScriptPosition } from './errors.js';
import { suggestAlias } from '../store/directory/index.js';
import { isArray, PsObject, ScriptBlockValue, SecureStringValue, toText, typeNameOf, type Value } from './values.js';

/**
 * Parameter binding as PowerShell does it: named parameters first (unique prefixes allowed, each at
 * most once), then the remaining arguments to positional parameters in order; an argument left over
 * is "A positional parameter cannot be found that accepts argument '…'." Values are converted to the
 * parameter's type with PowerShell's messages when they cannot be.
 */

export type EvaluatedElement =
  | { readonly kind: 'parameter'; readonly name: string; readonly value?: Value; readonly hasArgument: boolean; readonly text: string; readonly extent: Extent }
  | { readonly kind: 'argument'; readonly value: Value; readonly bare: boolean; readonly text: string; readonly extent: Extent };

export interface BindContext {
  readonly command: string;
  /** Exchange cmdlets validate on the server: their setter errors come back over remoting. */
  readonly origin: 'exchange' | 'local';
  readonly position?: ScriptPosition;
  /** Whether a word names a cmdlet or alias (to explain two commands run together on one line). */
  readonly isCommandName: (word: string) => boolean;
}

/** Words that, left over in a command's arguments, show a statement was meant to start there. */
const STATEMENT_WORDS = new Set(['foreach', 'if']);

function fail(bc: BindContext, errorId: string, message: string, hint?: string, category?: 'InvalidArgument' | 'InvalidData'): never {
  throw new ShellException(bindingError(bc.command, errorId, message, bc.position, hint, category));
}

/** Finds the parameter a (possibly abbreviated) name means. */
export function matchParameter(def: CmdletDefinition, typed: string, bc: BindContext): ParamSpec {
  const lower = typed.toLowerCase();
  const names = (p: ParamSpec): string[] => [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase());
  const exact = def.parameters.find((p) => names(p).includes(lower));
  if (exact) return exact;
  const prefixed = def.parameters.filter((p) => names(p).some((n) => n.startsWith(lower)));
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) {
    fail(bc, 'AmbiguousParameter', `Parameter cannot be processed because the parameter name '${typed}' is ambiguous. Possible matches include: ${prefixed.map((p) => `-${p.name}`).join(' ')}.`);
  }
  return fail(bc, 'NamedParameterNotFound', `A parameter cannot be found that matches parameter name '${typed}'.`);
}

const DEFAULT_TYPE_NAMES: Record<ParamSpec['type'], string> = {
  string: 'System.String',
  strings: 'System.String[]',
  bool: 'System.Boolean',
  switch: 'System.Management.Automation.SwitchParameter',
  int: 'System.Int32',
  unlimited: 'Microsoft.Exchange.Data.Unlimited`1[System.UInt32]',
  secure: 'System.Security.SecureString',
  filter: 'System.String',
  scriptblock: 'System.Management.Automation.ScriptBlock',
  object: 'System.Object',
  enum: 'System.String',
  enums: 'System.String[]',
};

const typeNameFor = (spec: ParamSpec): string => spec.typeName ?? DEFAULT_TYPE_NAMES[spec.type];

/** Converts a bound value to the parameter's type, or fails with PowerShell's conversion error. */
export function convertArgument(spec: ParamSpec, value: Value, bc: BindContext): Value {
  const noConvert = (detail?: string): never =>
    fail(bc, 'CannotConvertArgumentNoMessage', `Cannot bind parameter '${spec.name}'. Cannot convert the "${toText(value)}" value of type "${typeNameOf(value)}" to type "${typeNameFor(spec)}".${detail ?? ''}`);
  switch (spec.type) {
    case 'object':
      return value;
    case 'switch':
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      if (spec.type === 'switch' && value instanceof PsObject) return true;
      return fail(
        bc,
        'ParameterArgumentTransformationError',
        `Cannot process argument transformation on parameter '${spec.name}'. Cannot convert value "${typeNameOf(value)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
        `Write -${spec.name} $true or -${spec.name} $false (with the dollar sign).`,
        'InvalidData',
      );
    case 'secure':
      return value instanceof SecureStringValue ? value : noConvert();
    case 'scriptblock':
      return value instanceof ScriptBlockValue ? value : noConvert();
    case 'filter':
      if (value instanceof ScriptBlockValue) return value.text.trim();
      return typeof value === 'string' ? value : noConvert();
    case 'int':
    case 'unlimited':
      return toInteger(spec, value, bc);
    case 'string':
    case 'enum':
      return toEnum(spec, toSingleString(spec, value, bc), bc);
    case 'strings':
    case 'enums':
      return (isArray(value) ? value : [value]).map((item) => toEnum(spec, toSingleString(spec, item, bc), bc));
  }
}

function toSingleString(spec: ParamSpec, value: Value, bc: BindContext): string {
  if (isArray(value)) {
    if (value.length === 1) return toSingleString(spec, value[0]!, bc);
    fail(bc, 'CannotConvertArgument', `Cannot convert '${typeNameOf(value)}' to the type '${typeNameFor(spec)}' required by parameter '${spec.name}'. Specified method is not supported.`, 'Give one value, or quote a value that contains commas.');
  }
  if (value instanceof SecureStringValue) fail(bc, 'CannotConvertArgument', `Cannot bind parameter '${spec.name}'. Cannot convert the "System.Security.SecureString" value of type "System.Security.SecureString" to type "${typeNameFor(spec)}".`);
  // Exchange identity parameters take the object a Get- cmdlet returned; its Identity names it.
  if (value instanceof PsObject && value.has('Identity')) return toText(value.get('Identity') ?? null);
  return toText(value);
}

function toEnum(spec: ParamSpec, text: string, bc: BindContext): string {
  if (spec.type !== 'enum' && spec.type !== 'enums') return text;
  const found = spec.values?.find((v) => v.toLowerCase() === text.trim().toLowerCase());
  if (found !== undefined) return found;
  return fail(
    bc,
    'ParameterArgumentTransformationError',
    `Cannot process argument transformation on parameter '${spec.name}'. Cannot convert value "${text}" to type "${typeNameFor(spec)}". Error: "Unable to match the identifier name ${text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${(spec.values ?? []).join(', ')}"`,
    `Valid values: ${(spec.values ?? []).join(', ')}.`,
    'InvalidData',
  );
}

function toInteger(spec: ParamSpec, value: Value, bc: BindContext): number {
  const text = toText(isArray(value) && value.length === 1 ? value[0]! : value).trim();
  if (spec.type === 'unlimited' && text.toLowerCase() === 'unlimited') return Number.POSITIVE_INFINITY;
  const n = typeof value === 'number' ? value : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(n) && (spec.type !== 'unlimited' || n >= 0)) return n;
  return fail(bc, 'CannotConvertArgumentNoMessage', `Cannot bind parameter '${spec.name}'. Cannot convert value "${text}" to type "${typeNameFor(spec)}". Error: "Input string was not in a correct format."`, spec.type === 'unlimited' ? `Give a number or Unlimited, e.g. -${spec.name} Unlimited.` : undefined);
}

/** Binds evaluated command elements to the cmdlet's parameters (before pipeline input and prompts). */
export function bindParameters(def: CmdletDefinition, elements: readonly EvaluatedElement[], bc: BindContext): Map<string, Value> {
  const bound = new Map<string, Value>();
  const boundAt = new Map<string, number>();
  const positional: { element: EvaluatedElement & { kind: 'argument' }; index: number }[] = [];
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (el.kind === 'argument') {
      positional.push({ element: el, index: i });
      continue;
    }
    const spec = matchParameter(def, el.name, bc);
    if (bound.has(spec.name)) {
      fail(bc, 'ParameterAlreadyBound', `Cannot bind parameter because parameter '${spec.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`, runTogetherHint(elements, boundAt.get(spec.name)!, i, bc));
    }
    let value: Value;
    if (el.hasArgument) {
      value = el.value ?? null;
    } else if (spec.type === 'switch') {
      value = true;
    } else {
      const next = elements[i + 1];
      if (!next || next.kind !== 'argument') {
        fail(bc, 'MissingArgument', `Missing an argument for parameter '${spec.name}'. Specify a parameter of type '${typeNameFor(spec)}' and try again.`);
      }
      value = next.value;
      i++;
    }
    bound.set(spec.name, validated(spec, convertArgument(spec, value, bc), bc));
    boundAt.set(spec.name, i);
  }
  const slots = def.parameters.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
  for (const { element, index } of positional) {
    const slot = slots.find((p) => !bound.has(p.name));
    if (!slot) {
      fail(bc, 'PositionalParameterNotFound', `A positional parameter cannot be found that accepts argument '${positionalText(element.value)}'.`, positionalHint(elements, index, bc));
    }
    bound.set(slot.name, validated(slot, convertArgument(slot, element.value, bc), bc));
  }
  return bound;
}

/** Runs the parameter's setter check (Exchange's property validation). */
export function validated(spec: ParamSpec, value: Value, bc: BindContext): Value {
  const problem = spec.validate?.(value);
  if (!problem) return value;
  throw new ShellException({
    message: `Cannot bind parameter '${spec.name}' to the target. Exception setting "${spec.name}": "${problem.message}"`,
    command: bc.command,
    category: 'WriteError',
    exception: 'ParameterBindingException',
    errorId: 'ParameterBindingFailed',
    origin: bc.origin,
    terminating: true,
    ...(bc.origin === 'local' && bc.position ? { position: bc.position } : {}),
    ...(problem.hint ? { hint: problem.hint } : {}),
    ...(bc.origin === 'exchange' ? { fullyQualifiedErrorId: `ParameterBindingFailed,${bc.command}` } : {}),
  });
}

function positionalText(value: Value): string {
  if (isArray(value) || value instanceof PsObject || value instanceof ScriptBlockValue) return typeNameOf(value) === 'System.Management.Automation.ScriptBlock' ? toText(value) : typeNameOf(value);
  return toText(value);
}

/**
 * Explains a leftover argument. After `-Alias Alexa for Business` the words after `Alexa` are the
 * leftovers: the value needed quotes. A leftover that is a keyword or cmdlet name means two
 * statements were written on one line.
 */
function positionalHint(elements: readonly EvaluatedElement[], index: number, bc: BindContext): string | undefined {
  const el = elements[index]!;
  if (el.kind === 'argument' && el.bare && (STATEMENT_WORDS.has(el.text.toLowerCase()) || (/-/.test(el.text) && bc.isCommandName(el.text)))) {
    return `'${el.text}' starts another statement: put it on its own line, or separate the statements with ';'.`;
  }
  let j = index - 1;
  while (j >= 0 && elements[j]!.kind === 'argument' && (elements[j] as { bare: boolean }).bare) j--;
  const param = elements[j];
  if (!param || param.kind !== 'parameter' || param.hasArgument || j === index - 1) return undefined;
  let end = index;
  while (end + 1 < elements.length && elements[end + 1]!.kind === 'argument' && (elements[end + 1] as { bare: boolean }).bare) end++;
  const words = elements.slice(j + 1, end + 1).map((e) => e.text).join(' ');
  let hint = `A value that contains spaces must be quoted: -${param.name} "${words}".`;
  if (param.name.toLowerCase() === 'alias') hint += ` An alias can't contain spaces at all, so use e.g. -Alias ${suggestAlias(words)}.`;
  return hint;
}

function runTogetherHint(elements: readonly EvaluatedElement[], from: number, to: number, bc: BindContext): string | undefined {
  const command = elements.slice(from + 1, to).find((e) => e.kind === 'argument' && e.bare && bc.isCommandName(e.text));
  return command ? `'${command.text}' starts another command: put it on its own line, or separate the commands with ';'.` : undefined;
}
