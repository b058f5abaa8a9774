import { wildcardToRegExp } from './operators.js';
import { FormattedText, isArray, PsHashtable, PsObject, toText, type Value } from './values.js';

/**
 * PowerShell's console output: Format-List (`Name : value` blocks), Format-Table (header, dashes,
 * rows), and Out-Default's choice between them: an object type with a table view (as Exchange's
 * format files give Get-Mailbox and friends) prints as a table, other objects as a table when they
 * have at most four properties and as a list otherwise.
 */

export const DEFAULT_WIDTH = 120;

/** How a property value shows in a cell or list: multi-valued as `{a, b}`, $null as nothing. */
export function displayValue(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  if (isArray(v)) return `{${v.map((item) => toText(item)).join(', ')}}`;
  return toText(v);
}

/** The property names `selectors` pick from an object (wildcards allowed); all when none given. */
export function selectProperties(obj: PsObject, selectors: readonly string[] | undefined): string[] {
  if (!selectors || selectors.length === 0) return obj.names();
  const names: string[] = [];
  for (const selector of selectors) {
    if (/[*?[]/.test(selector)) {
      const re = wildcardToRegExp(selector, false);
      names.push(...obj.names().filter((n) => re.test(n)));
    } else {
      names.push(obj.canonicalName(selector) ?? selector);
    }
  }
  return [...new Set(names)];
}

function asObject(v: Value): PsObject {
  if (v instanceof PsObject) return v;
  if (v instanceof PsHashtable) return new PsObject('System.Collections.Hashtable', v.keys().map((k) => [k, v.get(k) ?? null]));
  return new PsObject(typeof v === 'string' ? 'System.String' : 'System.Object', [['Length', typeof v === 'string' ? v.length : null]], undefined, toText(v));
}

export function formatList(values: readonly Value[], selectors?: readonly string[]): string[] {
  const lines: string[] = [];
  for (const value of values) {
    if (!(value instanceof PsObject) && !(value instanceof PsHashtable)) {
      lines.push('', toText(value));
      continue;
    }
    const obj = asObject(value);
    const names = selectProperties(obj, selectors);
    const width = Math.max(0, ...names.map((n) => n.length));
    lines.push('');
    for (const name of names) lines.push(`${name.padEnd(width)} : ${displayValue(obj.get(name))}`.trimEnd());
  }
  if (lines.length > 0) lines.push('');
  return lines;
}

const isNumeric = (v: Value | undefined): boolean => typeof v === 'number';

export function formatTable(values: readonly Value[], selectors?: readonly string[], width = DEFAULT_WIDTH): string[] {
  const objects = values.map(asObject);
  if (objects.length === 0) return [];
  const columns = selectors && selectors.length > 0 ? selectProperties(objects[0]!, selectors) : (objects[0]!.tableColumns ?? objects[0]!.names());
  const cells = objects.map((o) => columns.map((c) => displayValue(o.get(c))));
  const rightAligned = columns.map((c) => objects.every((o) => o.get(c) === null || o.get(c) === undefined || isNumeric(o.get(c))) && objects.some((o) => isNumeric(o.get(c))));
  const widths = fitWidths(columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length))), columns, width);
  const render = (texts: readonly string[]): string =>
    texts
      .map((t, i) => {
        const w = widths[i]!;
        const fitted = t.length > w ? `${t.slice(0, Math.max(0, w - 3))}...` : t;
        return rightAligned[i] ? fitted.padStart(w) : fitted.padEnd(w);
      })
      .join(' ')
      .trimEnd();
  return ['', render(columns), render(columns.map((c) => '-'.repeat(c.length))), ...cells.map(render), ''];
}

/** Shrinks the widest columns until the table fits the console, never below the header's length. */
function fitWidths(natural: number[], headers: readonly string[], width: number): number[] {
  const widths = [...natural];
  const total = (): number => widths.reduce((a, b) => a + b, 0) + widths.length - 1;
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > Math.max(headers[i]!.length, 4) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/** What PowerShell prints for a statement's output when nothing formats it explicitly. */
export function formatDefault(values: readonly Value[], width = DEFAULT_WIDTH): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < values.length) {
    const v = values[i]!;
    if (v instanceof FormattedText) {
      lines.push(...v.text.split('\n'));
      i++;
      continue;
    }
    if (!(v instanceof PsObject) && !(v instanceof PsHashtable)) {
      lines.push(toText(v));
      i++;
      continue;
    }
    // Consecutive objects of one type (and, for custom objects, one shape) share a table or list.
    const key = groupKey(v);
    let j = i + 1;
    while (j < values.length && groupKey(values[j]!) === key) j++;
    const group = values.slice(i, j);
    lines.push(...formatGroup(group, width));
    i = j;
  }
  return lines;
}

function groupKey(v: Value): string | undefined {
  if (v instanceof PsHashtable) return 'hashtable';
  if (!(v instanceof PsObject)) return undefined;
  return v.tableColumns ? v.typeName : `${v.typeName}|${v.names().join(',')}`;
}

function formatGroup(group: readonly Value[], width: number): string[] {
  const first = group[0]!;
  if (first instanceof PsHashtable) {
    const rows = group.flatMap((h) => (h as PsHashtable).keys().map((k) => new PsObject('Entry', [['Name', k], ['Value', (h as PsHashtable).get(k) ?? null]])));
    return formatTable(rows, undefined, width);
  }
  const obj = first as PsObject;
  if (obj.tableColumns || obj.names().length <= 4) return formatTable(group, undefined, width);
  return formatList(group);
}
