import { AppError } from '../../../shared/errors.js';
import { escapeRegExp } from '../../../shared/regexp.js';

/**
 * OPATH, the filter language of Exchange's -RecipientRestrictionFilter, -Filter and -RecipientFilter.
 * Supported: -eq, -ne, -like, -notlike, -and, -or (one precedence, left to right), -not, parentheses, quoted strings ('x', "x"),
 * $true/$false/$null and unquoted values. Comparison is case-insensitive, as in Exchange. The
 * typographic dashes (U+2013..U+2015) count as '-', because PowerShell accepts them and filters are
 * usually pasted from documents.
 * https://learn.microsoft.com/powershell/exchange/recipient-filters
 */

export type OpathComparison = 'eq' | 'ne' | 'like' | 'notlike';
export type OpathValue = string | boolean | null;

export type OpathNode =
  | { readonly kind: 'and' | 'or'; readonly left: OpathNode; readonly right: OpathNode }
  | { readonly kind: 'not'; readonly operand: OpathNode }
  | { readonly kind: 'compare'; readonly property: string; readonly operator: OpathComparison; readonly value: OpathValue };

/** What a filter reads from a recipient: one value, several (multi-valued), or nothing. */
export type OpathLookup = (property: string) => string | readonly string[] | undefined;

/** The filterable properties of a recipient that the simulator knows, in Exchange's spelling. */
export const RECIPIENT_FILTER_PROPERTIES: readonly string[] = [
  'RecipientTypeDetails',
  'RecipientType',
  'Alias',
  'Name',
  'DisplayName',
  'PrimarySmtpAddress',
  'WindowsEmailAddress',
  'EmailAddresses',
  'UserPrincipalName',
  'FirstName',
  'LastName',
  'Department',
  'CustomAttribute1',
  'CustomAttribute2',
  'CustomAttribute3',
  'CustomAttribute4',
  'CustomAttribute5',
];

/** A filter Exchange would refuse; `position` is 1-based, as Exchange reports it. */
export class OpathSyntaxError extends AppError {
  readonly position: number;

  constructor(message: string, position: number, hint: string) {
    super('InvalidFilter', message, hint);
    this.position = position;
  }
}

type Token =
  | { readonly kind: 'lparen' | 'rparen' | 'end'; readonly pos: number }
  | { readonly kind: 'op'; readonly name: string; readonly pos: number }
  | { readonly kind: 'string' | 'word'; readonly value: string; readonly pos: number }
  | { readonly kind: 'constant'; readonly value: boolean | null; readonly pos: number };

const DASHES = '-\u2013\u2014\u2015';
const CONSTANTS: Readonly<Record<string, boolean | null>> = { $true: true, $false: false, $null: null };
const HINT = 'Write the filter as Property -operator "value", e.g. {RecipientTypeDetails -eq "UserMailbox"}; combine with -and, -or, -not and parentheses.';

function syntaxError(text: string, pos: number): OpathSyntaxError {
  return new OpathSyntaxError(`Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n"${text}" at position ${pos}.`, pos, HINT);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const pos = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', pos });
      i++;
    } else if (DASHES.includes(c) && /[a-z]/i.test(text[i + 1] ?? '')) {
      const m = /^[a-z]+/i.exec(text.slice(i + 1))!;
      tokens.push({ kind: 'op', name: m[0].toLowerCase(), pos });
      i += 1 + m[0].length;
    } else if (c === "'" || c === '"') {
      const end = readQuoted(text, i);
      tokens.push({ kind: 'string', value: end.value, pos });
      i = end.next;
    } else {
      const m = /^[^\s()'"]+/.exec(text.slice(i))!;
      const word = m[0];
      const constant = CONSTANTS[word.toLowerCase()];
      tokens.push(constant !== undefined ? { kind: 'constant', value: constant, pos } : { kind: 'word', value: word, pos });
      i += word.length;
    }
  }
  tokens.push({ kind: 'end', pos: text.length + 1 });
  return tokens;
}

