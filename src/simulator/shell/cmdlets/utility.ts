import { formatList, formatTable, selectProperties } from '../formatters.js';
import { compare } from '../operators.js';
import { enumerate, FormattedText, getMember, PsHashtable, PsObject, ScriptBlockValue, SecureStringValue, toBoolean, toText, type Value } from '../values.js';
import type { BoundArguments, CmdletContext, CmdletDefinition } from './types.js';

/**
 * The PowerShell basics the guide's scripts lean on: Select-Object, Where-Object, ForEach-Object,
 * Format-List, Format-Table, ConvertTo-SecureString, Write-Output/Write-Host and Out-Null.
 */

const inputOf = (args: BoundArguments, input: readonly Value[]): Value[] => (input.length > 0 ? [...input] : args.has('InputObject') ? enumerate(args.value('InputObject')!) : []);

/** A calculated property `@{Name='X'; Expression={...}}` or a plain property name. */
async function selectOne(ctx: CmdletContext, item: Value, selectors: readonly Value[]): Promise<PsObject> {
  const props: [string, Value][] = [];
  const obj = item instanceof PsObject ? item : undefined;
  for (const selector of selectors) {
    if (selector instanceof PsHashtable) {
      const name = toText(selector.get('Name') ?? selector.get('N') ?? selector.get('Label') ?? selector.get('L') ?? null);
      const expression = selector.get('Expression') ?? selector.get('E') ?? null;
      const value = expression instanceof ScriptBlockValue ? collapseValues(await ctx.invoke(expression, item)) : getMember(item, toText(expression));
      props.push([name, value]);
    } else {
      const names = obj ? selectProperties(obj, [toText(selector)]) : [toText(selector)];
      for (const name of names) props.push([name, getMember(item, name)]);
    }
  }
  return new PsObject(`Selected.${obj?.typeName ?? 'System.Object'}`, props);
}

const collapseValues = (values: readonly Value[]): Value => (values.length === 0 ? null : values.length === 1 ? values[0]! : [...values]);

export const selectObject: CmdletDefinition = {
  name: 'Select-Object',
  aliases: ['select'],
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'Property', type: 'object', position: 0 },
    { name: 'ExpandProperty', type: 'string' },
    { name: 'First', type: 'int' },
    { name: 'Last', type: 'int' },
    { name: 'Skip', type: 'int' },
    { name: 'Unique', type: 'switch' },
    { name: 'InputObject', type: 'object' },
  ],
  async run(ctx, args, input) {
    let items = inputOf(args, input);
    const skip = args.number('Skip') ?? 0;
    items = items.slice(skip);
    const first = args.number('First');
    const last = args.number('Last');
    if (first !== undefined) items = items.slice(0, first);
    if (last !== undefined) items = items.slice(Math.max(0, items.length - last));
    const expand = args.string('ExpandProperty');
    let output: Value[] = [];
    if (expand !== undefined) {
      for (const item of items) {
        const has = item instanceof PsObject ? item.has(expand) : getMember(item, expand) !== null;
        if (!has) ctx.writeError({ message: `Property "${expand}" cannot be found.`, exception: 'PSArgumentException', category: 'InvalidArgument', errorId: 'ExpandPropertyNotFound' });
        else output.push(...enumerate(getMember(item, expand)));
      }
    } else if (args.has('Property')) {
      const selectors = enumerate(args.value('Property')!);
      for (const item of items) output.push(await selectOne(ctx, item, selectors));
    } else {
      output = items;
    }
    if (args.switch('Unique')) output = output.filter((v, i) => output.findIndex((w) => toText(w) === toText(v)) === i);
    return output;
  },
};

const WHERE_OPERATORS = ['EQ', 'NE', 'GT', 'GE', 'LT', 'LE', 'Like', 'NotLike', 'Match', 'NotMatch', 'Contains', 'NotContains', 'In', 'NotIn'];

export const whereObject: CmdletDefinition = {
  name: 'Where-Object',
  aliases: ['where', '?'],
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'FilterScript', type: 'object', position: 0, aliases: ['Property'] },
    { name: 'Value', type: 'object', position: 1 },
    { name: 'InputObject', type: 'object' },
    ...WHERE_OPERATORS.map((name) => ({ name, type: 'switch' as const })),
  ],
  async run(ctx, args, input) {
    const filter = args.value('FilterScript');
    const output: Value[] = [];
    for (const item of inputOf(args, input)) {
      if (filter instanceof ScriptBlockValue) {
        if (toBoolean(collapseValues(await ctx.invoke(filter, item)))) output.push(item);
        continue;
      }
      // Simplified syntax: Where-Object Name -like 'a*'.
      const value = getMember(item, toText(filter ?? null));
      const op = WHERE_OPERATORS.find((o) => args.switch(o))?.toLowerCase();
      if (op === undefined ? toBoolean(value) : toBoolean(compare(op, value, args.value('Value') ?? null))) output.push(item);
    }
    return output;
  },
};

