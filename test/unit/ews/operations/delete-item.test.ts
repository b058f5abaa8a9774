import { describe, expect, it } from 'vitest';
import { EwsError } from '../../../../src/ews/errors.js';
import { DeleteItems, type DeleteItemsArgs } from '../../../../src/ews/operations/delete-item.js';
import { buildEnvelope, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import { attr, child, children, parseXml, path, type XmlElement } from '../../../../src/ews/xml/index.js';
import { fixture, fixtureFiles, validateEnvelope } from '../../../support/shared.js';

const HEADERS = { version: 'Exchange2013', impersonate: 'alice@contoso.com', timeZone: 'Pacific Standard Time' } as const;

function envelope(args: DeleteItemsArgs): string {
  return buildEnvelope(HEADERS, DeleteItems.build(args, 'Exchange2013'));
}

async function expectValid(xml: string): Promise<void> {
  const verdict = await validateEnvelope(xml);
  expect(verdict.valid, `${verdict.output}\n${xml}`).toBe(true);
}

function deleteOf(xml: string): XmlElement {
  const el = path(parseXml(xml).element, 'Body', 'DeleteItem');
  if (!el) throw new Error('no DeleteItem in the built envelope');
  return el;
}

describe('DeleteItems: requests', () => {
  it('cancels meetings: items and an occurrence, with cancellations sent; schema-valid', async () => {
    const xml = envelope({
      ids: [{ id: 'AAMkA1', changeKey: 'DwAAA1' }, { id: 'AAMkA2' }, { recurringMasterId: 'AAMkM', instanceIndex: 3 }],
      deleteType: 'MoveToDeletedItems',
      sendMeetingCancellations: 'SendToAllAndSaveCopy',
      affectedTaskOccurrences: 'AllOccurrences',
    });
    await expectValid(xml);
    const del = deleteOf(xml);
    expect(attr(del, 'DeleteType')).toBe('MoveToDeletedItems');
    expect(attr(del, 'SendMeetingCancellations')).toBe('SendToAllAndSaveCopy');
    expect(attr(del, 'AffectedTaskOccurrences')).toBe('AllOccurrences');
    const ids = child(del, 'ItemIds');
    expect(children(ids, 'ItemId').map((i) => [attr(i, 'Id'), attr(i, 'ChangeKey')])).toEqual([['AAMkA1', 'DwAAA1'], ['AAMkA2', undefined]]);
    expect(attr(child(ids, 'OccurrenceItemId'), 'RecurringMasterId')).toBe('AAMkM');
    expect(attr(child(ids, 'OccurrenceItemId'), 'InstanceIndex')).toBe('3');
  });

  it('deletes a whole series through one of its occurrences (RecurringMasterItemId); schema-valid', async () => {
    const xml = envelope({ ids: [{ seriesOf: 'AAMkOcc', changeKey: 'DwAAA1' }], deleteType: 'MoveToDeletedItems', sendMeetingCancellations: 'SendToAllAndSaveCopy' });
    await expectValid(xml);
    const master = child(child(deleteOf(xml), 'ItemIds'), 'RecurringMasterItemId');
    expect([attr(master, 'OccurrenceId'), attr(master, 'ChangeKey')]).toEqual(['AAMkOcc', 'DwAAA1']);
  });

  it('defaults SendMeetingCancellations to SendToNone, which Exchange requires for calendar items', async () => {
    const xml = envelope({ ids: [{ id: 'AAMkA' }], deleteType: 'HardDelete' });
    await expectValid(xml);
    const del = deleteOf(xml);
    expect(attr(del, 'SendMeetingCancellations')).toBe('SendToNone');
    expect(attr(del, 'AffectedTaskOccurrences')).toBeUndefined();
  });

  it('every DeleteType and cancellation value is schema-valid', async () => {
    const types = ['HardDelete', 'SoftDelete', 'MoveToDeletedItems'] as const;
    const sends = ['SendToNone', 'SendOnlyToAll', 'SendToAllAndSaveCopy'] as const;
    for (const [i, deleteType] of types.entries()) {
      await expectValid(envelope({ ids: [{ id: 'AAMkA' }], deleteType, sendMeetingCancellations: sends[i], affectedTaskOccurrences: 'SpecifiedOccurrenceOnly' }));
    }
  });
});

type Expected = readonly ('ok' | { code: string; message: string })[];

const NOT_FOUND = { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' };

/** Every recorded DeleteItem response, with what it says, copied from the files. */
const EXPECTED: Record<string, Expected> = {
  'msdocs-batch-delete-calendaritems-error-itemnotfound.response.xml': [NOT_FOUND, NOT_FOUND, NOT_FOUND],
  'msdocs-batch-delete-calendaritems.response.xml': ['ok', 'ok', 'ok'],
  'msdocs-delete-appointment-sendtonone.response.xml': ['ok'],
  'msdocs-deleteitem-ref-error-itemnotfound.response.xml': [NOT_FOUND],
  'msdocs-deleteitem-ref.response.xml': ['ok'],
  'phpews-ex2019-deleteitem.response.xml': ['ok'],
  'phpews-exo2020-deleteitem-error-itemnotfound.response.xml': [{ code: 'ErrorItemNotFound', message: 'The specified object was not found in the store., The process failed to get the correct properties.' }],
  'phpews-exo2020-deleteitem.response.xml': ['ok'],
};

describe('DeleteItems: real recorded responses', () => {
  it('every recorded DeleteItem response has an expectation here', () => {
    expect(fixtureFiles('DeleteItem').sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`reads ${file}`, () => {
      const env = parseEnvelope(fixture('DeleteItem', file));
      expect(env.bodyName).toBe('DeleteItemResponse');
      const results = DeleteItems.parse(env.body, { operation: 'DeleteItem', errors: { mailbox: 'alice@contoso.com' } });
      expect(results).toHaveLength(expected.length);
      expected.forEach((want, i) => {
        const got = results[i];
        if (want === 'ok') {
          expect(got).toEqual({ ok: true, value: undefined });
          return;
        }
        expect(got?.ok).toBe(false);
        if (got && !got.ok) {
          expect(got.error).toBeInstanceOf(EwsError);
          expect(got.error.code).toBe(want.code);
          expect(got.error.data).toMatchObject({ operation: 'DeleteItem', responseCode: want.code, serverMessage: want.message, mailbox: 'alice@contoso.com' });
          expect(got.error.transient).toBe(false);
        }
      });
    });
  }
});
