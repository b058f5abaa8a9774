import { escapeRegExp } from '../../shared/regexp.js';
import { PsRuntimeError } from './errors.js';
import { collapse, enumerate, isArray, PsObject, toBoolean, toText, typeNameOf, type Value } from './values.js';

/**
 * PowerShell's binary operators. The left operand decides the comparison: a string compares as text
 * (case-insensitively unless the operator starts with 'c'), a number converts the right side to a
 * number, a boolean to a boolean; an array on the left filters its elements.
 * https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_comparison_operators
 */

/** PowerShell wildcards: `*`, `?`, `[a-z]`, and a backtick escaping the next character. */
export function wildcardToRegExp(pattern: string, caseSensitive: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[' && pattern.indexOf(']', i + 1) > i + 1) {
      const end = pattern.indexOf(']', i + 1);
      source += `[${pattern.slice(i + 1, end).replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, caseSensitive ? 's' : 'is');
}


function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null) return 0;
  const text = toText(v).trim();
  const n = text === '' ? 0 : Number(text);
  if (Number.isNaN(n)) throw new PsRuntimeError('InvalidCastFromStringToInteger', `Cannot convert value "${text}" to type "System.Int32". Error: "Input string was not in a correct format."`, 'InvalidArgument');
  return n;
}

function equals(left: Value, right: Value, caseSensitive: boolean): boolean {
  if (left === null || right === null) return left === right;
  if (typeof left === 'number') {
    if (typeof right === 'number') return left === right;
    const n = Number(toText(right).trim());
    return !Number.isNaN(n) && toText(right).trim() !== '' && n === left;
  }
  if (typeof left === 'boolean') return left === toBoolean(right);
  if (typeof left === 'string') return caseSensitive ? left === toText(right) : left.toLowerCase() === toText(right).toLowerCase();
  if (left instanceof PsObject && right instanceof PsObject) return left === right;
  return caseSensitive ? toText(left) === toText(right) : toText(left).toLowerCase() === toText(right).toLowerCase();
}

function order(left: Value, right: Value, caseSensitive: boolean): number {
  if (typeof left === 'number') return left - toNumber(right);
  const a = caseSensitive ? toText(left) : toText(left).toLowerCase();
  const b = caseSensitive ? toText(right) : toText(right).toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function scalarCompare(op: string, left: Value, right: Value, cs: boolean): boolean {
  switch (op) {
    case 'eq':
      return equals(left, right, cs);
    case 'ne':
      return !equals(left, right, cs);
    case 'gt':
      return order(left, right, cs) > 0;
    case 'ge':
      return order(left, right, cs) >= 0;
    case 'lt':
      return order(left, right, cs) < 0;
    case 'le':
      return order(left, right, cs) <= 0;
    case 'like':
      return wildcardToRegExp(toText(right), cs).test(toText(left));
    case 'notlike':
      return !wildcardToRegExp(toText(right), cs).test(toText(left));
    case 'match':
      return regex(toText(right), cs).test(toText(left));
    case 'notmatch':
      return !regex(toText(right), cs).test(toText(left));
    default:
      throw new PsRuntimeError('OperatorNotSupported', `The '-${op}' operator isn't supported by the Concierge Exchange Management Shell.`);
  }
}

function regex(pattern: string, caseSensitive: boolean): RegExp {
  try {
    return new RegExp(pattern, caseSensitive ? '' : 'i');
  } catch {
    throw new PsRuntimeError('InvalidRegularExpression', `The regular expression pattern ${pattern} is not valid.`, 'InvalidOperation');
  }
}

