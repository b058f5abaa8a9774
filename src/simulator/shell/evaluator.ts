import type { CommandAst, Expression, ForeachStatement, IfStatement, PipelineStatement, Statement } from './ast.js';
import type { ShellError } from './errors.js';
import { positionOf, PsRuntimeError, ShellException } from './errors.js';
import { arithmetic, compare, invokeMethod, logical } from './operators.js';
import { collapse, enumerate, getMember, isArray, PsHashtable, ScriptBlockValue, toBoolean, toText, type Value } from './values.js';

/**
 * Runs the syntax tree. Statement-terminating errors (ShellException) stop only their statement, so
 * a script, a foreach body or a script block goes on with the next statement, as PowerShell does.
 * Commands are delegated to `invokeCommand` (the command runner), which knows the cmdlets.
 */

/** Runs one command of a pipeline; `position` is its 0-based place in the pipeline. */
export type CommandRunner = (command: CommandAst, input: readonly Value[], position: number, evaluator: Evaluator) => Promise<Value[]>;

export interface EvaluatorHost {
  writeError(record: ShellError): void;
}

const CONSTANTS: Readonly<Record<string, Value>> = { true: true, false: false, null: null };

export class Evaluator {
  /** Session variables, by lower-case name. */
  readonly variables = new Map<string, Value>();
  /** The script text the running code came from (error positions). */
  source = '';

  constructor(
    private readonly host: EvaluatorHost,
    private readonly runCommand: CommandRunner,
  ) {}

  getVariable(name: string): Value {
    const lower = name.toLowerCase().replace(/^(global|script|local|private):/, '');
    if (lower in CONSTANTS) return CONSTANTS[lower]!;
    if (lower === 'psitem') return this.variables.get('_') ?? null;
    return this.variables.get(lower) ?? null;
  }

  setVariable(name: string, value: Value): void {
    const lower = name.toLowerCase().replace(/^(global|script|local|private):/, '');
    this.variables.set(lower === 'psitem' ? '_' : lower, value);
  }

  /** Runs statements, reporting each statement-terminating error and continuing; returns all output. */
  async runBody(statements: readonly Statement[]): Promise<Value[]> {
    const output: Value[] = [];
    for (const statement of statements) output.push(...(await this.runGuarded(statement)));
    return output;
  }

  /** One statement; its terminating error is reported, and it yields what it output before failing. */
  async runGuarded(statement: Statement): Promise<Value[]> {
    try {
      return await this.runStatement(statement);
    } catch (err) {
      if (err instanceof ShellException) {
        this.host.writeError(err.record);
        return [];
      }
      throw err;
    }
  }

  async runStatement(statement: Statement): Promise<Value[]> {
    switch (statement.kind) {
      case 'pipeline':
        return this.runPipeline(statement);
      case 'assignment': {
        const value = collapse(await this.runStatement(statement.value));
        const next = statement.operator === '+=' ? this.wrap(statement.extent, () => arithmetic('+', this.getVariable(statement.variable), value)) : value;
        this.setVariable(statement.variable, next);
        return [];
      }
      case 'foreach':
        return this.runForeach(statement);
      case 'if':
        return this.runIf(statement);
    }
  }

  private async runForeach(statement: ForeachStatement): Promise<Value[]> {
    const items = enumerate(collapse(await this.runPipeline(statement.collection)));
    const output: Value[] = [];
    for (const item of items) {
      this.setVariable(statement.variable, item);
      output.push(...(await this.runBody(statement.body)));
    }
    return output;
  }

  private async runIf(statement: IfStatement): Promise<Value[]> {
    for (const clause of statement.clauses) {
      if (toBoolean(collapse(await this.runPipeline(clause.condition)))) return this.runBody(clause.body);
    }
    return statement.elseBody ? this.runBody(statement.elseBody) : [];
  }

  async runPipeline(pipeline: PipelineStatement): Promise<Value[]> {
    let values: Value[] = [];
    for (let i = 0; i < pipeline.elements.length; i++) {
      const element = pipeline.elements[i]!;
      values = element.kind === 'command' ? await this.runCommand(element, values, i, this) : enumerate(await this.evaluate(element.expression));
    }
    return values;
  }

