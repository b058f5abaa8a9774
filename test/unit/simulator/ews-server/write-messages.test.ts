import { describe, expect, it } from 'vitest';
import { attr, child, childNames, text } from '../../../../src/ews/xml/index.js';
import type { SimulatedExchange } from '../../../../src/simulator/ews-server/exchange.js';
import { CalendarStore } from '../../../../src/simulator/store/calendar/index.js';
import { testExchange } from '../../../support/simulator.js';
import { ALICE, BOB, calendarItem, calendarView, codes, createItem, folder, getItem, gotItem, ids, itemIds, mailbox, messages, responses, send, viewItems } from './write-helpers.js';

const WEEK = ['2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z'] as const;

const message = (subject: string, to: readonly string[], from?: string) =>
  `<t:Message><t:Subject>${subject}</t:Subject><t:Body BodyType="Text">Hello</t:Body>${to.length ? `<t:ToRecipients>${to.map(mailbox).join('')}</t:ToRecipients>` : ''}${from ? `<t:From>${mailbox(from)}</t:From>` : ''}</t:Message>`;

const subjects = (ex: SimulatedExchange, who: string, f: 'inbox' | 'drafts' | 'sentitems') => ex.calendar.findItems(who, f).map((e) => e.subject);

const sendItem = (id: string, attrs = 'SaveItemToFolder="true"', savedIn = '') => `<m:SendItem ${attrs}><m:ItemIds>${itemIds([id])}</m:ItemIds>${savedIn}</m:SendItem>`;

