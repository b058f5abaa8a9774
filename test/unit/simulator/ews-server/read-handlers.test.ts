import { describe, expect, it } from 'vitest';
import { child, children, path, text, attr } from '../../../../src/ews/xml/index.js';
import { call, envelope, schemaCheck, testExchange } from '../../../support/simulator.js';

const calendarView = (start: string, end: string, mailbox?: string, max?: number) =>
  `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:CalendarView ${max ? `MaxEntriesReturned="${max}" ` : ''}StartDate="${start}" EndDate="${end}"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar">${mailbox ? `<t:Mailbox><t:EmailAddress>${mailbox}</t:EmailAddress></t:Mailbox>` : ''}</t:DistinguishedFolderId></m:ParentFolderIds></m:FindItem>`;

function seedWeekly(ex: ReturnType<typeof testExchange>) {
  ex.calendar.createItem('alice@contoso.com', { subject: 'Standup', start: '2026-12-07T17:00:00Z', end: '2026-12-07T17:15:00Z', timeZoneId: 'Pacific Standard Time', recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Wednesday', 'Friday'] }, range: { type: 'NoEnd', startDate: '2026-12-07' } } }, 'SendToNone');
  ex.calendar.createItem('alice@contoso.com', { subject: 'Budget review', start: '2026-12-08T19:00:00Z', end: '2026-12-08T20:00:00Z', timeZoneId: 'Pacific Standard Time' }, 'SendToNone');
}

describe('simulator read handlers', () => {
  it('FindItem CalendarView as alice herself: occurrences expanded, schema-valid', async () => {
    const ex = testExchange();
    seedWeekly(ex);
    const r = await call(ex, 'alice@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z')));
    expect(r.status).toBe(200);
    const verdict = await schemaCheck(r.xml);
    expect(verdict.valid, verdict.output).toBe(true);
    const items = children(path(r.body, 'ResponseMessages', 'FindItemResponseMessage', 'RootFolder', 'Items'), 'CalendarItem');
    expect(items.map((i) => text(i, 'Subject'))).toEqual(['Standup', 'Budget review', 'Standup', 'Standup']);
    expect(items.map((i) => text(i, 'CalendarItemType'))).toEqual(['Occurrence', 'Single', 'Occurrence', 'Occurrence']);
  });

  it('MaxEntriesReturned cuts the view and says so', async () => {
    const ex = testExchange();
    seedWeekly(ex);
    const r = await call(ex, 'alice@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z', undefined, 2)));
    const root = path(r.body, 'ResponseMessages', 'FindItemResponseMessage', 'RootFolder');
    expect(attr(root, 'IncludesLastItemInRange')).toBe('false');
    expect(children(child(root, 'Items'), 'CalendarItem')).toHaveLength(2);
  });

  it('impersonation without the role is a SOAP fault ErrorImpersonateUserDenied', async () => {
    const ex = testExchange();
    const r = await call(ex, 'svc@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z'), { impersonate: 'alice@contoso.com' }));
    expect(r.status).toBe(500);
    expect(r.bodyName).toBe('Fault');
    expect(text(child(r.body, 'detail'), 'ResponseCode')).toBe('ErrorImpersonateUserDenied');
  });

  it('impersonation with an unscoped ApplicationImpersonation assignment reads alice', async () => {
    const ex = testExchange();
    seedWeekly(ex);
    const svc = ex.directory.findMailbox('svc')!;
    ex.directory.addRoleAssignment({ name: 'imp', role: 'ApplicationImpersonation', user: svc.guid });
    const r = await call(ex, 'svc@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z'), { impersonate: 'alice@contoso.com' }));
    expect(r.status).toBe(200);
    expect(children(path(r.body, 'ResponseMessages', 'FindItemResponseMessage', 'RootFolder', 'Items'), 'CalendarItem')).toHaveLength(4);
  });

  it('delegate access needs a folder permission: ErrorAccessDenied without, items with Reviewer', async () => {
    const ex = testExchange();
    seedWeekly(ex);
    const denied = await call(ex, 'svc@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z', 'alice@contoso.com')));
    expect(text(path(denied.body, 'ResponseMessages', 'FindItemResponseMessage'), 'ResponseCode')).toBe('ErrorAccessDenied');
    expect((await schemaCheck(denied.xml)).valid).toBe(true);
    ex.directory.addFolderPermission(ex.directory.findMailbox('alice')!, ex.directory.findMailbox('svc')!.guid, 'Reviewer');
    const ok = await call(ex, 'svc@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z', 'alice@contoso.com')));
    expect(children(path(ok.body, 'ResponseMessages', 'FindItemResponseMessage', 'RootFolder', 'Items'), 'CalendarItem')).toHaveLength(4);
  });

  it('GetFolder and GetItem answer schema-valid, with ids that round-trip', async () => {
    const ex = testExchange();
    seedWeekly(ex);
    const folder = await call(ex, 'alice@contoso.com', envelope('<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>'));
    expect((await schemaCheck(folder.xml)).valid).toBe(true);
    expect(text(path(folder.body, 'ResponseMessages', 'GetFolderResponseMessage', 'Folders', 'CalendarFolder'), 'DisplayName')).toBe('Calendar');
    const view = await call(ex, 'alice@contoso.com', envelope(calendarView('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z')));
    const ids = children(path(view.body, 'ResponseMessages', 'FindItemResponseMessage', 'RootFolder', 'Items'), 'CalendarItem').map((i) => attr(child(i, 'ItemId'), 'Id'));
    const got = await call(ex, 'alice@contoso.com', envelope(`<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds>${ids.map((id) => `<t:ItemId Id="${id}"/>`).join('')}<t:ItemId Id="AAMkbogus"/></m:ItemIds></m:GetItem>`));
    const verdict = await schemaCheck(got.xml);
    expect(verdict.valid, verdict.output).toBe(true);
    const msgs = children(child(got.body, 'ResponseMessages'), 'GetItemResponseMessage');
    expect(msgs.map((m) => attr(m, 'ResponseClass'))).toEqual(['Success', 'Success', 'Success', 'Success', 'Error']);
  });

  it('answers an unknown RequestServerVersion like Exchange 2016 (HTTP 500, ErrorInvalidRequest) and unknown operations with a fault', async () => {
    const ex = testExchange('Exchange2016');
    const v = await call(ex, 'alice@contoso.com', envelope('<m:ConvertId DestinationFormat="EntryId"><m:SourceIds><t:AlternateId Id="DUMMY" Format="EwsId" Mailbox="DUMMY"/></m:SourceIds></m:ConvertId>', { version: 'Exchange2019' }));
    expect(v.status).toBe(500);
    expect(text(child(v.body, 'detail'), 'ResponseCode')).toBe('ErrorInvalidRequest');
    const ok = await call(ex, 'alice@contoso.com', envelope('<m:ConvertId DestinationFormat="EntryId"><m:SourceIds><t:AlternateId Id="DUMMY" Format="EwsId" Mailbox="DUMMY"/></m:SourceIds></m:ConvertId>', { version: 'Exchange2016' }));
    expect(ok.status).toBe(200);
    expect(ok.xml).toContain('MajorVersion="15" MinorVersion="1"');
    const unknown = await call(ex, 'alice@contoso.com', envelope('<m:FrobnicateItem/>'));
    expect(unknown.status).toBe(500);
  });

  it('hostile XML (a DTD with entities) is a schema-validation fault, not an expansion', async () => {
    const ex = testExchange();
    const lol = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&b;</soap:Body></soap:Envelope>';
    const r = await call(ex, 'alice@contoso.com', lol);
    expect(r.status).toBe(500);
    expect(text(child(r.body, 'detail'), 'ResponseCode')).toBe('ErrorSchemaValidation');
  });
});
