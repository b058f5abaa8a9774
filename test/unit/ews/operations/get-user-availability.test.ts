import { describe, expect, it } from 'vitest';
import { EwsEngine } from '../../../../src/ews/operations/engine.js';
import { buildEnvelope, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import {
  GetUserAvailability,
  MAX_AVAILABILITY_MAILBOXES,
  type Availability,
  type AvailabilityView,
  type GetUserAvailabilityArgs,
} from '../../../../src/ews/operations/get-user-availability.js';
import type { ItemResult, ParseContext } from '../../../../src/ews/operations/operation.js';
import { EwsError } from '../../../../src/ews/errors.js';
import { legacyTimeZone, readLegacyTimeZone, UnknownTimeZoneError, type LegacyTimeZone } from '../../../../src/ews/schema/timezones.js';
import { NO_RETRY } from '../../../../src/ews/transport/retry.js';
import type { HttpRequest, Transport } from '../../../../src/ews/transport/types.js';
import { child, children, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { AppError } from '../../../../src/shared/errors.js';
import { fixture, fixtureFiles, validateEnvelope } from '../../../support/shared.js';

const OP = 'GetUserAvailability';
const ctx: ParseContext = { operation: OP, errors: { account: 'svc-concierge@contoso.com' } };

function envelope(args: GetUserAvailabilityArgs): string {
  return buildEnvelope({ version: 'Exchange2013', impersonate: 'alice@contoso.com' }, GetUserAvailability.build(args, 'Exchange2013'));
}

async function expectValid(xml: string): Promise<void> {
  const v = await validateEnvelope(xml);
  expect(v.valid, v.output).toBe(true);
  expect(v.output).toMatch(/^VALID\s+\S+ :: Body\/m:GetUserAvailabilityRequest$/m);
}

/** What a GetUserAvailabilityRequest asks, read the same way from ours and from Microsoft's examples. */
function requestSummary(body: XmlElement) {
  const options = child(body, 'FreeBusyViewOptions');
  return {
    timeZone: readLegacyTimeZone(child(body, 'TimeZone')),
    mailboxes: children(child(body, 'MailboxDataArray'), 'MailboxData').map((m) => ({
      address: text(child(m, 'Email'), 'Address'),
      attendeeType: text(m, 'AttendeeType'),
      excludeConflicts: text(m, 'ExcludeConflicts'),
    })),
    start: text(child(options, 'TimeWindow'), 'StartTime'),
    end: text(child(options, 'TimeWindow'), 'EndTime'),
    interval: text(options, 'MergedFreeBusyIntervalInMinutes'),
    view: text(options, 'RequestedView'),
  };
}

const base: GetUserAvailabilityArgs = {
  mailboxes: [{ email: 'mack@contoso.com' }],
  start: '2025-03-10T08:00:00Z',
  end: '2025-03-11T08:00:00Z',
  timeZone: 'America/Los_Angeles',
  view: 'FreeBusy',
};

function refused(args: GetUserAvailabilityArgs): unknown {
  try {
    GetUserAvailability.build(args, 'Exchange2013');
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('GetUserAvailability request', () => {
  it('reproduces Microsoft\'s reference request: legacy zone, mailboxes, wall-clock window, view', async () => {
    const args: GetUserAvailabilityArgs = {
      mailboxes: [
        { email: 'user1@example.com', attendeeType: 'Required', excludeConflicts: false },
        { email: 'user2@example.com', attendeeType: 'Required', excludeConflicts: false },
      ],
      // Wall-clock times without offset are taken in the request zone, as Exchange reads them.
      start: '2006-10-16T00:00:00',
      end: '2006-10-16T23:59:59',
      timeZone: 'America/Los_Angeles',
      mergedIntervalMinutes: 60,
      view: 'DetailedMerged',
    };
    const xml = envelope(args);
    await expectValid(xml);
    const recorded = requestSummary(parseEnvelope(fixture(OP, 'msdocs-getuseravailability-ref.request.xml')).body);
    expect(requestSummary(parseEnvelope(xml).body)).toEqual(recorded);
  });

  it('reproduces the free/busy part of Microsoft\'s how-to request from UTC instants', async () => {
    const args: GetUserAvailabilityArgs = {
      mailboxes: [
        { email: 'mack@contoso.com', attendeeType: 'Organizer', excludeConflicts: false },
        { email: 'sadie@contoso.com', attendeeType: 'Required', excludeConflicts: false },
      ],
      // Midnight Pacific (PST, UTC-8) on 13 and 14 February 2014.
      start: '2014-02-13T08:00:00Z',
      end: '2014-02-14T08:00:00Z',
      timeZone: 'America/Los_Angeles',
      view: 'FreeBusy',
    };
    const xml = envelope(args);
    await expectValid(xml);
    const ours = requestSummary(parseEnvelope(xml).body);
    // That example names its zone in TimeZoneContext instead of t:TimeZone.
    const { timeZone: _none, ...recorded } = requestSummary(parseEnvelope(fixture(OP, 'msdocs-freebusy-and-suggestions.request.xml')).body);
    expect(_none).toBeUndefined();
    expect({ ...ours, timeZone: undefined }).toEqual({ ...recorded, timeZone: undefined });
    expect(ours.timeZone).toEqual(legacyTimeZone('America/Los_Angeles', 2014));
  });

  it('writes t:TimeZone, then MailboxDataArray, then FreeBusyViewOptions (schema sequence)', () => {
    const xml = GetUserAvailability.build(base, 'Exchange2013').xml;
    const order = ['<t:TimeZone>', '<m:MailboxDataArray>', '<t:FreeBusyViewOptions>', '<t:TimeWindow>', '<t:MergedFreeBusyIntervalInMinutes>30<', '<t:RequestedView>'].map((s) => xml.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml).not.toContain('SuggestionsViewOptions');
  });

  it('converts instants with any offset into wall-clock times of the request zone', () => {
    const summary = (a: Partial<GetUserAvailabilityArgs>) => requestSummary(parseEnvelope(envelope({ ...base, ...a })).body);
    // Sydney in March is on daylight time (UTC+11).
    expect(summary({ timeZone: 'Australia/Sydney', start: '2025-03-09T13:00:00Z', end: '2025-03-10T02:30:00+02:00' })).toMatchObject({
      start: '2025-03-10T00:00:00',
      end: '2025-03-10T11:30:00',
      timeZone: legacyTimeZone('Australia/Sydney', 2025),
    });
    expect(summary({ timeZone: 'Asia/Kolkata', start: '2025-01-01T00:00:00Z', end: '2025-01-02T00:00:00Z' })).toMatchObject({ start: '2025-01-01T05:30:00', end: '2025-01-02T05:30:00' });
    expect(summary({ timeZone: 'UTC', start: '2025-01-01T00:00:00+01:00', end: '2025-01-01T12:00:00Z' })).toMatchObject({ start: '2024-12-31T23:00:00', end: '2025-01-01T12:00:00' });
  });

  it.each(['FreeBusy', 'MergedOnly', 'FreeBusyMerged', 'Detailed', 'DetailedMerged'] as AvailabilityView[])('view %s validates', async (view) => {
    const xml = envelope({ ...base, view, timeZone: 'Europe/Berlin', mailboxes: [{ email: 'room-4.12@contoso.com', attendeeType: 'Room' }, { email: 'beamer@contoso.com', attendeeType: 'Resource', excludeConflicts: true }, { email: 'o@contoso.com', attendeeType: 'Optional' }] });
    await expectValid(xml);
    expect(requestSummary(parseEnvelope(xml).body)).toMatchObject({ view, mailboxes: [{ attendeeType: 'Room' }, { attendeeType: 'Resource', excludeConflicts: 'true' }, { attendeeType: 'Optional', excludeConflicts: undefined }] });
  });

  it('accepts exactly 100 mailboxes, and the envelope validates', async () => {
    const mailboxes = Array.from({ length: MAX_AVAILABILITY_MAILBOXES }, (_, i) => ({ email: `user${i}@contoso.com` }));
    const xml = envelope({ ...base, mailboxes, timeZone: 'UTC' });
    expect(requestSummary(parseEnvelope(xml).body).mailboxes).toHaveLength(100);
    await expectValid(xml);
  });

  it('refuses more than 100 mailboxes with a clear error', () => {
    const mailboxes = Array.from({ length: 101 }, (_, i) => ({ email: `user${i}@contoso.com` }));
    const err = refused({ ...base, mailboxes });
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/101 mailboxes.*at most 100/) });
    expect((err as AppError).hint).toMatch(/batches of 100/);
  });

  it('refuses other bad arguments before anything is sent', () => {
    expect(refused({ ...base, mailboxes: [] })).toMatchObject({ code: 'InvalidArgument' });
    expect(refused({ ...base, mailboxes: [{ email: ' ' }] })).toMatchObject({ code: 'InvalidArgument' });
    expect(refused({ ...base, end: base.start })).toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/ends before it starts/) });
    expect(refused({ ...base, start: 'next tuesday' })).toMatchObject({ code: 'InvalidArgument' });
    expect(refused({ ...base, mergedIntervalMinutes: 2 })).toMatchObject({ code: 'InvalidArgument' });
    expect(refused({ ...base, mergedIntervalMinutes: 1441 })).toMatchObject({ code: 'InvalidArgument' });
    expect(refused({ ...base, view: 'Everything' as AvailabilityView })).toMatchObject({ code: 'InvalidArgument' });
    expect(refused({ ...base, timeZone: 'Pacific Standard Time' })).toBeInstanceOf(UnknownTimeZoneError);
  });
});

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const PACIFIC_2006: LegacyTimeZone = {
  bias: 480,
  standardTime: { bias: 0, time: '02:00:00', dayOrder: 5, month: 10, dayOfWeek: 'Sunday' },
  daylightTime: { bias: -60, time: '02:00:00', dayOrder: 1, month: 4, dayOfWeek: 'Sunday' },
};
const PACIFIC_2014: LegacyTimeZone = {
  bias: 480,
  standardTime: { bias: 0, time: '02:00:00', dayOrder: 1, month: 11, dayOfWeek: 'Sunday' },
  daylightTime: { bias: -60, time: '02:00:00', dayOrder: 2, month: 3, dayOfWeek: 'Sunday' },
};
const detailsNone = { isMeeting: false, isRecurring: false, isException: false, isReminderSet: false, isPrivate: false };