describe('CreateItem (messages) and SendItem', () => {
  it('SaveOnly keeps a draft in Drafts and answers its id; SendItem delivers it and files the copy in Sent Items', async () => {
    const ex = testExchange();
    const r = await send(ex, ALICE, createItem(message('Draft', [BOB]), 'MessageDisposition="SaveOnly"'));
    expect(codes(r, 'CreateItem')).toEqual(['NoError']);
    expect(childNames(child(messages(r, 'CreateItem')[0], 'Items'))).toEqual(['Message']);
    const [draft] = ids(r, 'CreateItem');
    expect(subjects(ex, ALICE, 'drafts')).toEqual(['Draft']);
    expect(text(gotItem(await send(ex, ALICE, getItem([draft!.id])), 'Message'), 'Subject')).toBe('Draft');
    const sent = await send(ex, ALICE, sendItem(draft!.id));
    expect(codes(sent, 'SendItem')).toEqual(['NoError']);
    expect(subjects(ex, BOB, 'inbox')).toEqual(['Draft']);
    expect(subjects(ex, ALICE, 'sentitems')).toEqual(['Draft']);
    expect(subjects(ex, ALICE, 'drafts')).toEqual([]);
    expect(codes(await send(ex, ALICE, sendItem(draft!.id)), 'SendItem')).toEqual(['ErrorItemNotFound']);
  });

  it('drafts persist with the store, and stores saved before Drafts existed still load', async () => {
    const ex = testExchange();
    await send(ex, ALICE, createItem(message('Kept', [BOB]), 'MessageDisposition="SaveOnly"'));
    const json = JSON.parse(JSON.stringify(ex.calendar)) as { mailboxes: { folders: Record<string, unknown> }[] };
    expect(CalendarStore.fromJSON(json).findItems(ALICE, 'drafts').map((e) => e.subject)).toEqual(['Kept']);
    for (const m of json.mailboxes) delete m.folders.drafts;
    expect(CalendarStore.fromJSON(json).findItems(ALICE, 'drafts')).toEqual([]);
  });

  it('SendAndSaveCopy answers an empty m:Items; SendOnly keeps no copy', async () => {
    const ex = testExchange();
    const r = await send(ex, ALICE, createItem(message('Hi', [BOB]), 'MessageDisposition="SendAndSaveCopy"', folder('sentitems')));
    expect(codes(r, 'CreateItem')).toEqual(['NoError']);
    expect(childNames(child(messages(r, 'CreateItem')[0], 'Items'))).toEqual([]);
    const only = await send(ex, ALICE, createItem(message('Quiet', [BOB]), 'MessageDisposition="SendOnly"'));
    expect(codes(only, 'CreateItem')).toEqual(['NoError']);
    expect(subjects(ex, BOB, 'inbox').sort()).toEqual(['Hi', 'Quiet']);
    expect(subjects(ex, ALICE, 'sentitems')).toEqual(['Hi']);
  });

  it('answers the documented errors: no disposition, no recipients, bad save settings, not a message', async () => {
    const ex = testExchange();
    const noDisposition = await send(ex, ALICE, createItem(message('x', [BOB]), ''));
    expect(codes(noDisposition, 'CreateItem')).toEqual(['ErrorMessageDispositionRequired']);
    const nobody = await send(ex, ALICE, createItem(message('x', []), 'MessageDisposition="SendAndSaveCopy"'));
    expect(codes(nobody, 'CreateItem')).toEqual(['ErrorInvalidRecipients']);
    const draft = ids(await send(ex, ALICE, createItem(message('x', []), 'MessageDisposition="SaveOnly"')), 'CreateItem')[0]!;
    expect(codes(await send(ex, ALICE, sendItem(draft.id)), 'SendItem')).toEqual(['ErrorMissingRecipients']);
    const badSave = await send(ex, ALICE, sendItem(draft.id, 'SaveItemToFolder="false"', `<m:SavedItemFolderId>${folder('sentitems')}</m:SavedItemFolderId>`));
    expect(codes(badSave, 'SendItem')).toEqual(['ErrorInvalidSendItemSaveSettings']);
    const appt = ids(await send(ex, ALICE, createItem(calendarItem('a', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z'), 'SendMeetingInvitations="SendToNone"')), 'CreateItem')[0]!;
    expect(codes(await send(ex, ALICE, sendItem(appt.id)), 'SendItem')).toEqual(['ErrorInvalidItemForOperationSendItem']);
    const task = await send(ex, ALICE, createItem('<t:Task><t:Subject>t</t:Subject></t:Task>', 'MessageDisposition="SaveOnly"'));
    expect(codes(task, 'CreateItem')).toEqual(['ErrorInvalidItemForOperationCreateItem']);
  });

  it('sending as another mailbox needs Send As (ErrorSendAsDenied), and the copy goes to that mailbox', async () => {
    const ex = testExchange();
    const carol = ex.directory.findMailbox('carol')!.smtp;
    const body = createItem(message('For Alice', [carol], ALICE), 'MessageDisposition="SendAndSaveCopy"', folder('sentitems', ALICE));
    expect(codes(await send(ex, BOB, body), 'CreateItem')).toEqual(['ErrorSendAsDenied']);
    expect(subjects(ex, carol, 'inbox')).toEqual([]);
    ex.directory.addExtendedRight(ex.directory.findMailbox('alice')!, ex.directory.findMailbox('bob')!, 'Send-As');
    expect(codes(await send(ex, BOB, body), 'CreateItem')).toEqual(['NoError']);
    expect(subjects(ex, carol, 'inbox')).toEqual(['For Alice']);
    expect(subjects(ex, ALICE, 'sentitems')).toEqual(['For Alice']);
    expect(ex.calendar.findItems(carol, 'inbox')[0]).toMatchObject({ from: { email: ALICE } });
  });
});

describe('CreateItem (meeting response objects)', () => {
  async function invited() {
    const ex = testExchange();
    const r = await send(ex, ALICE, createItem(calendarItem('Offsite', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z', { required: [BOB] }), 'SendMeetingInvitations="SendToAllAndSaveCopy"'));
    const request = ex.calendar.findItems(BOB, 'inbox').find((m) => 'itemClass' in m && m.itemClass === 'IPM.Schedule.Meeting.Request')!;
    return { ex, organizerItem: ids(r, 'CreateItem')[0]!, request };
  }
  const respond = (kind: string, id: string, disposition = 'SendAndSaveCopy') => createItem(`<t:${kind}><t:ReferenceItemId Id="${id}"/></t:${kind}>`, `MessageDisposition="${disposition}"`);

  it('AcceptItem on the meeting request: empty m:Items, the organizer sees Accept', async () => {
    const { ex, organizerItem, request } = await invited();
    const r = await send(ex, BOB, respond('AcceptItem', request.id));
    expect(codes(r, 'CreateItem')).toEqual(['NoError']);
    expect(childNames(child(messages(r, 'CreateItem')[0], 'Items'))).toEqual([]);
    expect(responses(gotItem(await send(ex, ALICE, getItem([organizerItem.id]))), 'RequiredAttendees')).toEqual({ [BOB]: 'Accept' });
    expect(viewItems(await send(ex, BOB, calendarView(...WEEK))).map((i) => text(i, 'MyResponseType'))).toEqual(['Accept']);
  });

  it('DeclineItem on the calendar copy; the organizer cannot answer their own meeting; a note is not a meeting', async () => {
    const { ex, organizerItem } = await invited();
    const copy = viewItems(await send(ex, BOB, calendarView(...WEEK)))[0]!;
    const r = await send(ex, BOB, respond('DeclineItem', attr(child(copy, 'ItemId'), 'Id')!));
    expect(codes(r, 'CreateItem')).toEqual(['NoError']);
    expect(responses(gotItem(await send(ex, ALICE, getItem([organizerItem.id]))), 'RequiredAttendees')).toEqual({ [BOB]: 'Decline' });
    expect(codes(await send(ex, ALICE, respond('AcceptItem', organizerItem.id)), 'CreateItem')).toEqual(['ErrorCalendarIsOrganizerForAccept']);
    const note = ids(await send(ex, BOB, createItem('<t:Message><t:Subject>n</t:Subject></t:Message>', 'MessageDisposition="SaveOnly"')), 'CreateItem')[0]!;
    expect(codes(await send(ex, BOB, respond('TentativelyAcceptItem', note.id)), 'CreateItem')).toEqual(['ErrorInvalidItemForOperationTentative']);
    expect(codes(await send(ex, ALICE, respond('AcceptItem', organizerItem.id.replace(/.$/, 'Q'))), 'CreateItem')[0]).toMatch(/^Error(ItemNotFound|InvalidIdMalformed)$/);
  });

  it('CancelCalendarItem by the organizer cancels the attendee copy and answers the item id', async () => {
    const { ex, organizerItem } = await invited();
    const r = await send(ex, ALICE, createItem(`<t:CancelCalendarItem><t:ReferenceItemId Id="${organizerItem.id}"/><t:NewBodyContent BodyType="Text">Sorry</t:NewBodyContent></t:CancelCalendarItem>`, 'MessageDisposition="SendAndSaveCopy"'));
    expect(codes(r, 'CreateItem')).toEqual(['NoError']);
    expect(ids(r, 'CreateItem')[0]!.id).toBe(organizerItem.id);
    expect(viewItems(await send(ex, BOB, calendarView(...WEEK))).map((i) => text(i, 'IsCancelled'))).toEqual(['true']);
    expect(viewItems(await send(ex, ALICE, calendarView(...WEEK)))).toHaveLength(0);
  });
});

describe('FindItem on mail folders', () => {
  it('lists the Inbox messages (without bodies, as Exchange does); GetItem then reads the body', async () => {
    const ex = testExchange();
    await send(ex, ALICE, createItem(message('Welcome', [BOB]), 'MessageDisposition="SendAndSaveCopy"', folder('sentitems')));
    const found = await send(ex, BOB, `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds>${folder('inbox')}</m:ParentFolderIds></m:FindItem>`);
    expect(codes(found, 'FindItem')).toEqual(['NoError']);
    const items = child(child(messages(found, 'FindItem')[0], 'RootFolder'), 'Items');
    expect(childNames(items)).toEqual(['Message']);
    const listed = child(items, 'Message');
    expect(text(listed, 'Subject')).toBe('Welcome');
    expect(child(listed, 'Body')).toBeUndefined();
    const id = attr(child(listed, 'ItemId'), 'Id')!;
    expect(text(gotItem(await send(ex, BOB, getItem([id])), 'Message'), 'Body')).toBe('Hello');
  });
});
