/**
 * The simulator against ews-javascript-api 0.15.3 (npm; a port of Microsoft's EWS Managed API that
 * nobody on this team wrote). Same scenario as exchangelib.test.ts: impersonation (svc acting as alice)
 * and delegate (bob opening alice's calendar), then four denials; every simulator answer is recorded by a
 * loopback proxy and checked against messages.xsd at the end.
 */
import * as ews from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponses, interopSeed, ROOM, scenario, startInteropServer, USERS, ZONE, type InteropServer } from './harness.js';

type Access = 'impersonation' | 'delegate';

interface Session {
  readonly service: ews.ExchangeService;
  /** alice's calendar: the impersonated user's own, or alice's named by mailbox (delegate). */
  readonly calendar: ews.FolderId;
}

function session(url: string, who: { user: string; password: string }, mailbox: string, access: Access): Session {
  // An explicit zone, so that TimeZoneContext and the free/busy window do not depend on the host's TZ.
  const service = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013_SP1, ews.TimeZoneInfo.FindSystemTimeZoneById(ZONE.windows));
  service.Credentials = new ews.WebCredentials(who.user, who.password);
  service.Url = new ews.Uri(url);
  if (access === 'impersonation') {
    service.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, mailbox);
    return { service, calendar: new ews.FolderId(ews.WellKnownFolderName.Calendar) };
  }
  return { service, calendar: new ews.FolderId(ews.WellKnownFolderName.Calendar, new ews.Mailbox(mailbox)) };
}

const at = (iso: string) => new ews.DateTime(Date.parse(iso));
const instant = (d: ews.DateTime) => d.TotalMilliSeconds;

/** The rejection of a promise, for assertions on what the library raised. */
async function rejection(p: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Record<string, unknown>;
  }
  throw new Error('expected the call to fail, it succeeded');
}

