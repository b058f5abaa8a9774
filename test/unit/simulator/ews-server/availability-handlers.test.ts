import { describe, expect, it } from 'vitest';
import { attr, child, children, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { call, envelope, schemaCheck, testExchange } from '../../../support/simulator.js';
import { peerRequest } from './peer-requests.js';

/** The legacy zone Outlook and the EWS Managed API send for Pacific time (msdocs-getuseravailability-ref.request.xml, 2007 rules). */
const PACIFIC =
  '<t:TimeZone><t:Bias>480</t:Bias><t:StandardTime><t:Bias>0</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>11</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>' +
  '<t:DaylightTime><t:Bias>-60</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>2</t:DayOrder><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime></t:TimeZone>';

interface Request {
  readonly mailboxes?: readonly string[];
  readonly start?: string;
  readonly end?: string;
  readonly view?: string;
  readonly interval?: number;
  readonly zone?: string;
}

function availability(r: Request = {}): string {
  const data = (r.mailboxes ?? ['alice@contoso.com']).map((a) => `<t:MailboxData><t:Email><t:Address>${a}</t:Address></t:Email><t:AttendeeType>Required</t:AttendeeType></t:MailboxData>`).join('');
  return (
    `<m:GetUserAvailabilityRequest>${r.zone ?? PACIFIC}<m:MailboxDataArray>${data}</m:MailboxDataArray>` +
    `<t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>${r.start ?? '2027-03-13T00:00:00'}</t:StartTime><t:EndTime>${r.end ?? '2027-03-16T00:00:00'}</t:EndTime></t:TimeWindow>` +
    `<t:MergedFreeBusyIntervalInMinutes>${r.interval ?? 60}</t:MergedFreeBusyIntervalInMinutes><t:RequestedView>${r.view ?? 'DetailedMerged'}</t:RequestedView></t:FreeBusyViewOptions></m:GetUserAvailabilityRequest>`
  );
}

/** Three events around the 2027 spring-forward in Los Angeles (Sunday 14 March, 02:00 PST -> 03:00 PDT). */
function seeded() {
  const ex = testExchange();
  const tz = { timeZoneId: 'Pacific Standard Time' } as const;
  ex.calendar.createItem('alice@contoso.com', { ...tz, subject: 'Before', location: 'Room 101', start: '2027-03-13T17:00:00Z', end: '2027-03-13T18:00:00Z' }, 'SendToNone');
  ex.calendar.createItem('alice@contoso.com', { ...tz, subject: 'Secret', location: 'Home', sensitivity: 'Private', start: '2027-03-14T18:00:00Z', end: '2027-03-14T19:00:00Z' }, 'SendToNone');
  ex.calendar.createItem('alice@contoso.com', { ...tz, subject: 'After', legacyFreeBusyStatus: 'Tentative', start: '2027-03-15T16:00:00Z', end: '2027-03-15T17:30:00Z' }, 'SendToNone');
  return ex;
}

/** 71 hourly slots from 2027-03-13 00:00 PST to 2027-03-16 00:00 PDT (one hour is skipped). */
function expectedMerged(): string {
  const slots = Array<string>(71).fill('0');
  slots[9] = '2'; // Sat 09:00 PST = 17:00Z
  slots[34] = '2'; // Sun 11:00 PDT = 18:00Z: 34 hours after the start, not 35
  slots[56] = '1'; // Mon 09:00 PDT
  slots[57] = '1'; // the half hour to 10:30
  return slots.join('');
}

const responses = (body: XmlElement) => children(child(body, 'FreeBusyResponseArray'), 'FreeBusyResponse');
const view = (r: XmlElement | undefined) => child(r, 'FreeBusyView');
const events = (r: XmlElement | undefined) => children(child(view(r), 'CalendarEventArray'), 'CalendarEvent');
const times = (r: XmlElement | undefined) => events(r).map((e) => [text(e, 'StartTime'), text(e, 'EndTime'), text(e, 'BusyType')]);
const LOCAL_TIMES = [
  ['2027-03-13T09:00:00', '2027-03-13T10:00:00', 'Busy'],
  ['2027-03-14T11:00:00', '2027-03-14T12:00:00', 'Busy'],
  ['2027-03-15T09:00:00', '2027-03-15T10:30:00', 'Tentative'],
];

async function valid(xml: string): Promise<void> {
  const verdict = await schemaCheck(xml);
  expect(verdict.valid, verdict.output).toBe(true);
}

const faultCode = (body: XmlElement) => text(child(body, 'detail'), 'ResponseCode');

describe('GetUserAvailability', () => {
  it('answers the owner across a DST change: merged string, local times without offset, details, working hours', async () => {
    const r = await call(seeded(), 'alice@contoso.com', envelope(availability()));
    expect(r.status).toBe(200);
    expect(r.bodyName).toBe('GetUserAvailabilityResponse');
    await valid(r.xml);
    const [fb] = responses(r.body);
    expect([attr(child(fb, 'ResponseMessage'), 'ResponseClass'), text(child(fb, 'ResponseMessage'), 'ResponseCode')]).toEqual(['Success', 'NoError']);
    expect(text(view(fb), 'FreeBusyViewType')).toBe('DetailedMerged');
    expect(text(view(fb), 'MergedFreeBusy')).toBe(expectedMerged());
    expect(times(fb)).toEqual(LOCAL_TIMES);
    const details = events(fb).map((e) => child(e, 'CalendarEventDetails'));
    expect(details.map((d) => [text(d, 'Subject'), text(d, 'IsPrivate')])).toEqual([['Before', 'false'], ['Secret', 'true'], ['After', 'false']]);
    expect(text(details[0], 'Location')).toBe('Room 101');
    expect(text(details[0], 'ID')).toBeTruthy();
    const hours = child(view(fb), 'WorkingHours');
    expect(text(child(hours, 'TimeZone'), 'Bias')).toBe('480');
    expect(text(path(hours, 'TimeZone', 'DaylightTime'), 'Month')).toBe('3');
    const period = path(hours, 'WorkingPeriodArray', 'WorkingPeriod');
    expect([text(period, 'DayOfWeek'), text(period, 'StartTimeInMinutes'), text(period, 'EndTimeInMinutes')]).toEqual(['Monday Tuesday Wednesday Thursday Friday', '480', '1020']);
  });

  it('gives an AvailabilityOnly caller (the Default role) free/busy without details', async () => {
    const r = await call(seeded(), 'bob@contoso.com', envelope(availability()));
    await valid(r.xml);
    const [fb] = responses(r.body);
    expect(text(view(fb), 'FreeBusyViewType')).toBe('FreeBusyMerged');
    expect(text(view(fb), 'MergedFreeBusy')).toBe(expectedMerged());
    expect(times(fb)).toEqual(LOCAL_TIMES);
    expect(events(fb).every((e) => child(e, 'CalendarEventDetails') === undefined)).toBe(true);
    const plain = await call(seeded(), 'bob@contoso.com', envelope(availability({ view: 'Detailed' })));
    expect(text(view(responses(plain.body)[0]), 'FreeBusyViewType')).toBe('FreeBusy');
    expect(text(view(responses(plain.body)[0]), 'MergedFreeBusy')).toBeUndefined();
  });

  it('shows a Reviewer the details but not what a private item is; LimitedDetails gets subject and location only', async () => {
    const ex = seeded();
    const alice = ex.directory.findMailbox('alice')!;
    ex.directory.addFolderPermission(alice, ex.directory.findMailbox('svc')!.guid, 'Reviewer');
    ex.directory.addFolderPermission(alice, ex.directory.findMailbox('carol')!.guid, 'LimitedDetails');
    const reviewer = await call(ex, 'svc@contoso.com', envelope(availability()));
    await valid(reviewer.xml);
    const shown = events(responses(reviewer.body)[0]).map((e) => child(e, 'CalendarEventDetails'));
    expect(shown.map((d) => text(d, 'Subject'))).toEqual(['Before', undefined, 'After']);
    expect(shown.map((d) => text(d, 'ID') !== undefined)).toEqual([true, false, true]);
    expect(text(shown[1], 'IsPrivate')).toBe('true');
    const limited = await call(ex, 'carol@contoso.com', envelope(availability({ view: 'Detailed' })));
    const fb = responses(limited.body)[0];
    expect(text(view(fb), 'FreeBusyViewType')).toBe('Detailed');
    const d = child(events(fb)[0], 'CalendarEventDetails');
    expect([text(d, 'Subject'), text(d, 'Location'), text(d, 'ID')]).toEqual(['Before', 'Room 101', undefined]);
  });

  it('reads the window in TimeZoneContext when the body has no t:TimeZone (as ews-javascript-api sends it)', async () => {
    const r = await call(seeded(), 'alice@contoso.com', envelope(availability({ zone: '' }), { timeZone: 'Pacific Standard Time' }));
    await valid(r.xml);
    const [fb] = responses(r.body);
    expect(text(view(fb), 'MergedFreeBusy')).toBe(expectedMerged());
    expect(times(fb)).toEqual(LOCAL_TIMES);
  });

  it('takes window times with an offset as given and answers in the request zone (exchangelib: UTC, times with Z)', async () => {
    const utc = '<t:TimeZone><t:Bias>0</t:Bias><t:StandardTime><t:Bias>0</t:Bias><t:Time>00:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>1</t:Month><t:DayOfWeek>Monday</t:DayOfWeek></t:StandardTime><t:DaylightTime><t:Bias>0</t:Bias><t:Time>00:00:00</t:Time><t:DayOrder>5</t:DayOrder><t:Month>12</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime></t:TimeZone>';
    const r = await call(seeded(), 'alice@contoso.com', envelope(availability({ zone: utc, start: '2027-03-13T00:00:00-08:00', end: '2027-03-16T07:00:00Z' })));
    const [fb] = responses(r.body);
    expect(text(view(fb), 'MergedFreeBusy')).toBe(expectedMerged());
    expect(times(fb)[0]).toEqual(['2027-03-13T17:00:00', '2027-03-13T18:00:00', 'Busy']);
  });

  it('answers each mailbox in order: an unknown address is ErrorMailRecipientNotFound with view None; no free/busy right is ErrorNoFreeBusyAccess', async () => {
    const ex = seeded();
    ex.directory.setFolderPermission(ex.directory.findMailbox('carol')!, 'Default', 'None');
    const r = await call(ex, 'bob@contoso.com', envelope(availability({ mailboxes: ['nobody@contoso.com', 'alice@contoso.com', 'carol@contoso.com', 'room.101@contoso.com'] })));
    await valid(r.xml);
    const all = responses(r.body);
    expect(all.map((fb) => [attr(child(fb, 'ResponseMessage'), 'ResponseClass'), text(child(fb, 'ResponseMessage'), 'ResponseCode'), text(view(fb), 'FreeBusyViewType')])).toEqual([
      ['Error', 'ErrorMailRecipientNotFound', 'None'],
      ['Success', 'NoError', 'FreeBusyMerged'],
      ['Error', 'ErrorNoFreeBusyAccess', 'None'],
      ['Success', 'NoError', 'FreeBusyMerged'],
    ]);
    expect(text(child(all[0], 'ResponseMessage'), 'MessageText')).toBe('Unable to resolve e-mail address <>SMTP:nobody@contoso.com to an Active Directory object.');
    expect(text(path(all[0], 'ResponseMessage', 'MessageXml'), 'ExceptionCode')).toBe('5009');
    expect(text(view(all[3]), 'MergedFreeBusy')).toBe('0'.repeat(71));
    expect(text(path(view(all[3]), 'WorkingHours', 'TimeZone'), 'Bias')).toBe('480');
  });

  it('refuses a window over 42 days, an empty or too long mailbox list, a bad interval or view, as SOAP faults', async () => {
    const ex = seeded();
    const cases: [Request, string][] = [
      [{ start: '2027-01-01T00:00:00', end: '2027-02-13T00:00:00' }, 'ErrorTimeIntervalTooBig'],
      [{ start: '2027-03-16T00:00:00', end: '2027-03-13T00:00:00' }, 'ErrorInvalidTimeInterval'],
      [{ mailboxes: [] }, 'ErrorMailboxDataArrayEmpty'],
      [{ mailboxes: Array.from({ length: 101 }, () => 'alice@contoso.com') }, 'ErrorMailboxDataArrayTooBig'],
      [{ interval: 4 }, 'ErrorInvalidMergedFreeBusyInterval'],
      [{ view: 'None' }, 'ErrorInvalidFreeBusyViewType'],
    ];
    for (const [req, code] of cases) {
      const r = await call(ex, 'alice@contoso.com', envelope(availability(req)));
      expect([r.status, r.bodyName, faultCode(r.body)], code).toEqual([500, 'Fault', code]);
    }
    const ok = await call(ex, 'alice@contoso.com', envelope(availability({ start: '2027-01-01T00:00:00', end: '2027-02-12T00:00:00' })));
    expect(ok.status).toBe(200);
  });

  it.each([
    ['exchangelib', 'free-busy-delegate.xml', 'bob@contoso.com', 'FreeBusyMerged'],
    ['exchangelib', 'free-busy-impersonation.xml', 'svc@contoso.com', 'FreeBusyMerged'],
    ['ews-javascript-api', 'free-busy-delegate.xml', 'bob@contoso.com', 'FreeBusyMerged'],
    ['ews-javascript-api', 'free-busy-impersonation.xml', 'svc@contoso.com', 'DetailedMerged'],
  ] as const)('accepts the request %s sent (%s)', async (client, file, caller, aliceView) => {
    const ex = testExchange();
    ex.calendar.createItem('alice@contoso.com', { subject: 'Standup', start: '2024-01-15T17:00:00Z', end: '2024-01-15T17:30:00Z', timeZoneId: 'Pacific Standard Time' }, 'SendToNone');
    ex.directory.addRoleAssignment({ name: 'imp', role: 'ApplicationImpersonation', user: ex.directory.findMailbox('svc')!.guid });
    const r = await call(ex, caller, peerRequest(client, file));
    expect(r.status).toBe(200);
    await valid(r.xml);
    const [alice, carol] = responses(r.body);
    // Impersonating alice (ews-javascript-api) makes her the owner of her own calendar.
    expect([text(view(alice), 'FreeBusyViewType'), text(view(carol), 'FreeBusyViewType')]).toEqual([aliceView, 'FreeBusyMerged']);
    expect(text(view(alice), 'MergedFreeBusy')).toBe(`${'0'.repeat(34)}2${'0'.repeat(13)}`);
    expect(times(alice)).toEqual([['2024-01-15T17:00:00', '2024-01-15T17:30:00', 'Busy']]);
    expect(text(path(view(carol), 'WorkingHours', 'TimeZone'), 'Bias')).toBe('-60');
  });
});
