import { describe, expect, it } from 'vitest';
import { EwsError } from '../../../../src/ews/errors.js';
import { CreateCalendarItems, CreateMessage, parseItemIdResults, type CreateCalendarItemsArgs, type CreateMessageArgs } from '../../../../src/ews/operations/create-item.js';
import { buildEnvelope, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import type { ItemResult, Operation } from '../../../../src/ews/operations/operation.js';
import type { CalendarItemInput, ItemId } from '../../../../src/ews/schema/types.js';
import { attr, child, children, parseXml, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { fixture, fixtureFiles, validateEnvelope } from '../../../support/shared.js';

const HEADERS = { version: 'Exchange2013', impersonate: 'alice@contoso.com', timeZone: 'Pacific Standard Time' } as const;
const HOSTILE = '</t:Subject><t:Foo>&amp;';

function envelope<A>(op: Operation<A, unknown>, args: A): string {
  return buildEnvelope(HEADERS, op.build(args, 'Exchange2013'));
}

async function expectValid(xml: string): Promise<void> {
  const verdict = await validateEnvelope(xml);
  expect(verdict.valid, `${verdict.output}\n${xml}`).toBe(true);
}

/** The soap:Body child of a built request, read back with the project's own parser. */
function bodyOf(xml: string, name: string): XmlElement {
  const el = path(parseXml(xml).element, 'Body', name);
  if (!el) throw new Error(`no ${name} in the built envelope`);
  return el;
}

const meeting: CalendarItemInput = {
  subject: 'Quarterly planning',
  body: { type: 'HTML', value: '<p>Agenda: <b>budget</b> &amp; roadmap</p>' },
  categories: ['Planning'],
  reminderIsSet: true,
  reminderMinutesBeforeStart: 15,
  start: '2025-07-01T16:00:00Z',
  end: '2025-07-01T17:00:00Z',
  legacyFreeBusyStatus: 'Busy',
  location: 'Room 12',
  requiredAttendees: [{ name: 'Bob', email: 'bob@contoso.com', routingType: 'SMTP' }, { email: 'carol@contoso.com' }],
  optionalAttendees: [{ email: 'dave@contoso.com' }],
  resources: [{ name: 'Room 12', email: 'room12@contoso.com' }],
  timeZoneId: 'Pacific Standard Time',
};

describe('CreateCalendarItems: requests', () => {
  it('a meeting with required and optional attendees and a room is schema-valid', async () => {
    const xml = envelope(CreateCalendarItems, { items: [meeting], sendMeetingInvitations: 'SendToAllAndSaveCopy' });
    await expectValid(xml);
    const create = bodyOf(xml, 'CreateItem');
    expect(attr(create, 'SendMeetingInvitations')).toBe('SendToAllAndSaveCopy');
    const item = path(create, 'Items', 'CalendarItem');
    expect(children(child(item, 'RequiredAttendees'), 'Attendee').map((a) => text(child(a, 'Mailbox'), 'EmailAddress'))).toEqual(['bob@contoso.com', 'carol@contoso.com']);
    expect(text(path(item, 'OptionalAttendees', 'Attendee', 'Mailbox'), 'EmailAddress')).toBe('dave@contoso.com');
    expect(text(path(item, 'Resources', 'Attendee', 'Mailbox'), 'EmailAddress')).toBe('room12@contoso.com');
    expect(attr(child(item, 'StartTimeZone'), 'Id')).toBe('Pacific Standard Time');
    expect(attr(child(item, 'EndTimeZone'), 'Id')).toBe('Pacific Standard Time');
    // The HTML body travels as escaped text and comes back unchanged.
    expect(text(item, 'Body')).toBe(meeting.body?.value);
  });

  it('an all-day event is schema-valid', async () => {
    const xml = envelope(CreateCalendarItems, {
      items: [{ subject: 'Vacation', start: '2025-07-07T00:00:00', end: '2025-07-12T00:00:00', isAllDayEvent: true, legacyFreeBusyStatus: 'OOF', timeZoneId: 'Pacific Standard Time' }],
      savedItemFolder: { distinguished: 'calendar' },
      sendMeetingInvitations: 'SendToNone',
    });
    await expectValid(xml);
    const item = path(bodyOf(xml, 'CreateItem'), 'Items', 'CalendarItem');
    expect(text(item, 'IsAllDayEvent')).toBe('true');
    expect(text(item, 'LegacyFreeBusyStatus')).toBe('OOF');
  });

  it('a recurring weekly series is schema-valid', async () => {
    const xml = envelope(CreateCalendarItems, {
      items: [
        {
          subject: 'Stand-up',
          start: '2025-07-07T09:00:00',
          end: '2025-07-07T09:15:00',
          recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Wednesday', 'Friday'], firstDayOfWeek: 'Monday' }, range: { type: 'EndDate', startDate: '2025-07-07', endDate: '2025-09-26' } },
          timeZoneId: 'W. Europe Standard Time',
        },
      ],
      sendMeetingInvitations: 'SendToNone',
    });
    await expectValid(xml);
    const weekly = path(bodyOf(xml, 'CreateItem'), 'Items', 'CalendarItem', 'Recurrence', 'WeeklyRecurrence');
    expect(text(weekly, 'DaysOfWeek')).toBe('Monday Wednesday Friday');
  });

  it('batches several items in one call, in order, into another mailbox\'s calendar', async () => {
    const args: CreateCalendarItemsArgs = {
      items: ['one', 'two', 'three'].map((s, i) => ({ subject: s, start: `2025-07-0${i + 1}T10:00:00Z`, end: `2025-07-0${i + 1}T11:00:00Z` })),
      savedItemFolder: { distinguished: 'calendar', mailbox: 'room12@contoso.com' },
      sendMeetingInvitations: 'SendOnlyToAll',
    };
    const xml = envelope(CreateCalendarItems, args);
    await expectValid(xml);
    const create = bodyOf(xml, 'CreateItem');
    expect(children(child(create, 'Items'), 'CalendarItem').map((i) => text(i, 'Subject'))).toEqual(['one', 'two', 'three']);
    const folder = path(create, 'SavedItemFolderId', 'DistinguishedFolderId');
    expect(attr(folder, 'Id')).toBe('calendar');
    expect(text(child(folder, 'Mailbox'), 'EmailAddress')).toBe('room12@contoso.com');
  });

  it('markup in a subject stays text: valid, and it reads back identical', async () => {
    const xml = envelope(CreateCalendarItems, { items: [{ ...meeting, subject: HOSTILE, location: HOSTILE }], sendMeetingInvitations: 'SendToNone' });
    await expectValid(xml);
    const item = path(bodyOf(xml, 'CreateItem'), 'Items', 'CalendarItem');
    expect(text(item, 'Subject')).toBe(HOSTILE);
    expect(text(item, 'Location')).toBe(HOSTILE);
    expect(child(item, 'Foo')).toBeUndefined();
  });
});

describe('CreateMessage: requests', () => {
  const message: CreateMessageArgs['messages'][number] = {
    subject: `Room booked ${HOSTILE}`,
    body: { type: 'HTML', value: '<html><body><p>Room 12 is yours.</p></body></html>' },
    to: [{ name: 'Bob', email: 'bob@contoso.com' }, { email: 'carol@contoso.com' }],
    cc: [{ email: 'dave@contoso.com' }],
    from: { email: 'concierge@contoso.com' },
  };

  it('a message with To, Cc, an HTML body and send-as, saved to Sent Items, is schema-valid', async () => {
    const xml = envelope(CreateMessage, { messages: [message], messageDisposition: 'SendAndSaveCopy', savedItemFolder: { distinguished: 'sentitems' } });
    await expectValid(xml);
    const create = bodyOf(xml, 'CreateItem');
    expect(attr(create, 'MessageDisposition')).toBe('SendAndSaveCopy');
    expect(attr(path(create, 'SavedItemFolderId', 'DistinguishedFolderId'), 'Id')).toBe('sentitems');
    const m = path(create, 'Items', 'Message');
    expect(text(m, 'Subject')).toBe(message.subject);
    expect(attr(child(m, 'Body'), 'BodyType')).toBe('HTML');
    expect(text(m, 'Body')).toBe(message.body.value);
    expect(children(child(m, 'ToRecipients'), 'Mailbox').map((x) => text(x, 'EmailAddress'))).toEqual(['bob@contoso.com', 'carol@contoso.com']);
    expect(text(path(m, 'CcRecipients', 'Mailbox'), 'EmailAddress')).toBe('dave@contoso.com');
    expect(child(m, 'BccRecipients')).toBeUndefined();
    expect(text(path(m, 'From', 'Mailbox'), 'EmailAddress')).toBe('concierge@contoso.com');
  });

  it('a plain-text draft (SaveOnly, no Cc, no From) is schema-valid', async () => {
    const xml = envelope(CreateMessage, { messages: [{ subject: 'Draft', body: { type: 'Text', value: 'Hello' }, to: [{ email: 'bob@contoso.com' }], bcc: [{ email: 'audit@contoso.com' }] }], messageDisposition: 'SaveOnly' });
    await expectValid(xml);
    expect(attr(bodyOf(xml, 'CreateItem'), 'MessageDisposition')).toBe('SaveOnly');
  });
});

/** Parses a recorded response through the operation, as the engine would. */
function parseFixture<R>(op: Operation<never, R>, file: string): R {
  const env = parseEnvelope(fixture('CreateItem', file));
  expect(env.bodyName).toBe('CreateItemResponse');
  return op.parse(env.body, { operation: op.name, errors: {} });
}

type Expected = readonly ({ id: string; changeKey: string } | { code: string; message?: string } | 'no-id')[];

/** Every recorded CreateItem response, with what it says, copied from the files. */
const EXPECTED: Record<string, Expected> = {
  'msdocs-appointment-create.response.xml': [{ id: 'AAMkA', changeKey: 'DwAAA' }],
  'msdocs-batch-create-calendaritems.response.xml': [{ id: 'AAMkA', changeKey: 'DwAAA' }, { id: 'AAMkA', changeKey: 'DwAAA' }, { id: 'AAMkA', changeKey: 'DwAAA' }],
  // CancelCalendarItem: a meeting response object, answered with the calendar item's id.
  'msdocs-cancel-meeting-cancelcalendaritem.response.xml': [{ id: 'AAMkA', changeKey: 'DwAAA' }],
  'msdocs-createitem-acceptitem-error-itemnotfound.response.xml': [{ code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' }],
  // AcceptItem: success with an empty m:Items (Exchange returns no id for response objects).
  'msdocs-createitem-acceptitem.response.xml': ['no-id'],
  'msdocs-createitem-calendaritem-ref.response.xml': [{ id: 'AAAlAFV', changeKey: 'DwAAABYA' }],
  'msdocs-meeting-create-sendtoallandsavecopy.response.xml': [{ id: 'AAMkA', changeKey: 'DwAAA' }],
  // TentativelyAcceptItem with a proposed time: CalendarItem first, then the MeetingRequest; the first wins.
  'msdocs-propose-new-time-tentativelyaccept.response.xml': [{ id: 'AAMkAGRmOWE2OWAAA=', changeKey: 'DwAAJsmU' }],
  'msdocs-recurring-series-create.response.xml': [{ id: 'AAMkAD', changeKey: 'DwAAAB' }],
  'phpews-ex2019-create-calendaritem-international.response.xml': [
    { id: 'BBNlBEl6Oja3gkN1MkZnMWYtNGYxZS05YkRkLTU0ZmI5ZTIyOGM2OQBGAAAAAADoTzuWq76VRIeNlYRsLpeUBwDwSoBO6tE6QZYs8Ixm76GUAAAzNmMjAADwSoBO6tE6QZYs8Ixm76GUAAAzNocqAAA=', changeKey: 'DwAAABYAAADwSoBO6tE6QZYs8Ixm76GUAAAzNjh9' },
  ],
  'phpews-ex2019-create-calendaritem-timezone-test.response.xml': [
    { id: 'BBNlBEl6Oja3gkN1MkZnMWYtNGYxZS05YkRkLTU0ZmI5ZTIyOGM2OQBGAAAAAADoTzuWq76VRIeNlYRsLpeUBwDwSoBO6tE6QZYs8Ixm76GUAAAzNmMjAADwSoBO6tE6QZYs8Ixm76GUAAAzNocpAAA=', changeKey: 'DwAAABYAAADwSoBO6tE6QZYs8Ixm76GUAAAzNjht' },
  ],
  'phpews-ex2019-create-recurring-calendaritem.response.xml': [
    { id: 'BBNlBEl6Oja3gkN1MkZnMWYtNGYxZS05YkRkLTU0ZmI5ZTIyOGM2OQBGAAAAAADoTzuWq76VRIeNlYRsLpeUBwDwSoBO6tE6QZYs8Ixm76GUAAAzNmMjAADwSoBO6tE6QZYs8Ixm76GUAAAzNocrAAA=', changeKey: 'DwAAABYAAADwSoBO6tE6QZYs8Ixm76GUAAAzNjiB' },
  ],
  'phpews-exo2020-create-calendaritem.response.xml': [
    { id: 'AAMkADllMTlhYmUxLTg5MTctNDI4ZS1iNDdlLTM2NTk2Y2E5ODA0MwBGAAAAAADW58Si2h5DR47ERsh76m/ZBwC30utV9Qm1Tp6i563HuBDKAAER9URjAAC30utV9Qm1Tp6i563HuBDKAAER9crYAAA=', changeKey: 'DwAAABYAAAC30utV9Qm1Tp6i563HuBDKAAER7BnQ' },
  ],
  'phpews-exo2020-create-two-calendaritems.response.xml': [
    { id: 'AAMkADllMTlhYmUxLTg5MTctNDI4ZS1iNDdlLTM2NTk2Y2E5ODA0MwBGAAAAAADW58Si2h5DR47ERsh76m/ZBwC30utV9Qm1Tp6i563HuBDKAAER9URjAAC30utV9Qm1Tp6i563HuBDKAAER9crWAAA=', changeKey: 'DwAAABYAAAC30utV9Qm1Tp6i563HuBDKAAER7BnD' },
    { id: 'AAMkADllMTlhYmUxLTg5MTctNDI4ZS1iNDdlLTM2NTk2Y2E5ODA0MwBGAAAAAADW58Si2h5DR47ERsh76m/ZBwC30utV9Qm1Tp6i563HuBDKAAER9URjAAC30utV9Qm1Tp6i563HuBDKAAER9crXAAA=', changeKey: 'DwAAABYAAAC30utV9Qm1Tp6i563HuBDKAAER7BnE' },
  ],
};

function expectResults(results: readonly ItemResult<ItemId>[], expected: Expected, file: string): void {
  expect(results, file).toHaveLength(expected.length);
  expected.forEach((want, i) => {
    const got = results[i];
    if (want === 'no-id') {
      // An answer without an id cannot be used as a created calendar item; it must not read as one.
      expect(got?.ok, file).toBe(false);
      if (got && !got.ok) expect(got.error.data.responseCode, file).toBe('NoError');
    } else if ('id' in want) {
      expect(got, file).toEqual({ ok: true, value: { id: want.id, changeKey: want.changeKey } });
    } else {
      expect(got?.ok, file).toBe(false);
      if (got && !got.ok) {
        expect(got.error, file).toBeInstanceOf(EwsError);
        expect(got.error.code, file).toBe(want.code);
        expect(got.error.data.responseCode, file).toBe(want.code);
        expect(got.error.data.serverMessage, file).toBe(want.message);
        expect(got.error.data.operation, file).toBe('CreateItem');
      }
    }
  });
}

describe('CreateCalendarItems: real recorded responses', () => {
  it('every recorded CreateItem response has an expectation here', () => {
    expect(fixtureFiles('CreateItem').sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`reads ${file}`, () => {
      expectResults(parseFixture(CreateCalendarItems, file), expected, file);
    });
  }

  it('a success without an id is a non-transient error that says the item may exist', () => {
    const [r] = parseFixture(CreateCalendarItems, 'msdocs-createitem-acceptitem.response.xml');
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.error.transient).toBe(false);
      expect(r.error.data.serverMessage).toMatch(/may exist/);
    }
  });
});

describe('CreateMessage and meeting responses: lenient ids', () => {
  it('AcceptItem success with empty Items reads as ok without an id', () => {
    expect(parseFixture(CreateMessage, 'msdocs-createitem-acceptitem.response.xml')).toEqual([{ ok: true, value: undefined }]);
  });

  it('reads ids of any item type and errors in order', () => {
    const env = parseEnvelope(fixture('CreateItem', 'msdocs-propose-new-time-tentativelyaccept.response.xml'));
    expect(parseItemIdResults(env.body, { operation: 'CreateItem', errors: {} })).toEqual([{ ok: true, value: { id: 'AAMkAGRmOWE2OWAAA=', changeKey: 'DwAAJsmU' } }]);
    const [err] = parseFixture(CreateMessage, 'msdocs-createitem-acceptitem-error-itemnotfound.response.xml');
    expect(err?.ok).toBe(false);
    if (err && !err.ok) expect(err.error.code).toBe('ErrorItemNotFound');
  });
});