function twoMailboxes(emails: [string, string], timeZone = 'America/Los_Angeles'): GetUserAvailabilityArgs {
  return { mailboxes: emails.map((email) => ({ email })), start: '2014-02-13T08:00:00Z', end: '2014-02-14T08:00:00Z', timeZone, view: 'FreeBusy' };
}

function parseFixture(file: string, args: GetUserAvailabilityArgs): ItemResult<Availability>[] {
  return GetUserAvailability.parse(parseEnvelope(fixture(OP, file)).body, ctx, args);
}

function ok(r: ItemResult<Availability> | undefined): Availability {
  if (!r?.ok) throw new Error(`expected a successful result, got ${r ? r.error.code : 'nothing'}`);
  return r.value;
}

describe('GetUserAvailability recorded responses', () => {
  const files = ['msdocs-freebusy-and-suggestions.response.xml', 'msdocs-getuseravailability-ref.response.xml'];

  it('every recorded response is covered here', () => {
    expect(fixtureFiles(OP)).toEqual(files);
  });

  it('msdocs-getuseravailability-ref (Exchange 2007, DetailedMerged, times with offset)', () => {
    const results = parseFixture('msdocs-getuseravailability-ref.response.xml', twoMailboxes(['user1@example.com', 'user2@example.com']));
    expect(results).toHaveLength(2);
    expect(ok(results[0])).toEqual({
      view: 'DetailedMerged',
      mergedFreeBusy: '000002220220000000000000',
      events: [
        { start: '2006-10-16T13:00:00Z', end: '2006-10-16T13:30:00Z', busyType: 'Busy', details: { id: '14B6414B0', subject: 'Meet with Contoso Account Executives', location: '', ...detailsNone } },
        { start: '2006-10-16T14:00:00Z', end: '2006-10-16T15:00:00Z', busyType: 'Busy', details: { id: 'E14B6414B0B', subject: 'Pick up my groceries', location: '', ...detailsNone } },
        { start: '2006-10-16T16:40:00Z', end: '2006-10-16T17:10:00Z', busyType: 'Busy', details: { id: '14B6414B0B1', subject: 'Meet with doctor', location: 'Kirkland', ...detailsNone } },
      ],
      workingHours: { timeZone: PACIFIC_2006, periods: [{ days: WEEKDAYS, startMinutes: 480, endMinutes: 1020 }] },
    });
    // The second mailbox only grants free/busy: a coarser view than asked, and no details.
    expect(ok(results[1])).toEqual({
      view: 'FreeBusyMerged',
      mergedFreeBusy: '000000001100000000000000',
      events: [{ start: '2006-10-16T16:00:00Z', end: '2006-10-16T17:00:00Z', busyType: 'Tentative' }],
      workingHours: { timeZone: PACIFIC_2006, periods: [{ days: WEEKDAYS, startMinutes: 480, endMinutes: 1020 }] },
    });
  });

  it('msdocs-freebusy-and-suggestions (Exchange 2013, FreeBusy, local times without offset)', () => {
    const results = parseFixture('msdocs-freebusy-and-suggestions.response.xml', twoMailboxes(['mack@contoso.com', 'sadie@contoso.com']));
    expect(results).toHaveLength(2);
    // February 2014 in Pacific time is PST, UTC-8.
    expect(ok(results[0])).toEqual({
      view: 'FreeBusy',
      events: [
        { start: '2014-02-13T16:00:00Z', end: '2014-02-13T18:00:00Z', busyType: 'Free' },
        { start: '2014-02-13T19:00:00Z', end: '2014-02-13T20:00:00Z', busyType: 'Busy' },
      ],
      workingHours: { timeZone: PACIFIC_2014, periods: [{ days: WEEKDAYS, startMinutes: 480, endMinutes: 1020 }] },
    });
    expect(ok(results[1])).toEqual({
      view: 'FreeBusy',
      events: [
        // Starts before the window: Exchange returns events that overlap it, whole.
        { start: '2014-02-12T08:00:00Z', end: '2014-02-13T08:00:00Z', busyType: 'Free' },
        { start: '2014-02-13T16:00:00Z', end: '2014-02-13T18:00:00Z', busyType: 'Free' },
        { start: '2014-02-13T19:00:00Z', end: '2014-02-13T20:00:00Z', busyType: 'Busy' },
        { start: '2014-02-13T23:00:00Z', end: '2014-02-14T00:00:00Z', busyType: 'Tentative' },
      ],
      workingHours: { timeZone: PACIFIC_2014, periods: [{ days: WEEKDAYS, startMinutes: 540, endMinutes: 1020 }] },
    });
  });

  it('offset-less times are read in the zone the request named, not in UTC or the server\'s zone', () => {
    const berlin = parseFixture('msdocs-freebusy-and-suggestions.response.xml', twoMailboxes(['mack@contoso.com', 'sadie@contoso.com'], 'Europe/Berlin'));
    expect(ok(berlin[0]).events[0]).toMatchObject({ start: '2014-02-13T07:00:00Z', end: '2014-02-13T09:00:00Z' });
    // Times that carry an offset (Exchange 2007) keep it whatever the request zone.
    const ref = parseFixture('msdocs-getuseravailability-ref.response.xml', twoMailboxes(['user1@example.com', 'user2@example.com'], 'Asia/Kolkata'));
    expect(ok(ref[0]).events[0]).toMatchObject({ start: '2006-10-16T13:00:00Z' });
  });
});