  /** Runs a script block with `$_` bound to `item`, restoring the previous `$_` afterwards. */
  async invokeBlock(block: ScriptBlockValue, item: Value): Promise<Value[]> {
    const previous = this.variables.get('_');
    const previousSource = this.source;
    this.variables.set('_', item);
    this.source = block.source;
    try {
      return await this.runBody(block.body);
    } finally {
      this.source = previousSource;
      if (previous === undefined) this.variables.delete('_');
      else this.variables.set('_', previous);
    }
  }

  /** Turns an operator or conversion failure into a statement-terminating error at `extent`. */
  private wrap<T>(extent: { start: number; end: number }, run: () => T): T {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof PsRuntimeError)) throw err;
      throw new ShellException({
        message: err.message,
        category: err.category,
        exception: 'RuntimeException',
        errorId: err.errorId,
        origin: 'local',
        terminating: true,
        position: positionOf(this.source, extent.start, extent.end),
        ...(err.hint ? { hint: err.hint } : {}),
      });
    }
  }

  async evaluate(expr: Expression): Promise<Value> {
    switch (expr.kind) {
      case 'string':
      case 'number':
        return expr.value;
      case 'variable':
        return this.getVariable(expr.name);
      case 'expandable':
      case 'concat': {
        let text = '';
        for (const part of expr.kind === 'expandable' ? expr.parts : expr.parts) text += typeof part === 'string' ? part : toText(await this.evaluate(part));
        return text;
      }
      case 'member':
        return getMember(await this.evaluate(expr.target), expr.member);
      case 'invoke': {
        const target = await this.evaluate(expr.target);
        const args: Value[] = [];
        for (const a of expr.args) args.push(await this.evaluate(a));
        return this.wrap(expr.extent, () => invokeMethod(target, expr.method, args));
      }
      case 'index':
        return this.index(await this.evaluate(expr.target), await this.evaluate(expr.index));
      case 'binary':
        return this.binary(expr);
      case 'unary': {
        const operand = await this.evaluate(expr.operand);
        return expr.operator === 'not' ? !toBoolean(operand) : this.wrap(expr.extent, () => arithmetic('-', 0, operand));
      }
      case 'array': {
        const items: Value[] = [];
        for (const item of expr.items) items.push(await this.evaluate(item));
        return items;
      }
      case 'subexpression': {
        const values = await this.runBody(expr.statements);
        return expr.array ? values : collapse(values);
      }
      case 'paren':
        return collapse(await this.runStatement(expr.pipeline));
      case 'scriptblock':
        return new ScriptBlockValue(expr.text, expr.body, this.source);
      case 'hashtable': {
        const entries: [string, Value][] = [];
        for (const e of expr.entries) entries.push([e.key, await this.evaluate(e.value)]);
        return new PsHashtable(entries);
      }
      case 'error':
        throw new Error('An expression that failed to parse was evaluated.');
    }
  }

  private index(target: Value, index: Value): Value {
    if (target instanceof PsHashtable) return target.get(toText(index)) ?? null;
    const list = isArray(target) ? target : typeof target === 'string' ? [...target] : enumerate(target);
    const pick = (i: Value): Value => {
      const n = typeof i === 'number' ? i : Number(toText(i));
      const at = n < 0 ? list.length + n : n;
      return list[at] ?? null;
    };
    return isArray(index) ? index.map(pick) : pick(index);
  }

  private async binary(expr: Extract<Expression, { kind: 'binary' }>): Promise<Value> {
    const left = await this.evaluate(expr.left);
    if (expr.operator === 'and' || expr.operator === 'or' || expr.operator === 'xor') {
      // -and/-or short-circuit; the right side is evaluated only when needed.
      const l = toBoolean(left);
      if ((expr.operator === 'and' && !l) || (expr.operator === 'or' && l)) return l;
      const right = await this.evaluate(expr.right);
      return logical(expr.operator, left, () => right);
    }
    const right = await this.evaluate(expr.right);
    if ('+-*/%'.includes(expr.operator)) return this.wrap(expr.extent, () => arithmetic(expr.operator, left, right));
    return this.wrap(expr.extent, () => compare(expr.operator, left, right));
  }
}
