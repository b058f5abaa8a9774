import { describe, expect, it } from 'vitest';
import { attr, child, children, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { call, envelope, schemaCheck, testExchange } from '../../../support/simulator.js';
import { peerRequest } from './peer-requests.js';

const resolve = (name: string, full = false, extra = '') => envelope(`<m:ResolveNames ReturnFullContactData="${full}"${extra}><m:UnresolvedEntry>${name}</m:UnresolvedEntry></m:ResolveNames>`);

const message = (body: XmlElement) => path(body, 'ResponseMessages', 'ResolveNamesResponseMessage');
const names = (body: XmlElement) => children(child(message(body), 'ResolutionSet'), 'Resolution').map((r) => text(child(r, 'Mailbox'), 'EmailAddress'));

async function valid(xml: string): Promise<void> {
  const verdict = await schemaCheck(xml);
  expect(verdict.valid, verdict.output).toBe(true);
}

describe('ResolveNames', () => {
  it('one match: Success with the mailbox, and the contact as Exchange writes it when asked', async () => {
    const ex = testExchange();
    const r = await call(ex, 'bob@contoso.com', resolve('alice', true));
    await valid(r.xml);
    const msg = message(r.body);
    expect(attr(msg, 'ResponseClass')).toBe('Success');
    expect(text(msg, 'ResponseCode')).toBe('NoError');
    const set = child(msg, 'ResolutionSet');
    expect([attr(set, 'TotalItemsInView'), attr(set, 'IncludesLastItemInRange')]).toEqual(['1', 'true']);
    const resolution = child(set, 'Resolution');
    const mailbox = child(resolution, 'Mailbox');
    expect([text(mailbox, 'Name'), text(mailbox, 'EmailAddress'), text(mailbox, 'RoutingType'), text(mailbox, 'MailboxType')]).toEqual(['Alice Wong', 'alice@contoso.com', 'SMTP', 'Mailbox']);
    const contact = child(resolution, 'Contact');
    expect(text(contact, 'DisplayName')).toBe('Alice Wong');
    expect([text(contact, 'GivenName'), text(contact, 'Surname'), text(contact, 'ContactSource')]).toEqual(['Alice', 'Wong', 'ActiveDirectory']);
    const entry = child(child(contact, 'EmailAddresses'), 'Entry');
    expect([attr(entry, 'Key'), text(entry)]).toEqual(['EmailAddress1', 'SMTP:alice@contoso.com']);
  });

  it('without ReturnFullContactData only the mailbox is returned', async () => {
    const r = await call(testExchange(), 'bob@contoso.com', resolve('alice'));
    expect(child(child(child(message(r.body), 'ResolutionSet'), 'Resolution'), 'Contact')).toBeUndefined();
  });

  it('resolves by SMTP address (also in the SMTP: proxy form), surname, display-name prefix and "First Last"', async () => {
    const ex = testExchange();
    for (const q of ['ALICE@contoso.com', 'SMTP:alice@contoso.com', 'wong', 'Alice W', 'alice wo', 'Wong Al']) {
      expect(names((await call(ex, 'bob@contoso.com', resolve(q))).body), q).toEqual(['alice@contoso.com']);
    }
    expect(names((await call(ex, 'bob@contoso.com', resolve('Concierge'))).body)).toEqual(['svc@contoso.com']);
  });

  it('several matches: Warning ErrorNameResolutionMultipleResults with every candidate, by display name', async () => {
    const r = await call(testExchange(), 'alice@contoso.com', resolve('Bob', true));
    await valid(r.xml);
    const msg = message(r.body);
    expect([attr(msg, 'ResponseClass'), text(msg, 'ResponseCode'), text(msg, 'MessageText')]).toEqual(['Warning', 'ErrorNameResolutionMultipleResults', 'Multiple results were found.']);
    const set = child(msg, 'ResolutionSet');
    expect([attr(set, 'TotalItemsInView'), attr(set, 'IncludesLastItemInRange')]).toEqual(['2', 'true']);
    expect(names(r.body)).toEqual(['bjones@contoso.com', 'bob@contoso.com']);
  });

  it('rooms resolve as mailboxes', async () => {
    const r = await call(testExchange(), 'alice@contoso.com', resolve('Room 1'));
    expect(names(r.body)).toEqual(['room.101@contoso.com']);
    expect(text(child(child(child(message(r.body), 'ResolutionSet'), 'Resolution'), 'Mailbox'), 'MailboxType')).toBe('Mailbox');
  });

  it('no match: Error ErrorNameResolutionNoResults; a bare comma is ErrorInvalidNameForNameResolution', async () => {
    const ex = testExchange();
    const none = await call(ex, 'alice@contoso.com', resolve('zelda'));
    await valid(none.xml);
    const msg = message(none.body);
    expect([attr(msg, 'ResponseClass'), text(msg, 'ResponseCode'), text(msg, 'MessageText')]).toEqual(['Error', 'ErrorNameResolutionNoResults', 'No results were found.']);
    expect(child(msg, 'ResolutionSet')).toBeUndefined();
    const bad = await call(ex, 'alice@contoso.com', resolve(','));
    expect(text(message(bad.body), 'ResponseCode')).toBe('ErrorInvalidNameForNameResolution');
    const contactsOnly = await call(ex, 'alice@contoso.com', resolve('alice', false, ' SearchScope="Contacts"'));
    expect(text(message(contactsOnly.body), 'ResponseCode')).toBe('ErrorNameResolutionNoResults');
  });

  it('several UnresolvedEntry elements (exchangelib batches them) get one message each, in order', async () => {
    const r = await call(testExchange(), 'alice@contoso.com', envelope('<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>carol</m:UnresolvedEntry><m:UnresolvedEntry>nobody</m:UnresolvedEntry></m:ResolveNames>'));
    expect(children(child(r.body, 'ResponseMessages'), 'ResolveNamesResponseMessage').map((m) => text(m, 'ResponseCode'))).toEqual(['NoError', 'ErrorNameResolutionNoResults']);
  });

  it.each([
    ['exchangelib', 'resolve-names-delegate.xml', 'bob@contoso.com'],
    ['exchangelib', 'resolve-names-impersonation.xml', 'svc@contoso.com'],
    ['ews-javascript-api', 'resolve-names-delegate.xml', 'bob@contoso.com'],
    ['ews-javascript-api', 'resolve-names-impersonation.xml', 'svc@contoso.com'],
  ] as const)('accepts the request %s sent (%s)', async (client, file, caller) => {
    const ex = testExchange();
    const svc = ex.directory.findMailbox('svc')!;
    ex.directory.addRoleAssignment({ name: 'imp', role: 'ApplicationImpersonation', user: svc.guid });
    const r = await call(ex, caller, peerRequest(client, file));
    expect(r.status).toBe(200);
    await valid(r.xml);
    expect(names(r.body)).toEqual(['alice@contoso.com']);
  });
});

describe('GetRoomLists and GetRooms', () => {
  it('one room list, "All Rooms", as a PublicDL address; its rooms by display name', async () => {
    const ex = testExchange();
    const lists = await call(ex, 'alice@contoso.com', envelope('<m:GetRoomLists/>', { version: 'Exchange2010' }));
    expect(lists.status).toBe(200);
    expect(text(lists.body, 'ResponseCode')).toBe('NoError');
    const list = child(child(lists.body, 'RoomLists'), 'Address');
    expect([text(list, 'Name'), text(list, 'EmailAddress'), text(list, 'RoutingType'), text(list, 'MailboxType')]).toEqual(['All Rooms', 'allrooms@contoso.com', 'SMTP', 'PublicDL']);
    const rooms = await call(ex, 'alice@contoso.com', envelope('<m:GetRooms><m:RoomList><t:EmailAddress>AllRooms@contoso.com</t:EmailAddress></m:RoomList></m:GetRooms>'));
    const ids = children(child(rooms.body, 'Rooms'), 'Room').map((r) => child(r, 'Id'));
    expect(ids.map((i) => [text(i, 'Name'), text(i, 'EmailAddress'), text(i, 'MailboxType')])).toEqual([
      ['Room 101', 'room.101@contoso.com', 'Mailbox'],
      ['Room 202', 'room.202@contoso.com', 'Mailbox'],
    ]);
  });

  it('an unknown list is ErrorNameResolutionNoResults', async () => {
    const r = await call(testExchange(), 'alice@contoso.com', envelope('<m:GetRooms><m:RoomList><t:EmailAddress>bldg9@contoso.com</t:EmailAddress></m:RoomList></m:GetRooms>'));
    expect([text(r.body, 'ResponseCode'), text(r.body, 'MessageText')]).toEqual(['ErrorNameResolutionNoResults', 'No results were found.']);
    expect(child(r.body, 'Rooms')).toBeUndefined();
  });

  // messages.xsd makes these responses a ResponseMessage themselves: ResponseClass belongs on the root.
  // The handlers hand it over as RootResponse.rootAttributes, and the dispatcher writes them there.
  it('carries ResponseClass on the response element itself, schema-valid', async () => {
    const ex = testExchange();
    const lists = await call(ex, 'alice@contoso.com', envelope('<m:GetRoomLists/>'));
    const bad = await call(ex, 'alice@contoso.com', envelope('<m:GetRooms><m:RoomList><t:EmailAddress>x@contoso.com</t:EmailAddress></m:RoomList></m:GetRooms>'));
    expect(attr(lists.body, 'ResponseClass')).toBe('Success');
    expect(attr(bad.body, 'ResponseClass')).toBe('Error');
    await valid(lists.xml);
    await valid(bad.xml);
  });
});
