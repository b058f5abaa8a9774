import { describe, expect, it } from 'vitest';
import { buildEnvelope, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import { GetRoomLists, GetRooms } from '../../../../src/ews/operations/get-rooms.js';
import type { ParseContext } from '../../../../src/ews/operations/operation.js';
import { RespondToMeetings } from '../../../../src/ews/operations/respond-to-meeting.js';
import { EwsError } from '../../../../src/ews/errors.js';
import { attr, child, path, text } from '../../../../src/ews/xml/index.js';
import { AppError } from '../../../../src/shared/errors.js';
import { fixture, validateEnvelope } from '../../../support/shared.js';

const ctx = (operation: string): ParseContext => ({ operation, errors: { account: 'svc@contoso.com' } });

async function expectValid(xml: string, body: string): Promise<void> {
  const v = await validateEnvelope(xml);
  expect(v.valid, v.output).toBe(true);
  expect(v.output).toMatch(new RegExp(`^VALID\\s+\\S+ :: Body/m:${body}$`, 'm'));
}

describe('GetRoomLists', () => {
  it('writes a schema-valid request, the same as Microsoft\'s example', async () => {
    const xml = buildEnvelope({ version: 'Exchange2013' }, GetRoomLists.build({}, 'Exchange2013'));
    await expectValid(xml, 'GetRoomLists');
    expect(parseEnvelope(xml).bodyName).toBe(parseEnvelope(fixture('GetRoomLists', 'msdocs-getroomlists-ref.request.xml')).bodyName);
  });

  it('reads the lists of the recorded answers, and none from an organization without lists', () => {
    const read = (f: string) => GetRoomLists.parse(parseEnvelope(fixture('GetRoomLists', f)).body, ctx('GetRoomLists'));
    expect(read('msdocs-getroomlists-ref.response.xml')).toEqual([{ name: 'Room List', email: 'RoomList@contoso.com', routingType: 'SMTP', mailboxType: 'PublicDL' }]);
    expect(read('msdocs-getroomlists-ref-2.response.xml')).toEqual([]);
  });
});

describe('GetRooms', () => {
  it('writes a schema-valid request naming the list, like Microsoft\'s how-to', async () => {
    const xml = buildEnvelope({ version: 'Exchange2013' }, GetRooms.build({ roomList: 'bldg3rooms@contoso.com' }, 'Exchange2013'));
    await expectValid(xml, 'GetRooms');
    const ours = path(parseEnvelope(xml).body, 'RoomList');
    const theirs = path(parseEnvelope(fixture('GetRooms', 'msdocs-getrooms-howto.request.xml')).body, 'RoomList');
    expect(text(ours, 'EmailAddress')).toBe(text(theirs, 'EmailAddress'));
  });

  it('refuses an empty list address before sending', () => {
    expect(() => GetRooms.build({ roomList: ' ' }, 'Exchange2013')).toThrowError(AppError);
  });

  it('reads rooms in order, and an unknown list as no rooms', () => {
    const read = (f: string) => GetRooms.parse(parseEnvelope(fixture('GetRooms', f)).body, ctx('GetRooms'));
    expect(read('msdocs-getrooms-ref.response.xml').map((r) => [r.name, r.email])).toEqual([['Room01', 'Room01@contoso.com'], ['Room02', 'Room02@contoso.com']]);
    expect(read('msdocs-getrooms-ref-error-noresults.response.xml')).toEqual([]);
  });

  it('turns any other error into a typed EwsError', () => {
    const xml = fixture('GetRooms', 'msdocs-getrooms-ref-error-noresults.response.xml').replace(/ErrorNameResolutionNoResults/g, 'ErrorAccessDenied');
    expect(() => GetRooms.parse(parseEnvelope(xml).body, ctx('GetRooms'))).toThrowError(EwsError);
  });
});

describe('RespondToMeetings (CreateItem with response objects)', () => {
  it('writes a schema-valid DeclineItem with the text before the reference, as the sequence requires', async () => {
    const xml = buildEnvelope({ version: 'Exchange2013', impersonate: 'room.101@contoso.com' }, RespondToMeetings.build({ responses: [{ answer: 'DeclineItem', item: { id: 'AAMkRoom=', changeKey: 'CK1' }, text: 'Released: nobody checked in <in time>.' }], messageDisposition: 'SendAndSaveCopy' }, 'Exchange2013'));
    await expectValid(xml, 'CreateItem');
    const body = parseEnvelope(xml).body;
    expect(attr(body, 'MessageDisposition')).toBe('SendAndSaveCopy');
    const decline = path(body, 'Items', 'DeclineItem');
    expect(attr(child(decline, 'ReferenceItemId'), 'Id')).toBe('AAMkRoom=');
    expect(text(decline, 'Body')).toBe('Released: nobody checked in <in time>.');
    expect(xml.indexOf('<t:Body')).toBeLessThan(xml.indexOf('<t:ReferenceItemId'));
  });

  it('writes a schema-valid AcceptItem without text', async () => {
    const xml = buildEnvelope({ version: 'Exchange2013' }, RespondToMeetings.build({ responses: [{ answer: 'AcceptItem', item: { id: 'AAMk=' } }], messageDisposition: 'SaveOnly' }, 'Exchange2013'));
    await expectValid(xml, 'CreateItem');
    expect(xml).not.toContain('<t:Body');
  });
});
