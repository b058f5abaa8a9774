import type { ArgumentElement, CommandAst, CommandElement, Expression, PipelineElement, PipelineStatement, Script, Statement } from './ast.js';
import { parseError, ParseFailure, type ShellError } from './errors.js';
import { parseCommandArgument, parseExpression } from './parse-expression.js';
import { isArgumentStop, isDash, isLetter, isNewline, isQuote, isSpace, Lexer, UnterminatedString } from './tokenizer.js';

/**
 * Statements, pipelines and commands of the PowerShell subset. Parsing follows PowerShell's rules
 * where they decide what a line means: a command takes every token up to a newline, `;` or `|` as its
 * arguments (so two commands on one line become one command with extra arguments), `foreach` is a
 * keyword only where a statement starts, and a parse error anywhere means nothing runs.
 */

export interface ParseContext {
  readonly lx: Lexer;
  readonly src: string;
  readonly errors: ShellError[];
  /** The previous bare-word argument of the command being parsed (to explain `... Foreach (...)`). */
  previousWord?: string;
}

/** Thrown to unwind after a fatal parse error has been recorded in ctx.errors. */
export class ParseAbort extends Error {}

export function fail(ctx: ParseContext, start: number, end: number, id: string, message: string, hint?: string): never {
  ctx.errors.push(parseError(ctx.src, start, end, id, message, hint));
  throw new ParseAbort(message);
}

/** The text of the token at `pos`, for "Unexpected token '…'" messages. */
export function tokenTextAt(src: string, pos: number): string {
  const c = src[pos] ?? '';
  if (c === '' || ';|&(){},<>'.includes(c)) return c;
  let end = pos + 1;
  while (end < src.length && !isArgumentStop(src[end]!) && !isQuote(src[end]!)) end++;
  return src.slice(pos, end);
}

export function unexpectedToken(ctx: ParseContext, pos: number, hint?: string): never {
  const text = tokenTextAt(ctx.src, pos);
  return fail(ctx, pos, pos + text.length, 'UnexpectedToken', `Unexpected token '${text}' in expression or statement.`, hint);
}

/** Parses a whole script; throws ParseFailure (with every error found) when it is not valid. */
export function parseScript(source: string): Script {
  const ctx: ParseContext = { lx: new Lexer(source), src: source, errors: [] };
  let statements: Statement[] = [];
  try {
    statements = parseStatementList(ctx, '');
  } catch (err) {
    if (err instanceof UnterminatedString) {
      const message = `The string is missing the terminator: ${err.quote}.`;
      ctx.errors.push(parseError(source, err.start, source.length, 'TerminatorExpectedAtEndOfString', message, 'Close the string with the same kind of quote that opened it.'));
    } else if (!(err instanceof ParseAbort)) {
      throw err;
    }
  }
  if (ctx.errors.length > 0) throw new ParseFailure(ctx.errors);
  return { source, statements };
}

const BLOCK_KINDS = new Set(['foreach', 'if']);

/** Statements until `closer` (not consumed) or the end; `closer` '' means the end of the script. */
export function parseStatementList(ctx: ParseContext, closer: '' | ')' | '}'): Statement[] {
  const { lx } = ctx;
  const statements: Statement[] = [];
  for (;;) {
    lx.skipAll();
    while (lx.peek() === ';') {
      lx.pos++;
      lx.skipAll();
    }
    const c = lx.peek();
    if (c === '' || (closer !== '' && c === closer)) return statements;
    if (c === ')' || c === '}') unexpectedToken(ctx, lx.pos);
    const statement = parseStatement(ctx);
    statements.push(statement);
    lx.skipInline();
    const next = lx.peek();
    const separated = next === '' || isNewline(next) || next === ';' || next === closer || BLOCK_KINDS.has(statement.kind);
    if (!separated) unexpectedToken(ctx, lx.pos);
  }
}

const UNSUPPORTED_KEYWORDS = new Set(['for', 'while', 'do', 'until', 'switch', 'function', 'filter', 'workflow', 'try', 'trap', 'throw', 'return', 'break', 'continue', 'exit', 'param', 'begin', 'process', 'end', 'data', 'class', 'enum', 'using', 'dynamicparam', 'configuration', 'inlinescript', 'parallel', 'sequence']);