export const forEachObject: CmdletDefinition = {
  name: 'ForEach-Object',
  aliases: ['foreach', '%'],
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'Process', type: 'object', position: 0, aliases: ['MemberName'] },
    { name: 'Begin', type: 'scriptblock' },
    { name: 'End', type: 'scriptblock' },
    { name: 'InputObject', type: 'object' },
  ],
  async run(ctx, args, input) {
    const process = args.value('Process');
    const output: Value[] = [];
    const begin = args.scriptBlock('Begin');
    if (begin) output.push(...(await ctx.invoke(begin, null)));
    for (const item of inputOf(args, input)) {
      if (process instanceof ScriptBlockValue) output.push(...(await ctx.invoke(process, item)));
      else if (process !== undefined && process !== null) output.push(...enumerate(getMember(item, toText(process))));
    }
    const end = args.scriptBlock('End');
    if (end) output.push(...(await ctx.invoke(end, null)));
    return output;
  },
};

export const formatListCmdlet: CmdletDefinition = {
  name: 'Format-List',
  aliases: ['fl'],
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'Property', type: 'strings', position: 0 },
    { name: 'InputObject', type: 'object' },
  ],
  run(_ctx, args, input) {
    const items = inputOf(args, input);
    return items.length === 0 ? [] : [new FormattedText(formatList(items, args.strings('Property')).join('\n'))];
  },
};

export const formatTableCmdlet: CmdletDefinition = {
  name: 'Format-Table',
  aliases: ['ft'],
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'Property', type: 'strings', position: 0 },
    { name: 'AutoSize', type: 'switch' },
    { name: 'Wrap', type: 'switch' },
    { name: 'InputObject', type: 'object' },
  ],
  run(_ctx, args, input) {
    const items = inputOf(args, input);
    return items.length === 0 ? [] : [new FormattedText(formatTable(items, args.strings('Property')).join('\n'))];
  },
};

export const convertToSecureString: CmdletDefinition = {
  name: 'ConvertTo-SecureString',
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'String', type: 'string', position: 0, mandatory: true },
    { name: 'AsPlainText', type: 'switch' },
    { name: 'Force', type: 'switch' },
  ],
  run(ctx, args) {
    const fqid = 'ImportSecureString_InvalidArgument';
    if (!args.switch('AsPlainText')) {
      ctx.fail({ message: 'Input string was not in a correct format.', exception: 'FormatException', category: 'InvalidArgument', errorId: fqid, hint: 'To make a SecureString from typed text, add -AsPlainText -Force.' });
    }
    if (!args.switch('Force')) {
      ctx.fail({
        message: 'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
        exception: 'ArgumentException',
        category: 'InvalidArgument',
        errorId: fqid,
        hint: 'Add -Force.',
      });
    }
    return [new SecureStringValue(args.string('String')!)];
  },
};

export const writeOutput: CmdletDefinition = {
  name: 'Write-Output',
  aliases: ['echo', 'write'],
  origin: 'local',
  input: 'all',
  parameters: [{ name: 'InputObject', type: 'object', position: 0 }],
  run(_ctx, args, input) {
    return input.length > 0 ? input : enumerate(args.value('InputObject') ?? null);
  },
};

export const writeHost: CmdletDefinition = {
  name: 'Write-Host',
  origin: 'local',
  input: 'all',
  parameters: [
    { name: 'Object', type: 'object', position: 0 },
    { name: 'NoNewline', type: 'switch' },
    { name: 'ForegroundColor', type: 'string' },
    { name: 'BackgroundColor', type: 'string' },
  ],
  run(ctx, args, input) {
    const values = input.length > 0 ? input : enumerate(args.value('Object') ?? null);
    ctx.writeHost(values.map(toText).join(' '));
    return [];
  },
};

export const outNull: CmdletDefinition = {
  name: 'Out-Null',
  origin: 'local',
  input: 'all',
  parameters: [{ name: 'InputObject', type: 'object' }],
  run() {
    return [];
  },
};
