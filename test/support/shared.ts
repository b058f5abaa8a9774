import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project root and the read-only shared/ folder beside it (also present in CI). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.CONCIERGE_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');
export const FIXTURES_DIR = join(SHARED_DIR, 'ews-fixtures');
export const SCHEMA_DIR = join(SHARED_DIR, 'ews-schema');

/** Reads a recorded message, e.g. `fixture('FindItem', 'phpews-ex2019-calendarview-empty.response.xml')`. */
export function fixture(operation: string, file: string): string {
  return readFileSync(join(FIXTURES_DIR, operation, file), 'utf8');
}

/** Every recorded file of an operation whose name ends with `suffix`. */
export function fixtureFiles(operation: string, suffix = '.response.xml'): string[] {
  return readdirSync(join(FIXTURES_DIR, operation)).filter((f) => f.endsWith(suffix)).sort();
}

export interface SchemaVerdict {
  readonly valid: boolean;
  readonly output: string;
}

/**
 * Validates a whole SOAP envelope against Microsoft's messages.xsd/types.xsd with the shared
 * validate.sh (xmllint). Every header element and the Body's operation element are checked.
 */
export async function validateEnvelope(xml: string): Promise<SchemaVerdict> {
  const dir = mkdtempSync(join(tmpdir(), 'ews-envelope-'));
  const file = join(dir, 'envelope.xml');
  writeFileSync(file, xml);
  try {
    const { stdout } = await run('bash', [join(SCHEMA_DIR, 'validate.sh'), '--envelope', file]);
    return { valid: true, output: stdout };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    return { valid: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