/** The keyword at the cursor, if a keyword (not e.g. `ForEach-Object`) starts here. */
function keywordAt(lx: Lexer): string | undefined {
  const m = /^[a-z]+/i.exec(lx.src.slice(lx.pos));
  if (!m) return undefined;
  const after = lx.src[lx.pos + m[0].length] ?? '';
  if (!(after === '' || isSpace(after) || isNewline(after) || after === '(' || after === '{' || after === ';')) return undefined;
  return m[0].toLowerCase();
}

export function parseStatement(ctx: ParseContext): Statement {
  const { lx } = ctx;
  lx.skipInline();
  const start = lx.pos;
  const keyword = keywordAt(lx);
  if (keyword === 'foreach') return parseForeach(ctx);
  if (keyword === 'if') return parseIf(ctx);
  if (keyword === 'else' || keyword === 'elseif') unexpectedToken(ctx, start);
  if (keyword !== undefined && UNSUPPORTED_KEYWORDS.has(keyword)) {
    fail(ctx, start, start + keyword.length, 'NotSupported', `The '${keyword}' statement isn't supported by the Concierge Exchange Management Shell.`, 'Use foreach ($x in $list) { ... }, if (...) { ... } and pipelines.');
  }
  if (lx.peek() === '$') {
    const assignment = tryAssignment(ctx, start);
    if (assignment) return assignment;
  }
  return parsePipeline(ctx);
}

function tryAssignment(ctx: ParseContext, start: number): Statement | undefined {
  const { lx } = ctx;
  const name = lx.readVariable();
  lx.skipInline();
  const op = lx.peek() === '=' && lx.peek(1) !== '=' ? '=' : lx.peek() === '+' && lx.peek(1) === '=' ? '+=' : undefined;
  if (name === undefined || op === undefined) {
    lx.pos = start;
    return undefined;
  }
  if (['true', 'false', 'null'].includes(name.toLowerCase())) {
    fail(ctx, start, lx.pos, 'VariableNotWritable', `Cannot overwrite variable ${name} because it is read-only or constant.`);
  }
  lx.pos += op.length;
  lx.skipAll();
  if (lx.atEnd() || isNewline(lx.peek()) || lx.peek() === ';') fail(ctx, lx.pos, lx.pos + 1, 'ExpectedValueExpression', `You must provide a value expression on the right-hand side of the '${op}' operator.`);
  const value = parseStatement(ctx);
  return { kind: 'assignment', variable: name, operator: op, value, extent: { start, end: value.extent.end } };
}

