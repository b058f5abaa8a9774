import { describe, expect, it } from 'vitest';
import { VIEW_FIELDS, DETAIL_FIELDS } from '../../../../src/ews/client/ews-client.js';
import { buildEnvelope } from '../../../../src/ews/operations/envelope.js';
import { FindItemCalendarView } from '../../../../src/ews/operations/find-item.js';
import { GetFolder } from '../../../../src/ews/operations/get-folder.js';
import { GetItem } from '../../../../src/ews/operations/get-item.js';
import { validateEnvelope } from '../../../support/shared.js';

const impersonated = { version: 'Exchange2013', impersonate: 'alice@contoso.com', timeZone: 'Pacific Standard Time' } as const;
const delegated = { version: 'Exchange2013' } as const;

async function expectValid(xml: string): Promise<void> {
  const verdict = await validateEnvelope(xml);
  expect(verdict.valid, verdict.output).toBe(true);
}

describe("read requests validate against Microsoft's messages.xsd", () => {
  it('GetFolder: own calendar (impersonated) and another mailbox (delegated) with EffectiveRights', async () => {
    await expectValid(buildEnvelope(impersonated, GetFolder.build({ folders: [{ distinguished: 'calendar' }] }, 'Exchange2013')));
    await expectValid(buildEnvelope(delegated, GetFolder.build({ folders: [{ distinguished: 'calendar', mailbox: 'bob@contoso.com' }, { id: 'AAMk', changeKey: 'AgAA' }] }, 'Exchange2013')));
  });

  it('FindItem CalendarView with every view field and MaxEntriesReturned', async () => {
    const body = FindItemCalendarView.build({ folder: { distinguished: 'calendar', mailbox: 'bob@contoso.com' }, start: '2026-12-07T08:00:00Z', end: '2026-12-14T08:00:00Z', maxEntries: 1000, fields: VIEW_FIELDS }, 'Exchange2013');
    await expectValid(buildEnvelope(impersonated, body));
  });

  it('GetItem batch with attendee fields, plain ids and an occurrence by index', async () => {
    const body = GetItem.build({ ids: [{ id: 'AAMkA', changeKey: 'DwAAA' }, { id: 'AAMkB' }, { recurringMasterId: 'AAMkM', instanceIndex: 3 }], fields: [...VIEW_FIELDS, ...DETAIL_FIELDS, 'recurrence', 'body', 'modifiedOccurrences', 'deletedOccurrences', 'firstOccurrence', 'lastOccurrence'] }, 'Exchange2013');
    await expectValid(buildEnvelope(impersonated, body));
  });

  it('GetItem of a series through one of its occurrences (RecurringMasterItemId), with its recurrence', async () => {
    const body = GetItem.build({ ids: [{ seriesOf: 'AAMkOcc', changeKey: 'DwAAA' }, { seriesOf: 'AAMkOcc2' }], fields: [...VIEW_FIELDS, 'recurrence'] }, 'Exchange2013');
    expect(body.xml).toContain('<t:RecurringMasterItemId OccurrenceId="AAMkOcc" ChangeKey="DwAAA"/>');
    await expectValid(buildEnvelope(impersonated, body));
  });
});

describe('the schema check itself', () => {
  it('rejects a request with elements out of schema order (so the checks above can fail)', async () => {
    const good = buildEnvelope(impersonated, GetFolder.build({ folders: [{ distinguished: 'calendar' }] }, 'Exchange2013'));
    const swapped = good.replace(/(<m:FolderShape>.*<\/m:FolderShape>)(<m:FolderIds>.*<\/m:FolderIds>)/, '$2$1');
    expect(swapped).not.toBe(good);
    expect((await validateEnvelope(swapped)).valid).toBe(false);
  });
});
