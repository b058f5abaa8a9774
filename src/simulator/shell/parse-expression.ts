import type { ArgumentElement, ExpandPart, Expression } from './ast.js';
import { parseError } from './errors.js';
import { fail, ParseAbort, parseBlock, parseStatement, parseStatementList, tokenTextAt, unexpectedToken, type ParseContext } from './parser.js';
import { escapeChar, isArgumentStop, isDash, isDoubleQuote, isLetter, isQuote, isSingleQuote } from './tokenizer.js';

/**
 * Expressions (expression mode) and command arguments (command mode). Operator precedence follows
 * about_Operator_Precedence: -and/-or/-xor (equal, left to right) < comparisons < + - < * / % <
 * -not ! and unary minus < the comma operator < member access and indexing.
 */

const COMPARISON_BASE = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin', 'replace'];
const COMPARISON = new Set([...COMPARISON_BASE.flatMap((op) => [op, `i${op}`, `c${op}`]), 'is', 'isnot']);
const LOGICAL = new Set(['and', 'or', 'xor']);

const FOREACH_HINT =
  'A foreach statement must start its own statement: end the previous command first, with a new line or \';\' ' +
  '(… | Select -ExpandProperty Name; foreach ($user in $users) { … }), and put each command inside the { } on its own line or separate them with \';\'.';

const extentFrom = (start: number, ctx: ParseContext): { start: number; end: number } => ({ start, end: ctx.lx.pos });

export function parseExpression(ctx: ParseContext): Expression {
  return parseBinary(ctx, LOGICAL, () => parseBinary(ctx, COMPARISON, () => parseAdditive(ctx)));
}

/** The dash operator at the cursor if it is in `set` (cursor moves past it), else undefined. */
function takeOperator(ctx: ParseContext, set: ReadonlySet<string>): string | undefined {
  const { lx } = ctx;
  const save = lx.pos;
  lx.skipInline();
  if (isDash(lx.peek()) && isLetter(lx.peek(1))) {
    lx.pos++;
    const word = lx.readWord().toLowerCase();
    if (set.has(word)) return word;
  }
  lx.pos = save;
  return undefined;
}

function parseBinary(ctx: ParseContext, set: ReadonlySet<string>, operand: () => Expression): Expression {
  let left = operand();
  for (;;) {
    const opStart = ctx.lx.pos;
    const op = takeOperator(ctx, set);
    if (op === undefined) return left;
    ctx.lx.skipAll();
    requireValue(ctx, opStart, `-${op}`);
    const right = operand();
    left = { kind: 'binary', operator: op, left, right, extent: { start: left.extent.start, end: right.extent.end } };
  }
}

function parseArithmetic(ctx: ParseContext, ops: string, operand: () => Expression): Expression {
  const { lx } = ctx;
  let left = operand();
  for (;;) {
    const save = lx.pos;
    lx.skipInline();
    const c = lx.peek();
    const isOp = c !== '' && (isDash(c) ? ops.includes('-') && !isLetter(lx.peek(1)) : ops.includes(c));
    if (!isOp || lx.peek(1) === '=') {
      lx.pos = save;
      return left;
    }
    const opStart = lx.pos;
    lx.pos++;
    lx.skipAll();
    requireValue(ctx, opStart, isDash(c) ? '-' : c);
    const right = operand();
    left = { kind: 'binary', operator: isDash(c) ? '-' : c, left, right, extent: { start: left.extent.start, end: right.extent.end } };
  }
}

const parseAdditive = (ctx: ParseContext): Expression => parseArithmetic(ctx, '+-', () => parseArithmetic(ctx, '*/%', () => parseUnary(ctx)));

function startsValue(c: string, next: string): boolean {
  return c === '$' || isQuote(c) || /[0-9]/.test(c) || c === '(' || c === '@' || c === '{' || c === '!' || isDash(c) || (c === '.' && /[0-9]/.test(next)) || c === '[';
}

function requireValue(ctx: ParseContext, opStart: number, op: string): void {
  const { lx } = ctx;
  if (startsValue(lx.peek(), lx.peek(1))) return;
  ctx.errors.push(parseError(ctx.src, opStart, opStart + op.length, 'ExpectedValueExpression', `You must provide a value expression following the '${op}' operator.`));
  if (lx.atEnd()) throw new ParseAbort(op);
  unexpectedToken(ctx, lx.pos);
}