/** `{ statements }` at the cursor. */
export function parseBlock(ctx: ParseContext): { statements: Statement[]; text: string; start: number; end: number } {
  const { lx } = ctx;
  const start = lx.pos;
  lx.pos++;
  const statements = parseStatementList(ctx, '}');
  if (lx.peek() !== '}') fail(ctx, start, start + 1, 'MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.");
  lx.pos++;
  return { statements, text: ctx.src.slice(start + 1, lx.pos - 1), start, end: lx.pos };
}

/** `(pipeline)` after foreach or if. */
function parseCondition(ctx: ParseContext, keyword: string, missingClose: string): PipelineStatement {
  const { lx } = ctx;
  lx.skipAll();
  if (lx.peek() !== '(') fail(ctx, lx.pos, lx.pos + 1, 'MissingOpenParenthesisAfterKeyword', `Missing '(' after '${keyword}' in ${keyword} statement.`);
  lx.pos++;
  lx.skipAll();
  const condition = parsePipeline(ctx);
  lx.skipAll();
  if (lx.peek() !== ')') fail(ctx, lx.pos, lx.pos + 1, 'MissingEndParenthesisAfterStatement', missingClose);
  lx.pos++;
  return condition;
}

function expectBody(ctx: ParseContext, id: string, message: string): Statement[] {
  ctx.lx.skipAll();
  if (ctx.lx.peek() !== '{') fail(ctx, ctx.lx.pos, ctx.lx.pos + 1, id, message);
  return parseBlock(ctx).statements;
}

function parseForeach(ctx: ParseContext): Statement {
  const { lx } = ctx;
  const start = lx.pos;
  lx.pos += 'foreach'.length;
  lx.skipAll();
  if (lx.peek() !== '(') fail(ctx, lx.pos, lx.pos + 1, 'MissingOpenParenthesisAfterKeyword', "Missing opening '(' after keyword 'foreach'.");
  lx.pos++;
  lx.skipAll();
  const variable = lx.readVariable();
  if (variable === undefined) fail(ctx, lx.pos, lx.pos + 1, 'MissingVariableNameAfterForeach', 'Missing variable name after foreach.');
  lx.skipAll();
  if (lx.readWord().toLowerCase() !== 'in') fail(ctx, lx.pos, lx.pos + 1, 'MissingInInForeach', "Missing 'in' after variable in foreach loop.");
  lx.skipAll();
  const collection = parsePipeline(ctx);
  lx.skipAll();
  if (lx.peek() !== ')') fail(ctx, lx.pos, lx.pos + 1, 'MissingEndParenthesisAfterForeach', "Missing closing ')' after expression in 'foreach' statement.");
  lx.pos++;
  const body = expectBody(ctx, 'MissingForeachStatement', 'Missing statement body in foreach loop.');
  return { kind: 'foreach', variable, collection, body, extent: { start, end: lx.pos } };
}

function parseIf(ctx: ParseContext): Statement {
  const { lx } = ctx;
  const start = lx.pos;
  lx.pos += 2;
  const clauses = [{ condition: parseCondition(ctx, 'if', "Missing closing ')' after expression in 'if' statement."), body: expectBody(ctx, 'MissingStatementBlock', "Missing statement block after if ( condition ).") }];
  let elseBody: Statement[] | undefined;
  for (;;) {
    const save = lx.pos;
    lx.skipAll();
    const keyword = keywordAt(lx);
    if (keyword === 'elseif') {
      lx.pos += keyword.length;
      clauses.push({ condition: parseCondition(ctx, 'elseif', "Missing closing ')' after expression in 'elseif' statement."), body: expectBody(ctx, 'MissingStatementBlockAfterElseIf', 'Missing statement block after elseif ( condition ).') });
    } else if (keyword === 'else') {
      lx.pos += keyword.length;
      elseBody = expectBody(ctx, 'MissingStatementBlockAfterElse', "Missing statement block after 'else' keyword.");
      break;
    } else {
      lx.pos = save;
      break;
    }
  }
  return { kind: 'if', clauses, ...(elseBody ? { elseBody } : {}), extent: { start, end: lx.pos } };
}

export function parsePipeline(ctx: ParseContext): PipelineStatement {
  const { lx } = ctx;
  lx.skipInline();
  const start = lx.pos;
  const elements: PipelineElement[] = [parsePipelineElement(ctx, true)];
  for (;;) {
    lx.skipInline();
    if (lx.peek() !== '|' || lx.peek(1) === '|') break;
    lx.pos++;
    lx.skipAll();
    const c = lx.peek();
    if (c === '' || c === '|' || c === ';' || c === ')' || c === '}') fail(ctx, lx.pos - 1, lx.pos, 'EmptyPipeElement', 'An empty pipe element is not allowed.');
    elements.push(parsePipelineElement(ctx, false));
  }
  return { kind: 'pipeline', elements, extent: { start, end: elements[elements.length - 1]!.extent.end } };
}

/** Does a command (rather than an expression) start at this character? */
function startsCommand(c: string, next: string): boolean {
  if (c === '$' || isQuote(c) || c === '(' || c === '{' || c === '[' || c === '@' || c === '!' || c === ',' || c === '+') return false;
  if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next))) return false;
  if (isDash(c)) return false;
  return c !== '' && !isArgumentStop(c);
}

function parsePipelineElement(ctx: ParseContext, first: boolean): PipelineElement {
  const { lx } = ctx;
  lx.skipInline();
  const start = lx.pos;
  const c = lx.peek();
  if (c === '&') fail(ctx, start, start + 1, 'NotSupported', "The '&' call operator isn't supported by the Concierge Exchange Management Shell.", 'Call cmdlets by name.');
  if (startsCommand(c, lx.peek(1))) return parseCommand(ctx);
  if (!first) fail(ctx, start, start + 1, 'ExpressionsMustBeFirstInPipeline', 'Expressions are only allowed as the first element of a pipeline.');
  const expression = parseExpression(ctx);
  return { kind: 'expression', expression, extent: { start, end: expression.extent.end } };
}