/** Synthetic responses, built from the recorded shape, for cases no recording shows. */
function response(...freeBusyResponses: string[]): XmlElement {
  return parseEnvelope(
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
      `<GetUserAvailabilityResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><FreeBusyResponseArray>${freeBusyResponses.join('')}</FreeBusyResponseArray></GetUserAvailabilityResponse>` +
      '</s:Body></s:Envelope>',
  ).body;
}
const T = 'xmlns="http://schemas.microsoft.com/exchange/services/2006/types"';
const view = (events: string) =>
  `<FreeBusyResponse><ResponseMessage ResponseClass="Success"><ResponseCode>NoError</ResponseCode></ResponseMessage><FreeBusyView><FreeBusyViewType ${T}>FreeBusy</FreeBusyViewType><CalendarEventArray ${T}>${events}</CalendarEventArray></FreeBusyView></FreeBusyResponse>`;
const event = (start: string, end: string, busy: string) => `<CalendarEvent><StartTime>${start}</StartTime><EndTime>${end}</EndTime><BusyType>${busy}</BusyType></CalendarEvent>`;

describe('GetUserAvailability per-mailbox outcomes', () => {
  it('a failed mailbox is an error result in its place; the others still read', () => {
    const failed =
      '<FreeBusyResponse><ResponseMessage ResponseClass="Error"><MessageText>Synthetic: no such recipient.</MessageText><ResponseCode>ErrorMailRecipientNotFound</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey></ResponseMessage></FreeBusyResponse>';
    const args: GetUserAvailabilityArgs = { ...base, mailboxes: [{ email: 'ghost@contoso.com' }, { email: 'mack@contoso.com' }, { email: 'late@contoso.com' }] };
    const results = GetUserAvailability.parse(response(failed, view(event('2025-03-10T09:00:00', '2025-03-10T10:00:00', 'OOF'))), ctx, args);
    expect(results).toHaveLength(3);
    const [first, second, third] = results;
    expect(first?.ok).toBe(false);
    if (first && !first.ok) {
      expect(first.error).toBeInstanceOf(EwsError);
      expect(first.error).toMatchObject({ code: 'ErrorMailRecipientNotFound', data: { operation: OP, mailbox: 'ghost@contoso.com', serverMessage: 'Synthetic: no such recipient.' } });
    }
    // 10 March 2025 is after the US switch to PDT (UTC-7).
    expect(ok(second)).toEqual({ view: 'FreeBusy', events: [{ start: '2025-03-10T16:00:00Z', end: '2025-03-10T17:00:00Z', busyType: 'OOF' }] });
    // Exchange answered fewer mailboxes than asked: the missing one is an error, not a silent gap.
    expect(third).toMatchObject({ ok: false, error: { code: 'ErrorFreeBusyGenerationFailed', data: { mailbox: 'late@contoso.com' } } });
  });

  it('times across a DST change convert with the offset in force at each time', () => {
    const args: GetUserAvailabilityArgs = { ...base, timeZone: 'Europe/Berlin', start: '2025-03-29T00:00:00', end: '2025-03-31T00:00:00' };
    const r = GetUserAvailability.parse(response(view(event('2025-03-30T01:00:00', '2025-03-30T03:30:00', 'WorkingElsewhere'))), ctx, args);
    expect(ok(r[0]).events).toEqual([{ start: '2025-03-30T00:00:00Z', end: '2025-03-30T01:30:00Z', busyType: 'WorkingElsewhere' }]);
  });

  it('an unreadable time makes that mailbox an error; an unknown BusyType reads as NoData', () => {
    const args: GetUserAvailabilityArgs = { ...base, mailboxes: [{ email: 'a@contoso.com' }, { email: 'b@contoso.com' }] };
    const r = GetUserAvailability.parse(response(view(event('soon', '2025-03-10T10:00:00', 'Busy')), view(event('2025-03-10T09:00:00', '2025-03-10T10:00:00', 'Sleeping'))), ctx, args);
    expect(r[0]).toMatchObject({ ok: false, error: { code: 'XmlMalformed', data: { mailbox: 'a@contoso.com' } } });
    expect(ok(r[1]).events[0]?.busyType).toBe('NoData');
  });

  it('refuses to guess times without the request arguments', () => {
    expect(() => GetUserAvailability.parse(response(view('')), ctx)).toThrowError(/request arguments/);
  });
});

describe('GetUserAvailability through the engine', () => {
  it('sends the envelope and reads the answer with the request\'s zone', async () => {
    const sent: HttpRequest[] = [];
    const transport: Transport = {
      async send(req) {
        sent.push(req);
        return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: fixture(OP, 'msdocs-freebusy-and-suggestions.response.xml') };
      },
      async close() {},
    };
    const engine = new EwsEngine({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport, version: 'Exchange2013', retry: NO_RETRY });
    const { result, serverVersion } = await engine.call(GetUserAvailability, twoMailboxes(['mack@contoso.com', 'sadie@contoso.com']), { impersonate: 'alice@contoso.com' });
    expect(serverVersion).toMatchObject({ majorVersion: 15, majorBuildNumber: 873 });
    expect(ok(result[0]).events[0]).toEqual({ start: '2014-02-13T16:00:00Z', end: '2014-02-13T18:00:00Z', busyType: 'Free' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['x-anchormailbox']).toBe('alice@contoso.com');
    await expectValid(sent[0]?.body ?? '');
    expect(path(parseEnvelope(sent[0]?.body ?? '').body, 'TimeZone', 'Bias')).toBeDefined();
  });
});