function parseUnary(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const start = lx.pos;
  const c = lx.peek();
  if (c === '!' || (isDash(c) && /^not\b/i.test(lx.src.slice(lx.pos + 1)))) {
    lx.pos += c === '!' ? 1 : 4;
    lx.skipInline();
    requireValue(ctx, start, c === '!' ? '!' : '-not');
    const operand = parseUnary(ctx);
    return { kind: 'unary', operator: 'not', operand, extent: extentFrom(start, ctx) };
  }
  if (isDash(c) && !isLetter(lx.peek(1))) {
    lx.pos++;
    const operand = parseUnary(ctx);
    if (operand.kind === 'number') return { ...operand, value: -operand.value, extent: extentFrom(start, ctx) };
    return { kind: 'unary', operator: 'negate', operand, extent: extentFrom(start, ctx) };
  }
  return parseComma(ctx);
}

function parseComma(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const first = parsePostfix(ctx, parsePrimary(ctx));
  const save = lx.pos;
  lx.skipInline();
  if (lx.peek() !== ',') {
    lx.pos = save;
    return first;
  }
  const items = [first];
  while (lx.peek() === ',') {
    lx.pos++;
    lx.skipAll();
    items.push(parsePostfix(ctx, parsePrimary(ctx)));
    const again = lx.pos;
    lx.skipInline();
    if (lx.peek() !== ',') lx.pos = again;
  }
  return { kind: 'array', items, extent: { start: first.extent.start, end: lx.pos } };
}

function parsePrimary(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const start = lx.pos;
  const c = lx.peek();
  if (c === '$' && lx.peek(1) === '(') return parseSubexpression(ctx, false);
  if (c === '@' && lx.peek(1) === '(') return parseSubexpression(ctx, true);
  if (c === '@' && lx.peek(1) === '{') return parseHashtable(ctx);
  if (c === '$') {
    const name = lx.readVariable();
    if (name === undefined) unexpectedToken(ctx, start);
    return { kind: 'variable', name, extent: extentFrom(start, ctx) };
  }
  if (isQuote(c)) return parseStringLiteral(ctx);
  if (c === '(') return parseParen(ctx);
  if (c === '{') return parseScriptBlock(ctx);
  if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(lx.peek(1)))) {
    const value = lx.readNumber((n) => !/[\p{L}\p{N}_]/u.test(n));
    if (value === undefined) unexpectedToken(ctx, start);
    return { kind: 'number', value, extent: extentFrom(start, ctx) };
  }
  if (c === '[') fail(ctx, start, start + 1, 'NotSupported', "Type literals such as [string] aren't supported by the Concierge Exchange Management Shell.");
  return unexpectedToken(ctx, start);
}

/** Member access, method calls and indexing directly after a value (no space before '.' or '['). */
function parsePostfix(ctx: ParseContext, target: Expression): Expression {
  const { lx } = ctx;
  let expr = target;
  for (;;) {
    if (lx.peek() === '.' && isLetter(lx.peek(1))) {
      lx.pos++;
      const member = lx.readWord();
      if (lx.peek() === '(') {
        lx.pos++;
        lx.skipAll();
        let args: Expression[] = [];
        if (lx.peek() !== ')') {
          const e = parseExpression(ctx);
          args = e.kind === 'array' ? [...e.items] : [e];
          lx.skipAll();
        }
        if (lx.peek() !== ')') fail(ctx, lx.pos, lx.pos + 1, 'MissingEndParenthesisInMethodCall', "Missing closing ')' in method call.");
        lx.pos++;
        expr = { kind: 'invoke', target: expr, method: member, args, extent: { start: target.extent.start, end: lx.pos } };
      } else {
        expr = { kind: 'member', target: expr, member, extent: { start: target.extent.start, end: lx.pos } };
      }
    } else if (lx.peek() === '[') {
      lx.pos++;
      lx.skipAll();
      const index = parseExpression(ctx);
      lx.skipAll();
      if (lx.peek() !== ']') fail(ctx, lx.pos, lx.pos + 1, 'MissingEndSquareBracket', "Array index expression is missing or not valid.");
      lx.pos++;
      expr = { kind: 'index', target: expr, index, extent: { start: target.extent.start, end: lx.pos } };
    } else {
      return expr;
    }
  }
}

