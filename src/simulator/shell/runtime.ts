import type { CommandAst } from './ast.js';
import { bindParameters, convertArgument, validated, type BindContext, type EvaluatedElement } from './binder.js';
import type { CmdletRegistry } from './cmdlets/registry.js';
import { BoundArguments, type CmdletContext, type CmdletDefinition, type ParamSpec } from './cmdlets/types.js';
import { positionOf, ShellException, type ScriptPosition, type ShellError } from './errors.js';
import type { Evaluator } from './evaluator.js';
import type { Directory } from '../store/directory/index.js';
import { CmdletInvocation } from './invocation.js';
import { SecureStringValue, type Value } from './values.js';

/**
 * Runs commands: finds the cmdlet, evaluates and binds its arguments, feeds it pipeline input, asks
 * for missing mandatory values and confirmations through the host's prompt, and turns what goes wrong
 * into PowerShell error records. Never lets a JavaScript error reach the person at the console.
 */

export type PromptFn = (text: string, secret: boolean) => Promise<string>;

export interface RuntimeHost {
  readonly directory: Directory;
  readonly prompt?: PromptFn;
  writeError(record: ShellError): void;
  writeWarning(text: string): void;
  writeHost(text: string): void;
}

export class CommandRuntime {
  constructor(
    private readonly host: RuntimeHost,
    private readonly registry: CmdletRegistry,
  ) {}

  /** The CommandRunner the evaluator calls. */
  readonly run = async (command: CommandAst, input: readonly Value[], position: number, evaluator: Evaluator): Promise<Value[]> => {
    const where = positionOf(evaluator.source, command.extent.start, command.extent.end);
    const def = this.registry.find(command.name);
    if (!def) throw new ShellException(commandNotFound(command.name, where, this.registry.suggest(command.name)));
    const elements = await this.evaluateElements(command, evaluator);
    const bc: BindContext = { command: def.name, origin: def.origin, position: where, isCommandName: (w) => this.registry.find(w) !== undefined };
    const args = new BoundArguments(bindParameters(def, elements, bc));
    const ctx = new CmdletInvocation(def, args, where, this.host, evaluator);
    const pipelineParam = def.parameters.find((p) => p.pipeline);
    if (def.input === 'all') return [...(await def.run(ctx, await this.complete(def, args, bc, position, ctx), input))];
    if (position > 0 && pipelineParam && input.length === 0) return [];
    if (input.length === 0) return [...(await def.run(ctx, await this.complete(def, args, bc, position, ctx), []))];
    const output: Value[] = [];
    for (const item of input) {
      if (!pipelineParam || args.has(pipelineParam.name)) {
        ctx.writeError({ message: INPUT_NOT_BOUND, exception: 'ParameterBindingException', category: 'InvalidArgument', errorId: 'InputObjectNotBound' });
        continue;
      }
      const withItem = args.with(pipelineParam.name, validated(pipelineParam, convertArgument(pipelineParam, item, bc), bc));
      output.push(...(await def.run(ctx, await this.complete(def, withItem, bc, position, ctx), [item])));
    }
    return output;
  };

  private async evaluateElements(command: CommandAst, evaluator: Evaluator): Promise<EvaluatedElement[]> {
    const result: EvaluatedElement[] = [];
    for (const el of command.elements) {
      const text = evaluator.source.slice(el.extent.start, el.extent.end);
      if (el.kind === 'parameter') {
        const value = el.argument ? await evaluator.evaluate(el.argument) : undefined;
        result.push({ kind: 'parameter', name: el.name, hasArgument: el.argument !== undefined, text, extent: el.extent, ...(value !== undefined ? { value } : {}) });
      } else {
        result.push({ kind: 'argument', value: await evaluator.evaluate(el.value), bare: el.bare, text, extent: el.extent });
      }
    }
    return result;
  }

  /** Mandatory parameters still missing are asked for (interactive) or reported (not interactive). */
  private async complete(def: CmdletDefinition, args: BoundArguments, bc: BindContext, position: number, ctx: CmdletContext): Promise<BoundArguments> {
    const isMandatory = (p: ParamSpec): boolean => (typeof p.mandatory === 'function' ? p.mandatory(args) : p.mandatory === true);
    const missing = def.parameters.filter((p) => isMandatory(p) && !args.has(p.name));
    if (missing.length === 0) return args;
    if (!this.host.prompt) {
      throw new ShellException({
        message: `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
        command: def.name,
        category: 'InvalidArgument',
        exception: 'ParameterBindingException',
        errorId: 'MissingMandatoryParameter',
        origin: 'local',
        terminating: true,
        ...(bc.position ? { position: bc.position } : {}),
        hint: missing.map(missingHint).join(' '),
      });
    }
    let completed = args;
    let header = `cmdlet ${def.name} at command pipeline position ${position + 1}\nSupply values for the following parameters:\n`;
    for (const p of missing) {
      const answer = await ctx.prompt(`${header}${p.name}: `, p.type === 'secure' || p.secret === true);
      header = '';
      if (answer === '' && p.type !== 'secure') {
        ctx.fail({ message: `Cannot bind argument to parameter '${p.name}' because it is an empty string.`, exception: 'ParameterBindingValidationException', category: 'InvalidData', errorId: 'ParameterArgumentValidationErrorEmptyStringNotAllowed' });
      }
      completed = completed.with(p.name, p.type === 'secure' ? new SecureStringValue(answer) : validated(p, convertArgument(p, answer, bc), bc));
    }
    return completed;
  }
}

const INPUT_NOT_BOUND =
  'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';

function missingHint(p: ParamSpec): string {
  if (p.type === 'secure') return `Add -${p.name} (ConvertTo-SecureString -String '<password>' -AsPlainText -Force), or run the shell interactively to be prompted.`;
  return `Add -${p.name} <value>.`;
}

function commandNotFound(name: string, where: ScriptPosition, suggestion: string | undefined): ShellError {
  return {
    message: `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    command: name,
    category: 'ObjectNotFound',
    exception: 'CommandNotFoundException',
    errorId: 'CommandNotFoundException',
    origin: 'local',
    terminating: true,
    position: where,
    categoryInfo: `ObjectNotFound: (${name}:String) [], CommandNotFoundException`,
    fullyQualifiedErrorId: 'CommandNotFoundException',
    hint: `${suggestion ? `Did you mean ${suggestion}? ` : ''}This shell knows the Exchange cmdlets of the Alexa for Business guide and a few PowerShell basics (Select-Object, Where-Object, ForEach-Object, Format-List, Format-Table).`,
  };
}
