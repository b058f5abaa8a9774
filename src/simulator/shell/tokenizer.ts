/**
 * The character-level half of PowerShell's tokenizer. PowerShell tokenizes differently in command
 * mode (bare words, `-Param`) and expression mode (`-eq`, numbers), and the parser knows which mode it
 * is in, so the parser drives this scanner rather than reading a token list made up front.
 *
 * PowerShell accepts typographic dashes (U+2013 en dash, U+2014 em dash, U+2015 horizontal bar) wherever
 * it accepts '-', and typographic quotes wherever it accepts quotes; documents such as the Alexa for
 * Business guide are full of them, so so does this scanner.
 */

import type { ExpandPart, Expression } from './ast.js';

export const isDash = (c: string): boolean => c === '-' || c === '\u2013' || c === '\u2014' || c === '\u2015';
export const isSingleQuote = (c: string): boolean => c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201A' || c === '\u201B';
export const isDoubleQuote = (c: string): boolean => c === '"' || c === '\u201C' || c === '\u201D' || c === '\u201E';
export const isQuote = (c: string): boolean => isSingleQuote(c) || isDoubleQuote(c);
export const isNewline = (c: string): boolean => c === '\n' || c === '\r';
export const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00A0' || c === '\uFEFF' || /\p{Zs}/u.test(c);
export const isVarChar = (c: string): boolean => /[\p{L}\p{N}_?]/u.test(c);
export const isLetter = (c: string): boolean => /[\p{L}_]/u.test(c);

/**
 * Characters that end a bare word in command mode. PowerShell starts a new token at these; `<` and
 * `>` are redirection characters.
 */
export const isArgumentStop = (c: string): boolean => c === '' || isSpace(c) || isNewline(c) || ';|&(){},<>'.includes(c);

export class Lexer {
  pos = 0;

  constructor(readonly src: string) {}

  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips spaces, comments and backtick line continuations, but not newlines. */
  skipInline(): void {
    for (;;) {
      const c = this.peek();
      if (isSpace(c)) this.pos++;
      else if (c === '`' && isNewline(this.peek(1))) this.pos += this.peek(1) === '\r' && this.peek(2) === '\n' ? 3 : 2;
      else if (c === '<' && this.peek(1) === '#') this.skipBlockComment();
      else if (c === '#') while (!this.atEnd() && !isNewline(this.peek())) this.pos++;
      else return;
    }
  }

  /** Skips whitespace including newlines. */
  skipAll(): void {
    for (;;) {
      this.skipInline();
      if (isNewline(this.peek())) this.pos++;
      else return;
    }
  }

  private skipBlockComment(): void {
    const end = this.src.indexOf('#>', this.pos + 2);
    this.pos = end < 0 ? this.src.length : end + 2;
  }

  /**
   * Reads a variable reference at `$`: `$name`, `$_`, `${any name}`, `$scope:name`. Returns the name
   * without scope, or undefined (position unchanged) when `$` does not start a variable.
   */
  readVariable(): string | undefined {
    const start = this.pos;
    if (this.peek() !== '$') return undefined;
    if (this.peek(1) === '{') {
      const close = this.src.indexOf('}', this.pos + 2);
      if (close < 0) return undefined;
      this.pos = close + 1;
      return this.src.slice(start + 2, close);
    }
    let i = this.pos + 1;
    while (i < this.src.length && isVarChar(this.src[i]!)) i++;
    if (i === this.pos + 1) return undefined;
    let name = this.src.slice(this.pos + 1, i);
    // `$global:x`, `$env:x`: a colon directly followed by a name character qualifies the name.
    if (this.src[i] === ':' && isVarChar(this.src[i + 1] ?? '')) {
      let j = i + 1;
      while (j < this.src.length && isVarChar(this.src[j]!)) j++;
      name = `${name}:${this.src.slice(i + 1, j)}`;
      i = j;
    }
    this.pos = i;
    return name;
  }

  /** A single-quoted string at the current quote; `''` is one quote. Throws the start offset if unterminated. */
  readSingleQuoted(): string {
    const start = this.pos;
    this.pos++;
    let value = '';
    while (!this.atEnd()) {
      const c = this.peek();
      if (isSingleQuote(c) && isSingleQuote(this.peek(1))) {
        value += c;
        this.pos += 2;
      } else if (isSingleQuote(c)) {
        this.pos++;
        return value;
      } else {
        value += c;
        this.pos++;
      }
    }
    throw new UnterminatedString(start, "'");
  }

  /**
   * A double-quoted string: literal runs, `$var`, `${var}` and `$(...)` (which `onSubexpression` parses
   * and consumes, ending after the `)`). Backtick escapes and `""` are resolved.
   */
  readDoubleQuoted(onSubexpression: () => Expression): ExpandPart[] {
    const start = this.pos;
    this.pos++;
    const parts: ExpandPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push(text);
      text = '';
    };
    while (!this.atEnd()) {
      const c = this.peek();
      if (isDoubleQuote(c) && isDoubleQuote(this.peek(1))) {
        text += c;
        this.pos += 2;
      } else if (isDoubleQuote(c)) {
        this.pos++;
        flush();
        return parts;
      } else if (c === '`' && this.pos + 1 < this.src.length) {
        text += escapeChar(this.peek(1));
        this.pos += 2;
      } else if (c === '$' && this.peek(1) === '(') {
        flush();
        this.pos += 2;
        parts.push(onSubexpression());
      } else if (c === '$') {
        const varStart = this.pos;
        const name = this.readVariable();
        if (name === undefined) {
          text += c;
          this.pos++;
        } else {
          flush();
          parts.push({ kind: 'variable', name, extent: { start: varStart, end: this.pos } });
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    throw new UnterminatedString(start, '"');
  }

  /** A number literal (`5`, `1.5`, `0x1F`, `10MB`) ending at an argument stop; undefined otherwise. */
  readNumber(stop: (c: string) => boolean): number | undefined {
    const m = /^(0x[0-9a-f]+|\d+(\.\d+)?(e[+-]?\d+)?)(kb|mb|gb|tb|pb)?/i.exec(this.src.slice(this.pos));
    if (!m || !stop(this.src[this.pos + m[0].length] ?? '')) return undefined;
    this.pos += m[0].length;
    const base = m[1]!.toLowerCase().startsWith('0x') ? parseInt(m[1]!, 16) : Number(m[1]);
    const unit = m[4]?.toLowerCase();
    const factor = unit ? 1024 ** (['kb', 'mb', 'gb', 'tb', 'pb'].indexOf(unit) + 1) : 1;
    return base * factor;
  }

  /**
   * A name after a dash (`-eq`, `-ExpandProperty`) or a dot, advancing past it. Parameter names may
   * contain inner hyphens; operator and member names may not.
   */
  readWord(allowHyphen = false): string {
    const re = allowHyphen ? /^[\p{L}\p{N}_?](?:[\p{L}\p{N}_?-]*[\p{L}\p{N}_?])?/u : /^[\p{L}\p{N}_]+/u;
    const m = re.exec(this.src.slice(this.pos));
    const word = m?.[0] ?? '';
    this.pos += word.length;
    return word;
  }
}

/** Raised by the scanner; the parser turns it into PowerShell's TerminatorExpected error. */
export class UnterminatedString extends Error {
  constructor(
    readonly start: number,
    readonly quote: string,
  ) {
    super('unterminated string');
  }
}

/** PowerShell's backtick escapes; any other character stands for itself. */
export function escapeChar(c: string): string {
  const map: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', e: '\x1b' };
  return map[c] ?? c;
}
