import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../support/shared.js';

/** A request a real client sent (shared/ews-fixtures/peer-requests), with the capture's domain swapped for the test organization's. */
export function peerRequest(client: 'exchangelib' | 'ews-javascript-api', file: string): string {
  return readFileSync(join(FIXTURES_DIR, 'peer-requests', client, file), 'utf8').replaceAll('contoso.test', 'contoso.com');
}