/** Reads a quoted string starting at `start`; a doubled quote (or a backtick) escapes the quote. */
function readQuoted(text: string, start: number): { value: string; next: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote && text[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (c === quote) {
      return { value, next: i + 1 };
    } else if (c === '`' && quote === '"' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  throw syntaxError(text, start + 1);
}

class OpathParser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly properties: readonly string[],
  ) {}

  parse(): OpathNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw syntaxError(this.text, next.pos);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private isOp(name: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.name === name;
  }

  /**
   * -and and -or share one precedence and group left to right, as in PowerShell, whose syntax OPATH
   * borrows (Exchange's documentation tells admins to add parentheses rather than rely on an order).
   */
  private parseOr(): OpathNode {
    let left = this.parseUnary();
    while (this.isOp('and') || this.isOp('or')) {
      const kind = this.isOp('and') ? 'and' : 'or';
      this.index++;
      left = { kind, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): OpathNode {
    const t = this.peek();
    if (this.isOp('not')) {
      this.index++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (t.kind === 'lparen') {
      this.index++;
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind !== 'rparen') throw syntaxError(this.text, close.pos);
      this.index++;
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): OpathNode {
    const prop = this.peek();
    if (prop.kind !== 'word') throw syntaxError(this.text, prop.pos);
    const property = this.properties.find((p) => p.toLowerCase() === prop.value.toLowerCase());
    if (property === undefined) {
      throw new OpathSyntaxError(
        `"${prop.value}" is not a recognized filterable property. For a list of filterable properties see the command help.\n"${this.text}" at position ${prop.pos}.`,
        prop.pos,
        `Filterable properties here: ${this.properties.join(', ')}.`,
      );
    }
    this.index++;
    const op = this.peek();
    if (op.kind !== 'op' || !['eq', 'ne', 'like', 'notlike'].includes(op.name)) throw syntaxError(this.text, op.pos);
    this.index++;
    const value = this.peek();
    if (value.kind !== 'string' && value.kind !== 'word' && value.kind !== 'constant') throw syntaxError(this.text, value.pos);
    this.index++;
    return { kind: 'compare', property, operator: op.name as OpathComparison, value: value.value };
  }
}

/** Parses an OPATH filter; throws OpathSyntaxError with Exchange's wording when it is not valid. */
export function parseOpath(text: string, properties: readonly string[] = RECIPIENT_FILTER_PROPERTIES): OpathNode {
  return new OpathParser(text, tokenize(text), properties).parse();
}

/** Evaluates a parsed filter against one object. */
export function evaluateOpath(node: OpathNode, lookup: OpathLookup): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateOpath(node.left, lookup) && evaluateOpath(node.right, lookup);
    case 'or':
      return evaluateOpath(node.left, lookup) || evaluateOpath(node.right, lookup);
    case 'not':
      return !evaluateOpath(node.operand, lookup);
    case 'compare':
      return compare(node, lookup(node.property));
  }
}

function compare(node: Extract<OpathNode, { kind: 'compare' }>, actual: string | readonly string[] | undefined): boolean {
  const values = (actual === undefined ? [] : typeof actual === 'string' ? [actual] : actual).filter((v) => v !== '');
  const positive = node.operator === 'eq' || node.operator === 'like';
  if (node.value === null) return positive ? values.length === 0 : values.length > 0;
  const wanted = typeof node.value === 'boolean' ? (node.value ? 'True' : 'False') : node.value;
  const test = node.operator === 'like' || node.operator === 'notlike' ? wildcardMatcher(wanted) : (v: string) => v.toLowerCase() === wanted.toLowerCase();
  const any = values.some(test);
  return positive ? any : !any;
}

/** OPATH -like knows only `*` (any run of characters); everything else is literal. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const source = pattern
    .split('*')
    .map(escapeRegExp)
    .join('.*');
  const re = new RegExp(`^${source}$`, 'is');
  return (value) => re.test(value);
}

/** Parses once, evaluates many times. */
export function compileOpath(text: string, properties: readonly string[] = RECIPIENT_FILTER_PROPERTIES): (lookup: OpathLookup) => boolean {
  const node = parseOpath(text, properties);
  return (lookup) => evaluateOpath(node, lookup);
}