/**
 * `( pipeline )`. When something other than ')' follows the pipeline, PowerShell reports the stray
 * token, the missing ')', and then the ')' it finds later; `Foreach ($user in $users)` written inside
 * a command's arguments produces exactly these three errors, so they are reproduced, with a hint.
 */
export function parseParen(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const start = lx.pos;
  const afterForeach = ctx.previousWord?.toLowerCase() === 'foreach';
  const saved = ctx.previousWord;
  ctx.previousWord = undefined;
  lx.pos++;
  lx.skipAll();
  if (lx.peek() === ')') fail(ctx, lx.pos, lx.pos + 1, 'ExpectedExpression', "An expression was expected after '('.");
  const inner = parseStatement(ctx);
  ctx.previousWord = saved;
  lx.skipAll();
  if (lx.peek() === ')') {
    lx.pos++;
    return { kind: 'paren', pipeline: inner, extent: extentFrom(start, ctx) };
  }
  const at = lx.pos;
  const text = tokenTextAt(ctx.src, at);
  if (text === '') fail(ctx, inner.extent.end, inner.extent.end + 1, 'MissingEndParenthesisInExpression', "Missing closing ')' in expression.");
  ctx.errors.push(parseError(ctx.src, at, at + text.length, 'UnexpectedToken', `Unexpected token '${text}' in expression or statement.`, afterForeach ? FOREACH_HINT : undefined));
  ctx.errors.push(parseError(ctx.src, inner.extent.end, inner.extent.end + 1, 'MissingEndParenthesisInExpression', "Missing closing ')' in expression."));
  const close = findClosingParen(ctx.src, at);
  if (close < 0) throw new ParseAbort('missing )');
  ctx.errors.push(parseError(ctx.src, close, close + 1, 'UnexpectedToken', "Unexpected token ')' in expression or statement."));
  lx.pos = close + 1;
  return { kind: 'error', extent: extentFrom(start, ctx) };
}

