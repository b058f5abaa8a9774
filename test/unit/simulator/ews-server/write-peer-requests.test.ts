/**
 * The verbatim CreateItem/UpdateItem/DeleteItem requests exchangelib and ews-javascript-api sent (see
 * ews-fixtures/peer-requests/README.md), replayed against the simulator: accepted with NoError when
 * the caller holds the rights, refused with Exchange's codes when not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { child, text } from '../../../../src/ews/xml/index.js';
import type { SimulatedExchange } from '../../../../src/simulator/ews-server/exchange.js';
import { FIXTURES_DIR } from '../../../support/shared.js';
import { call, schemaCheck, testExchange } from '../../../support/simulator.js';
import { ALICE, BOB, codes } from './write-helpers.js';

const PEERS = join(FIXTURES_DIR, 'peer-requests');
const CANNED_ID = 'Q0FQVFVSRS9pdGVtL2ZpeGVkLzE=';
const CLIENTS = ['exchangelib', 'ews-javascript-api'] as const;
const CASES = [
  { run: 'create', op: 'CreateItem' },
  { run: 'update-subject', op: 'UpdateItem' },
  { run: 'delete', op: 'DeleteItem' },
] as const;
type Access = 'impersonation' | 'delegate';

/** The recording's contoso.test and canned item id, made to name this organization and a real item. */
const adapt = (xml: string, itemId: string) => xml.replaceAll('contoso.test', 'contoso.com').replaceAll(CANNED_ID, itemId);

function setup(access: Access, granted: boolean): { ex: SimulatedExchange; caller: string; itemId: string } {
  const ex = testExchange();
  const d = ex.directory;
  const alice = d.findMailbox('alice')!;
  if (granted && access === 'impersonation') d.addRoleAssignment({ name: 'imp', role: 'ApplicationImpersonation', user: d.findMailbox('svc')!.guid });
  if (granted && access === 'delegate') {
    d.addFolderPermission(alice, d.findMailbox('bob')!.guid, 'Editor');
    d.addExtendedRight(alice, d.findMailbox('bob')!, 'Send-As');
  }
  const item = ex.calendar.createItem(ALICE, { subject: 'Before', start: '2024-01-15T00:00:00Z', end: '2024-01-22T00:00:00Z' }, 'SendToNone');
  return { ex, caller: access === 'impersonation' ? 'svc@contoso.com' : BOB, itemId: item.id };
}

const subjectsOfAlice = (ex: SimulatedExchange) => ex.calendar.findItems(ALICE, 'calendar').map((e) => e.subject).sort();

describe('peer client write requests', () => {
  for (const client of CLIENTS) {
    for (const { run, op } of CASES) {
      for (const access of ['impersonation', 'delegate'] as const) {
        it(`${client} ${run}-${access}: NoError with rights, and the change is made`, async () => {
          const { ex, caller, itemId } = setup(access, true);
          const r = await call(ex, caller, adapt(readFileSync(join(PEERS, client, `${run}-${access}.xml`), 'utf8'), itemId));
          expect(r.status, r.xml).toBe(200);
          const verdict = await schemaCheck(r.xml);
          expect(verdict.valid, verdict.output).toBe(true);
          expect(codes(r, op)).toEqual(['NoError']);
          const expected = { create: ['Before', 'Peer capture subject'], 'update-subject': ['Peer capture subject'], delete: [] }[run];
          expect(subjectsOfAlice(ex)).toEqual(expected);
        });

        it(`${client} ${run}-${access}: refused without rights`, async () => {
          const { ex, caller, itemId } = setup(access, false);
          const r = await call(ex, caller, adapt(readFileSync(join(PEERS, client, `${run}-${access}.xml`), 'utf8'), itemId));
          if (access === 'impersonation') {
            expect(r.status).toBe(500);
            expect(text(child(r.body, 'detail'), 'ResponseCode')).toBe('ErrorImpersonateUserDenied');
          } else {
            expect(codes(r, op)).toEqual(['ErrorAccessDenied']);
            expect((await schemaCheck(r.xml)).valid).toBe(true);
          }
          expect(subjectsOfAlice(ex)).toEqual(['Before']);
        });
      }
    }
  }

  it('a Reviewer delegate may read but not write; Editor without Send As may not send invitations from alice', async () => {
    const { ex, itemId } = setup('delegate', false);
    const d = ex.directory;
    d.addFolderPermission(d.findMailbox('alice')!, d.findMailbox('bob')!.guid, 'Reviewer');
    for (const { run, op } of CASES) {
      const r = await call(ex, BOB, adapt(readFileSync(join(PEERS, 'ews-javascript-api', `${run}-delegate.xml`), 'utf8'), itemId));
      expect(codes(r, op)).toEqual(['ErrorAccessDenied']);
    }
    d.setFolderPermission(d.findMailbox('alice')!, d.findMailbox('bob')!.guid, 'Editor');
    const invite = adapt(readFileSync(join(PEERS, 'ews-javascript-api', 'create-delegate.xml'), 'utf8'), itemId)
      .replace('SendMeetingInvitations="SendToNone"', 'SendMeetingInvitations="SendToAllAndSaveCopy"')
      .replace('</t:End>', '</t:End><t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>carol@contoso.com</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees>');
    expect(codes(await call(ex, BOB, invite), 'CreateItem')).toEqual(['ErrorSendAsDenied']);
    d.addExtendedRight(d.findMailbox('alice')!, d.findMailbox('bob')!, 'Send-As');
    expect(codes(await call(ex, BOB, invite), 'CreateItem')).toEqual(['NoError']);
    expect(ex.calendar.findItems('carol@contoso.com', 'calendar').map((e) => e.subject)).toEqual(['Peer capture subject']);
  });

  it('whole recorded runs replay with the HTTP status each request got from the recording server', async () => {
    for (const client of CLIENTS) {
      for (const { run } of CASES) {
        for (const access of ['impersonation', 'delegate'] as const) {
          const { ex, caller, itemId } = setup(access, true);
          const dir = join(PEERS, client, `${run}-${access}`);
          const index = readFileSync(join(dir, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: number });
          for (const step of index) {
            const r = await call(ex, caller, adapt(readFileSync(join(dir, `${step.file}.xml`), 'utf8'), itemId));
            expect(r.status, `${client}/${run}-${access}/${step.file}: ${r.xml}`).toBe(step.status);
          }
          expect(readdirSync(dir).filter((f) => f.endsWith('.xml'))).toHaveLength(index.length);
        }
      }
    }
  });
});