function parseCommand(ctx: ParseContext): CommandAst {
  const { lx } = ctx;
  const start = lx.pos;
  while (!isArgumentStop(lx.peek()) && !isQuote(lx.peek())) lx.pos++;
  const name = ctx.src.slice(start, lx.pos);
  const elements: CommandElement[] = [];
  const saved = ctx.previousWord;
  ctx.previousWord = undefined;
  let parametersEnded = false;
  for (;;) {
    lx.skipInline();
    const c = lx.peek();
    if (c === '' || isNewline(c) || c === ';' || c === '|' || c === ')' || c === '}') break;
    checkOperatorCharacters(ctx);
    if (!parametersEnded && isDash(c) && isDash(lx.peek(1)) && isArgumentStop(lx.peek(2))) {
      lx.pos += 2;
      parametersEnded = true;
    } else if (!parametersEnded && isDash(c) && isLetter(lx.peek(1))) {
      elements.push(parseParameter(ctx));
      ctx.previousWord = undefined;
    } else {
      const argument = parseArgumentList(ctx);
      elements.push(argument);
      ctx.previousWord = argument.bare && argument.value.kind === 'string' ? argument.value.value : undefined;
    }
  }
  ctx.previousWord = saved;
  const end = elements.length > 0 ? elements[elements.length - 1]!.extent.end : lx.pos;
  return { kind: 'command', name, elements, extent: { start, end } };
}

/** Characters PowerShell reserves in command mode: `&`, `&&`, `<` and redirections. */
function checkOperatorCharacters(ctx: ParseContext): void {
  const { lx } = ctx;
  const c = lx.peek();
  const at = lx.pos;
  if (c === '&' && lx.peek(1) === '&') fail(ctx, at, at + 2, 'InvalidEndOfLine', "The token '&&' is not a valid statement separator in this version.", "Separate statements with ';' or a new line.");
  if (c === '&') fail(ctx, at, at + 1, 'AmpersandNotAllowed', 'The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.');
  if (c === '<') {
    const placeholder = /^<[^<>\s]+>/.exec(ctx.src.slice(at))?.[0];
    const hint = placeholder ? `${placeholder} is a placeholder in the guide: replace it with a real value, e.g. the user's alias (alice).` : undefined;
    fail(ctx, at, at + 1, 'RedirectionNotSupported', "The '<' operator is reserved for future use.", hint);
  }
  if (c === '>' || (/[1-6*]/.test(c) && lx.peek(1) === '>')) fail(ctx, at, at + 1, 'NotSupported', "Output redirection isn't supported by the Concierge Exchange Management Shell.", 'Remove the redirection; the output is returned to you.');
}

function parseParameter(ctx: ParseContext): CommandElement {
  const { lx } = ctx;
  const start = lx.pos;
  lx.pos++;
  const name = lx.readWord(true);
  if (lx.peek() !== ':') return { kind: 'parameter', name, extent: { start, end: lx.pos } };
  lx.pos++;
  // `-User: alexaforbusiness`: with a colon, the next argument belongs to the parameter even after spaces.
  lx.skipInline();
  const c = lx.peek();
  if (c === '' || isNewline(c) || c === ';' || c === '|' || c === ')' || c === '}') return { kind: 'parameter', name, extent: { start, end: lx.pos } };
  const argument: Expression = parseArgumentList(ctx).value;
  return { kind: 'parameter', name, argument, extent: { start, end: argument.extent.end } };
}

/** One argument, or several joined by commas into an array (`-AccessRights Editor,Reviewer`). */
function parseArgumentList(ctx: ParseContext): ArgumentElement {
  const { lx } = ctx;
  const first = parseCommandArgument(ctx);
  const save = lx.pos;
  lx.skipInline();
  if (lx.peek() !== ',') {
    lx.pos = save;
    return first;
  }
  const items: Expression[] = [first.value];
  while (lx.peek() === ',') {
    lx.pos++;
    lx.skipAll();
    items.push(parseCommandArgument(ctx).value);
    const again = lx.pos;
    lx.skipInline();
    if (lx.peek() !== ',') lx.pos = again;
  }
  const extent = { start: first.extent.start, end: items[items.length - 1]!.extent.end };
  return { kind: 'argument', value: { kind: 'array', items, extent }, bare: false, extent };
}