/** Evaluates `left -op right` (op without the dash, possibly 'i'/'c'-prefixed). */
export function compare(rawOp: string, left: Value, right: Value): Value {
  const cs = rawOp.startsWith('c') && rawOp !== 'contains';
  const op = (rawOp.startsWith('c') || rawOp.startsWith('i')) && !['contains', 'in', 'is', 'isnot'].includes(rawOp) ? rawOp.slice(1) : rawOp;
  switch (op) {
    case 'contains':
    case 'notcontains': {
      const found = enumerate(left).some((item) => equals(item, right, cs));
      return op === 'contains' ? found : !found;
    }
    case 'in':
    case 'notin': {
      const found = enumerate(right).some((item) => equals(item, left, cs));
      return op === 'in' ? found : !found;
    }
    case 'replace': {
      const [pattern, replacement] = isArray(right) ? [toText(right[0] ?? null), toText(right[1] ?? null)] : [toText(right), ''];
      const re = new RegExp(regex(pattern, cs).source, cs ? 'g' : 'gi');
      return toText(left).replace(re, replacement);
    }
    case 'is':
    case 'isnot':
      throw new PsRuntimeError('OperatorNotSupported', `The '-${op}' operator isn't supported by the Concierge Exchange Management Shell.`);
  }
  if (isArray(left)) return left.filter((item) => scalarCompare(op, item, right, cs));
  return scalarCompare(op, left, right, cs);
}

export function logical(op: string, left: Value, right: () => Value): boolean {
  const l = toBoolean(left);
  if (op === 'and') return l && toBoolean(right());
  if (op === 'or') return l || toBoolean(right());
  return l !== toBoolean(right());
}

/** + - * / % with PowerShell's left-operand rules. */
export function arithmetic(op: string, left: Value, right: Value): Value {
  if (op === '+') {
    if (left === null) return right;
    if (isArray(left)) return [...left, ...enumerate(right)];
    if (typeof left === 'string') return left + toText(right);
    if (typeof left === 'number') return left + toNumber(right);
  }
  if (op === '*' && typeof left === 'string') return left.repeat(Math.max(0, Math.trunc(toNumber(right))));
  if (typeof left === 'number' || left === null || typeof left === 'boolean') {
    const a = toNumber(left);
    const b = toNumber(right);
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '/') {
      if (b === 0) throw new PsRuntimeError('RuntimeException', 'Attempted to divide by zero.', 'NotSpecified');
      return a / b;
    }
    if (op === '%') return a % b;
    if (op === '+') return a + b;
  }
  throw new PsRuntimeError('OperatorNotSupported', `Method invocation failed because [${typeNameOf(left)}] does not contain a method named 'op_${opName(op)}'.`);
}

function opName(op: string): string {
  return ({ '+': 'Addition', '-': 'Subtraction', '*': 'Multiply', '/': 'Division', '%': 'Modulus' } as Record<string, string>)[op] ?? op;
}

/** The few string methods scripts call on properties (`$_.Name.ToLower()`). */
export function invokeMethod(target: Value, method: string, args: readonly Value[]): Value {
  if (isArray(target)) return collapse(target.map((item) => invokeMethod(item, method, args)));
  const name = method.toLowerCase();
  if (name === 'tostring') return toText(target);
  if (typeof target === 'string') {
    const a = args.map(toText);
    switch (name) {
      case 'tolower':
      case 'tolowerinvariant':
        return target.toLowerCase();
      case 'toupper':
      case 'toupperinvariant':
        return target.toUpperCase();
      case 'trim':
        return target.trim();
      case 'contains':
        return target.includes(a[0] ?? '');
      case 'startswith':
        return target.startsWith(a[0] ?? '');
      case 'endswith':
        return target.endsWith(a[0] ?? '');
      case 'replace':
        return target.split(a[0] ?? '').join(a[1] ?? '');
      case 'split':
        return target.split(a[0] ?? ' ');
      case 'substring':
        return target.substring(toNumber(args[0] ?? 0), args[1] === undefined ? undefined : toNumber(args[0] ?? 0) + toNumber(args[1]));
    }
  }
  throw new PsRuntimeError('MethodNotFound', `Method invocation failed because [${typeNameOf(target)}] does not contain a method named '${method}'.`);
}
