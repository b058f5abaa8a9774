/** Writing CSV for exports (audit log, room utilization): one escaping rule for every download. */

/**
 * One cell of an exported CSV: quoted when it holds a comma, quote or line break; and, because spreadsheets
 * run cells starting with = + - @ (or a tab or carriage return) as formulas, such cells get a leading
 * apostrophe (OWASP's CSV injection advice), so an audit entry cannot become a formula on the admin's machine.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