/** The offset of the ')' closing the current level from `from`, skipping quoted text; -1 if none. */
function findClosingParen(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (isQuote(c)) {
      const single = isSingleQuote(c);
      i++;
      while (i < src.length && !(single ? isSingleQuote(src[i]!) : isDoubleQuote(src[i]!))) i++;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Statements after `$(` or `@(` up to and including ')'. Called with the cursor on '$' or '@'. */
function parseSubexpression(ctx: ParseContext, array: boolean): Expression {
  const start = ctx.lx.pos;
  ctx.lx.pos += 2;
  return finishSubexpression(ctx, start, array);
}

function finishSubexpression(ctx: ParseContext, start: number, array: boolean): Expression {
  const { lx } = ctx;
  const saved = ctx.previousWord;
  ctx.previousWord = undefined;
  const statements = parseStatementList(ctx, ')');
  ctx.previousWord = saved;
  if (lx.peek() !== ')') fail(ctx, start, start + 2, 'MissingEndParenthesisInSubexpression', "Missing closing ')' in subexpression.");
  lx.pos++;
  return { kind: 'subexpression', statements, array, extent: extentFrom(start, ctx) };
}

function parseHashtable(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const start = lx.pos;
  lx.pos += 2;
  const entries: { key: string; value: Expression }[] = [];
  for (;;) {
    lx.skipAll();
    while (lx.peek() === ';') {
      lx.pos++;
      lx.skipAll();
    }
    if (lx.peek() === '}') break;
    if (lx.atEnd()) fail(ctx, start, start + 2, 'MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.");
    const literal = isQuote(lx.peek()) ? parseStringLiteral(ctx) : undefined;
    const key = literal === undefined ? lx.readWord(true) : literal.kind === 'string' ? literal.value : '';
    lx.skipInline();
    if (!key || lx.peek() !== '=') fail(ctx, lx.pos, lx.pos + 1, 'MissingEqualsInHashLiteral', "Missing '=' operator after key in hash literal.");
    lx.pos++;
    lx.skipAll();
    entries.push({ key, value: parseExpression(ctx) });
  }
  lx.pos++;
  return { kind: 'hashtable', entries, extent: extentFrom(start, ctx) };
}

function parseScriptBlock(ctx: ParseContext): Expression {
  const saved = ctx.previousWord;
  ctx.previousWord = undefined;
  const block = parseBlock(ctx);
  ctx.previousWord = saved;
  return { kind: 'scriptblock', text: block.text, body: block.statements, extent: { start: block.start, end: block.end } };
}

function parseStringLiteral(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const start = lx.pos;
  if (isSingleQuote(lx.peek())) return { kind: 'string', value: lx.readSingleQuoted(), extent: extentFrom(start, ctx) };
  const parts = lx.readDoubleQuoted(() => finishSubexpression(ctx, lx.pos - 2, false));
  if (parts.every((p) => typeof p === 'string')) return { kind: 'string', value: parts.join(''), extent: extentFrom(start, ctx) };
  return { kind: 'expandable', parts, extent: extentFrom(start, ctx) };
}

/**
 * One command-mode argument. A quoted string ends at its closing quote (`"a"b` is two arguments, as in
 * PowerShell), but an argument that starts with a variable or a bare word runs on through adjacent
 * quotes and variables: `$user":\Calendar"` is one argument, the value of $user plus `:\Calendar`.
 */
export function parseCommandArgument(ctx: ParseContext): ArgumentElement {
  const { lx } = ctx;
  const start = lx.pos;
  const c = lx.peek();
  const done = (value: Expression, bare = false): ArgumentElement => ({ kind: 'argument', value, bare, extent: extentFrom(start, ctx) });
  if (c === '(' || (c === '$' && lx.peek(1) === '(') || (c === '@' && (lx.peek(1) === '(' || lx.peek(1) === '{'))) return done(parsePostfix(ctx, parsePrimary(ctx)));
  if (c === '{') return done(parseScriptBlock(ctx));
  if (isQuote(c)) return done(parseStringLiteral(ctx));
  if (c === '$') {
    const name = lx.readVariable();
    if (name !== undefined) {
      const value = parsePostfix(ctx, { kind: 'variable', name, extent: extentFrom(start, ctx) });
      if (isArgumentStop(lx.peek())) return done(value);
      const rest = parseGenericParts(ctx);
      return done({ kind: 'concat', parts: [value, rest], extent: extentFrom(start, ctx) });
    }
  }
  if (/[0-9]/.test(c) || ((isDash(c) || c === '.') && /[0-9]/.test(lx.peek(1)))) {
    const negative = isDash(c);
    if (negative) lx.pos++;
    const n = lx.readNumber(isArgumentStop);
    if (n !== undefined) return done({ kind: 'number', value: negative ? -n : n, extent: extentFrom(start, ctx) });
    lx.pos = start;
  }
  const generic = parseGenericParts(ctx);
  return done(generic, generic.kind === 'string' && !/['"`$\u2018-\u201E]/.test(ctx.src.slice(start, lx.pos)));
}

/** A bare word with embedded quotes, variables and escapes, up to the next argument stop. */
function parseGenericParts(ctx: ParseContext): Expression {
  const { lx } = ctx;
  const start = lx.pos;
  const parts: ExpandPart[] = [];
  let text = '';
  const flush = (): void => {
    if (text) parts.push(text);
    text = '';
  };
  while (!isArgumentStop(lx.peek())) {
    const c = lx.peek();
    if (isSingleQuote(c)) {
      text += lx.readSingleQuoted();
    } else if (isDoubleQuote(c)) {
      flush();
      parts.push(...lx.readDoubleQuoted(() => finishSubexpression(ctx, lx.pos - 2, false)));
    } else if (c === '$' && lx.peek(1) === '(') {
      flush();
      parts.push(parseSubexpression(ctx, false));
    } else if (c === '$') {
      const varStart = lx.pos;
      const name = lx.readVariable();
      if (name === undefined) {
        text += c;
        lx.pos++;
      } else {
        flush();
        parts.push({ kind: 'variable', name, extent: extentFrom(varStart, ctx) });
      }
    } else if (c === '`' && lx.pos + 1 < lx.src.length) {
      text += escapeChar(lx.peek(1));
      lx.pos += 2;
    } else {
      text += c;
      lx.pos++;
    }
  }
  flush();
  if (parts.every((p) => typeof p === 'string')) return { kind: 'string', value: parts.join(''), extent: extentFrom(start, ctx) };
  return { kind: 'expandable', parts, extent: extentFrom(start, ctx) };
}