describe('ews-javascript-api 0.15.3 against the simulator', () => {
  const s = scenario();
  let server: InteropServer;
  let basicOff: InteropServer;

  beforeAll(async () => {
    server = await startInteropServer(interopSeed(s));
    basicOff = await startInteropServer(interopSeed(s, false));
  });
  afterAll(async () => {
    await server?.close();
    await basicOff?.close();
  });

  const scenarios = [
    { access: 'impersonation' as const, who: USERS.svc, slot: () => s.createSlots.impersonation, subject: 'Interop ews-js impersonation' },
    { access: 'delegate' as const, who: USERS.bob, slot: () => s.createSlots.delegate, subject: 'Interop ews-js delegate' },
  ];

  for (const sc of scenarios) {
    describe(`${sc.access}: ${sc.who.user.split('@')[0]} on alice's calendar`, () => {
      let x: Session;
      let id: ews.ItemId;
      beforeAll(() => {
        x = session(server.url, sc.who, USERS.alice.user, sc.access);
      });

      it('FindAppointments with a CalendarView expands the weekly series', async () => {
        const found = await x.service.FindAppointments(x.calendar, new ews.CalendarView(at(s.weekStart), at(s.viewEnd)));
        const items = found.Items;
        const weekly = items.filter((a) => a.Subject === s.weekly.subject);
        expect(weekly.map((a) => [instant(a.Start), instant(a.End)])).toEqual(s.weekly.occurrences.map((o) => [Date.parse(o.start), Date.parse(o.end)]));
        for (const o of weekly) {
          expect(o.AppointmentType).toBe(ews.AppointmentType.Occurrence);
          expect(o.IsRecurring).toBe(true);
        }
        const single = items.filter((a) => a.Subject === s.single.subject);
        expect(single).toHaveLength(1);
        expect(single[0]!.AppointmentType).toBe(ews.AppointmentType.Single);
        expect([instant(single[0]!.Start), instant(single[0]!.End)]).toEqual([Date.parse(s.single.start), Date.parse(s.single.end)]);
        expect(items).toHaveLength(3);
      });

      it('creates a meeting with attendees and a room (SendToAllAndSaveCopy); Bind shows the room accepted', async () => {
        const slot = sc.slot();
        const a = new ews.Appointment(x.service);
        a.Subject = sc.subject;
        a.Start = at(slot.start);
        a.End = at(slot.end);
        a.RequiredAttendees.Add(USERS.bob.user);
        a.RequiredAttendees.Add(USERS.carol.user);
        a.Resources.Add(ROOM);
        await a.Save(x.calendar, ews.SendInvitationsMode.SendToAllAndSaveCopy);
        expect(a.Id?.UniqueId).toEqual(expect.any(String));
        id = a.Id;

        const got = await ews.Appointment.Bind(x.service, id);
        expect(got.Subject).toBe(sc.subject);
        expect([instant(got.Start), instant(got.End)]).toEqual([Date.parse(slot.start), Date.parse(slot.end)]);
        expect(got.AppointmentType).toBe(ews.AppointmentType.Single);
        expect(got.Organizer?.Address?.toLowerCase()).toBe(USERS.alice.user);
        expect(got.RequiredAttendees.GetEnumerator().map((p) => p.Address.toLowerCase()).sort()).toEqual([USERS.bob.user, USERS.carol.user]);
        expect(got.Resources.GetEnumerator().map((p) => [p.Address.toLowerCase(), p.ResponseType])).toEqual([[ROOM, ews.MeetingResponseType.Accept]]);
      });

      it('updates the subject (AutoResolve, SendToAllAndSaveCopy) and deletes the meeting with cancellations', async () => {
        const got = await ews.Appointment.Bind(x.service, id);
        got.Subject = `${sc.subject} (moved)`;
        await got.Update(ews.ConflictResolutionMode.AutoResolve, ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy);
        const again = await ews.Appointment.Bind(x.service, id);
        expect(again.Subject).toBe(`${sc.subject} (moved)`);

        // MoveToDeletedItems: the meeting leaves alice's calendar (it may still be bound in Deleted Items).
        await again.Delete(ews.DeleteMode.MoveToDeletedItems, ews.SendCancellationsMode.SendToAllAndSaveCopy);
        const slot = sc.slot();
        const left = await x.service.FindAppointments(x.calendar, new ews.CalendarView(at(slot.start), at(slot.end)));
        expect(left.Items.map((a) => a.Subject)).toEqual([]);

        // Server side: bob got the request and the cancellation; the room no longer holds the meeting.
        const inbox = server.simulator.exchange.calendar.findItems(USERS.bob.user, 'inbox');
        const mine = inbox.filter((m) => m.subject.includes(sc.subject)).map((m) => m.itemClass);
        expect(mine).toContain('IPM.Schedule.Meeting.Request');
        expect(mine).toContain('IPM.Schedule.Meeting.Canceled');
        expect(server.simulator.exchange.calendar.calendarView(ROOM, 'calendar', slot.start, slot.end).items.filter((e) => !e.isCancelled)).toHaveLength(0);
      });

      it('ResolveName finds Bob in the directory, with contact details', async () => {
        const found = await x.service.ResolveName('bob', ews.ResolveNameSearchLocation.DirectoryOnly, true);
        const all = found.GetEnumerator();
        expect(all).toHaveLength(1);
        expect(all[0]!.Mailbox.Name).toBe('Bob Smith');
        expect(all[0]!.Mailbox.Address.toLowerCase()).toBe(USERS.bob.user);
        expect(all[0]!.Contact?.DisplayName).toBe('Bob Smith');
      });

      it('GetUserAvailability (FreeBusy) shows alice busy at the meetings of the week', async () => {
        const r = await x.service.GetUserAvailability([new ews.AttendeeInfo(USERS.alice.user)], new ews.TimeWindow(at(s.weekStart), at(s.weekEnd)), ews.AvailabilityData.FreeBusy);
        const answers = r.AttendeesAvailability.GetEnumerator();
        expect(answers).toHaveLength(1);
        expect(answers[0]!.ErrorCode).toBe(ews.ServiceError.NoError);
        const events = answers[0]!.CalendarEvents.map((e) => [instant(e.StartTime), instant(e.EndTime), e.FreeBusyStatus]);
        expect(events).toEqual([s.weekly.occurrences[0]!, s.single].map((m) => [Date.parse(m.start), Date.parse(m.end), ews.LegacyFreeBusyStatus.Busy]));
      });
    });
  }

  it('denies impersonating room.101, outside the UserMailboxes scope: SOAP fault ErrorImpersonateUserDenied', async () => {
    const x = session(server.url, USERS.svc, ROOM, 'impersonation');
    const err = await rejection(x.service.FindAppointments(x.calendar, new ews.CalendarView(at(s.weekStart), at(s.weekEnd))));
    // The library turns a SOAP fault into SoapFaultDetails: ResponseCode from detail/e:ResponseCode.
    expect(err).toBeInstanceOf(ews.SoapFaultDetails);
    expect(err.ResponseCode).toBe(ews.ServiceError.ErrorImpersonateUserDenied);
    expect(err.HttpStatusCode).toBe(500);
  });

  it('denies svc2 (no rights) opening alice\'s calendar as a delegate: ErrorAccessDenied', async () => {
    const x = session(server.url, USERS.svc2, USERS.alice.user, 'delegate');
    const err = await rejection(x.service.FindAppointments(x.calendar, new ews.CalendarView(at(s.weekStart), at(s.weekEnd))));
    expect(err).toBeInstanceOf(ews.ServiceResponseException);
    expect(err.ErrorCode).toBe(ews.ServiceError.ErrorAccessDenied);
  });

  it('rejects a wrong password with HTTP 401', async () => {
    const x = session(server.url, { user: USERS.svc.user, password: 'not-the-password' }, USERS.alice.user, 'impersonation');
    const err = await rejection(x.service.FindAppointments(x.calendar, new ews.CalendarView(at(s.weekStart), at(s.weekEnd))));
    expect(err.HttpStatusCode).toBe(401);
    const challenge = server.proxy.records.filter((r) => r.status === 401).map((r) => String(r.responseHeaders['www-authenticate'] ?? ''));
    expect(challenge.some((c) => /Basic realm=/.test(c))).toBe(true);
  });

  it('with Basic off on the EWS virtual directory: HTTP 401 and only Negotiate/NTLM offered', async () => {
    const x = session(basicOff.url, USERS.svc, USERS.alice.user, 'impersonation');
    const err = await rejection(x.service.FindAppointments(x.calendar, new ews.CalendarView(at(s.weekStart), at(s.weekEnd))));
    expect(err.HttpStatusCode).toBe(401);
    const challenges = basicOff.proxy.records.filter((r) => r.status === 401).map((r) => String(r.responseHeaders['www-authenticate'] ?? ''));
    expect(challenges.length).toBeGreaterThan(0);
    for (const c of challenges) {
      expect(c).not.toMatch(/basic/i);
      expect(c).toMatch(/Negotiate/);
      expect(c).toMatch(/NTLM/);
    }
  });

  it('every answer the simulator gave is schema-valid (messages.xsd) and text/xml; charset=utf-8', async () => {
    const report = await checkResponses([...server.proxy.records, ...basicOff.proxy.records]);
    expect(report.checked).toBeGreaterThan(5);
    expect(report.wrongContentType).toEqual([]);
    expect(report.invalid.map((i) => `${i.operation} (HTTP ${i.status}):\n${i.output}\n${i.response.slice(0, 3000)}`)).toEqual([]);
  }, 60_000);
});
