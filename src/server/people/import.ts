import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { HttpProblem } from '../problem.js';
import { CsvSyntaxError, parseCsv } from './csv.js';
import { EXISTS_CODES, invite, type InviteDeps } from './invite.js';

/** Enough for an organisation's first import, small enough that one request does not run for hours. */
export const MAX_IMPORT_ROWS = 2000;
const MAX_NAME = 256;

/** One row of the file, checked before anyone is invited. */
export interface PlannedRow {
  readonly line: number;
  readonly email?: string;
  readonly displayName?: string;
  /** Why this row cannot be imported; the others go ahead. */
  readonly error?: string;
}

/** One row's result, in the order of the file. */
export interface ImportRow {
  readonly line: number;
  readonly email?: string;
  readonly result: 'invited' | 'exists' | 'error';
  readonly message?: string;
  readonly userId?: string;
  readonly delivery?: 'email' | 'manual';
  /** Only when the email could not be sent: the link for the admin to forward. */
  readonly inviteUrl?: string;
}

/** Where an unexpected failure of one row is logged (the request's logger). */
export interface ErrorLog {
  error(obj: object, msg: string): void;
}

export interface ImportSummary {
  readonly invited: number;
  /** Rows with result 'error' ('exists' rows are neither invited nor failed). */
  readonly failed: number;
}

const EMAIL_HEADERS = new Set(['email', 'emailaddress', 'mail', 'primarysmtpaddress', 'address']);
const NAME_HEADERS = new Set(['displayname', 'name', 'fullname']);
const headerKey = (s: string) => s.trim().toLowerCase().replace(/[\s_-]/g, '');
const emailSchema = z.email();

/**
 * Reads the file: a header `email,displayName` (columns in any order), or one address per line (optionally
 * followed by a display name). Bad rows are marked, never thrown: only an unreadable file is refused whole.
 */
export function planImport(csv: string): PlannedRow[] {
  let records;
  try {
    records = parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new HttpProblem(400, 'CsvInvalid', `The CSV cannot be read: ${err.message}`, 'Close the quote (or remove it) and upload the file again; nobody was invited.');
    throw err;
  }
  if (records.length === 0) throw new HttpProblem(400, 'CsvEmpty', 'The CSV has no rows.', 'Upload a file with a header line `email,displayName` and one person per line, or one address per line.');
  const first = records[0]!;
  const headerKeys = first.cells.map(headerKey);
  const hasHeader = headerKeys.some((k) => EMAIL_HEADERS.has(k));
  const emailCol = hasHeader ? headerKeys.findIndex((k) => EMAIL_HEADERS.has(k)) : 0;
  const nameCol = hasHeader ? headerKeys.findIndex((k) => NAME_HEADERS.has(k)) : 1;
  const width = hasHeader ? first.cells.length : 2;
  const rows = hasHeader ? records.slice(1) : records;
  if (rows.length > MAX_IMPORT_ROWS) throw new HttpProblem(413, 'CsvTooLarge', `The CSV has ${rows.length} rows; one import takes at most ${MAX_IMPORT_ROWS}.`, 'Split the file and upload the parts one after another; nobody was invited.');
  const seen = new Map<string, number>();
  return rows.map((r): PlannedRow => {
    const raw = (r.cells[emailCol] ?? '').trim();
    const email = raw.toLowerCase();
    const name = nameCol >= 0 ? (r.cells[nameCol] ?? '').trim() : '';
    const at = { line: r.line, ...(raw ? { email } : {}) };
    if (r.cells.length > width) {
      const expected = hasHeader ? `the ${width} of the header (${first.cells.join(',')})` : 'at most 2 (email,displayName)';
      return { ...at, error: `Line ${r.line} has ${r.cells.length} columns, but ${expected}; quote a display name that contains a comma.` };
    }
    if (!raw) return { ...at, error: `Line ${r.line} has no email address.` };
    if (!emailSchema.safeParse(raw).success) return { ...at, error: `"${raw}" is not a valid email address.` };
    if (name.length > MAX_NAME) return { ...at, error: `The display name is longer than ${MAX_NAME} characters.` };
    const earlier = seen.get(email);
    if (earlier !== undefined) return { ...at, error: `${email} appears again: it is already on line ${earlier} of this file.` };
    seen.set(email, r.line);
    return { ...at, ...(name ? { displayName: name } : {}) };
  });
}

/**
 * Invites each good row, in order, reporting each row as soon as it is done (the NDJSON stream); a row's
 * failure is reported and the next row goes ahead.
 */
export async function runImport(deps: InviteDeps, planned: readonly PlannedRow[], actor: string, baseUrl: string, onRow: (row: ImportRow) => void, log?: ErrorLog): Promise<ImportSummary> {
  let invited = 0;
  let failed = 0;
  for (const p of planned) {
    const row = await importOne(deps, p, actor, baseUrl, log);
    if (row.result === 'invited') invited++;
    if (row.result === 'error') failed++;
    onRow(row);
  }
  return { invited, failed };
}

async function importOne(deps: InviteDeps, p: PlannedRow, actor: string, baseUrl: string, log: ErrorLog | undefined): Promise<ImportRow> {
  const at = { line: p.line, ...(p.email !== undefined ? { email: p.email } : {}) };
  if (p.error !== undefined || p.email === undefined) return { ...at, result: 'error', message: p.error ?? 'No email address.' };
  try {
    const out = await invite(deps, { email: p.email, displayName: p.displayName }, actor, baseUrl);
    return {
      ...at,
      result: 'invited',
      userId: out.person.id,
      delivery: out.delivery,
      ...(out.deliveryProblem ? { message: `${out.deliveryProblem.message} ${out.deliveryProblem.hint}`, inviteUrl: out.inviteUrl } : {}),
    };
  } catch (err) {
    if (err instanceof AppError && EXISTS_CODES.has(err.code)) {
      const userId = err instanceof HttpProblem && typeof err.details?.userId === 'string' ? err.details.userId : undefined;
      return { ...at, result: 'exists', message: err.message, ...(userId ? { userId } : {}) };
    }
    if (err instanceof AppError) return { ...at, result: 'error', message: `${err.message} ${err.hint}` };
    // An unexpected failure spoils this row only; the server log has the details.
    log?.error({ err, line: p.line }, 'import row failed');
    return { ...at, result: 'error', message: 'Concierge failed on this row for an internal reason; nothing was changed for it. Try this address again (POST /api/v1/users/invitations); if it fails again, report it with the server log.' };
  }
}
