import { describe, expect, it } from 'vitest';
import { EwsError } from '../../../../src/ews/errors.js';
import { buildEnvelope, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import { SendItem, type SendItemArgs } from '../../../../src/ews/operations/send-item.js';
import { attr, child, children, parseXml, path, type XmlElement } from '../../../../src/ews/xml/index.js';
import { validateEnvelope } from '../../../support/shared.js';

const HEADERS = { version: 'Exchange2013', impersonate: 'alice@contoso.com', timeZone: 'Pacific Standard Time' } as const;

function envelope(args: SendItemArgs): string {
  return buildEnvelope(HEADERS, SendItem.build(args, 'Exchange2013'));
}

async function expectValid(xml: string): Promise<void> {
  const verdict = await validateEnvelope(xml);
  expect(verdict.valid, `${verdict.output}\n${xml}`).toBe(true);
}

function sendOf(xml: string): XmlElement {
  const el = path(parseXml(xml).element, 'Body', 'SendItem');
  if (!el) throw new Error('no SendItem in the built envelope');
  return el;
}

describe('SendItem: requests', () => {
  it('sends two drafts and keeps copies in Sent Items; schema-valid', async () => {
    const xml = envelope({ ids: [{ id: 'AAMkD1', changeKey: 'CQAAAB' }, { id: 'AAMkD2', changeKey: 'CQAAAC' }], saveItemToFolder: true, savedItemFolder: { distinguished: 'sentitems' } });
    await expectValid(xml);
    const send = sendOf(xml);
    expect(attr(send, 'SaveItemToFolder')).toBe('true');
    expect(children(child(send, 'ItemIds'), 'ItemId').map((i) => attr(i, 'Id'))).toEqual(['AAMkD1', 'AAMkD2']);
    expect(attr(path(send, 'SavedItemFolderId', 'DistinguishedFolderId'), 'Id')).toBe('sentitems');
  });

  it('sends without keeping a copy; schema-valid, and no folder is written', async () => {
    const xml = envelope({ ids: [{ id: 'AAMkD1' }], saveItemToFolder: false });
    await expectValid(xml);
    const send = sendOf(xml);
    expect(attr(send, 'SaveItemToFolder')).toBe('false');
    expect(child(send, 'SavedItemFolderId')).toBeUndefined();
  });

  it('keeps the copy in the default folder when none is named; schema-valid', async () => {
    await expectValid(envelope({ ids: [{ id: 'AAMkD1' }], saveItemToFolder: true }));
  });
});

describe('SendItem: responses (constructed here: no SendItem exchange was recorded)', () => {
  // The shape of messages.xsd SendItemResponseType, with the ErrorItemNotFound text recorded in DeleteItem/.
  const response = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
<m:SendItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
<m:ResponseMessages>
<m:SendItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:SendItemResponseMessage>
<m:SendItemResponseMessage ResponseClass="Error"><m:MessageText>The specified object was not found in the store.</m:MessageText><m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:SendItemResponseMessage>
</m:ResponseMessages></m:SendItemResponse></s:Body></s:Envelope>`;

  it('one result per id, in order', () => {
    const env = parseEnvelope(response);
    expect(env.bodyName).toBe('SendItemResponse');
    const [sent, missing] = SendItem.parse(env.body, { operation: 'SendItem', errors: {} });
    expect(sent).toEqual({ ok: true, value: undefined });
    expect(missing?.ok).toBe(false);
    if (missing && !missing.ok) {
      expect(missing.error).toBeInstanceOf(EwsError);
      expect(missing.error.code).toBe('ErrorItemNotFound');
      expect(missing.error.data).toMatchObject({ operation: 'SendItem', responseCode: 'ErrorItemNotFound', serverMessage: 'The specified object was not found in the store.' });
    }
  });
});
