import { describe, expect, it } from 'vitest';
import { attr, child, children, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { legacyClock, windowsClock } from '../../../../src/simulator/ews-server/handlers/request-clock.js';
import { dotnetDuration } from '../../../../src/simulator/ews-server/handlers/get-server-time-zones.js';
import { call, envelope, schemaCheck, testExchange } from '../../../support/simulator.js';
import { peerRequest } from './peer-requests.js';

const timeZones = (ids: readonly string[], full?: boolean) =>
  envelope(`<m:GetServerTimeZones${full === undefined ? '' : ` ReturnFullTimeZoneData="${full}"`}>${ids.length ? `<m:Ids>${ids.map((i) => `<t:Id>${i}</t:Id>`).join('')}</m:Ids>` : ''}</m:GetServerTimeZones>`);

const definitions = (body: XmlElement) => children(path(body, 'ResponseMessages', 'GetServerTimeZonesResponseMessage', 'TimeZoneDefinitions'), 'TimeZoneDefinition');

async function valid(xml: string): Promise<void> {
  const verdict = await schemaCheck(xml);
  expect(verdict.valid, verdict.output).toBe(true);
}

const rule = (r: XmlElement) => [text(r, 'To'), text(r, 'TimeOffset'), text(r, 'Month'), text(r, 'DayOfWeek'), text(r, 'Occurrence')];

describe('GetServerTimeZones', () => {
  const year = new Date().getUTCFullYear();
  const trule = (id: string, kind: string) => `trule:Microsoft/Registry/${id}/${year}-${kind}`;

  it('writes full definitions as Exchange does: trule periods, one group of recurring-day transitions, one transition to it', async () => {
    const r = await call(testExchange(), 'alice@contoso.com', timeZones(['Pacific Standard Time', 'W. Europe Standard Time']));
    await valid(r.xml);
    const [pacific, europe] = definitions(r.body);
    expect([attr(pacific, 'Id'), attr(pacific, 'Name')]).toEqual(['Pacific Standard Time', '(UTC-08:00) Pacific Time (US & Canada)']);
    expect(children(child(pacific, 'Periods'), 'Period').map((p) => [attr(p, 'Bias'), attr(p, 'Name'), attr(p, 'Id')])).toEqual([
      ['PT8H', 'Standard', trule('Pacific Standard Time', 'Standard')],
      ['PT7H', 'Daylight', trule('Pacific Standard Time', 'Daylight')],
    ]);
    const group = path(pacific, 'TransitionsGroups', 'TransitionsGroup');
    expect(attr(group, 'Id')).toBe('0');
    expect(children(group, 'RecurringDayTransition').map(rule)).toEqual([
      [trule('Pacific Standard Time', 'Daylight'), 'PT2H', '3', 'Sunday', '2'],
      [trule('Pacific Standard Time', 'Standard'), 'PT2H', '11', 'Sunday', '1'],
    ]);
    const to = path(pacific, 'Transitions', 'Transition', 'To');
    expect([attr(to, 'Kind'), text(to)]).toEqual(['Group', '0']);
    expect(children(child(europe, 'Periods'), 'Period').map((p) => attr(p, 'Bias'))).toEqual(['-PT1H', '-PT2H']);
    // The last Sunday is Occurrence -1; the change back happens at 03:00 daylight time.
    expect(children(path(europe, 'TransitionsGroups', 'TransitionsGroup'), 'RecurringDayTransition').map((t) => [text(t, 'TimeOffset'), text(t, 'Month'), text(t, 'Occurrence')])).toEqual([
      ['PT2H', '3', '-1'],
      ['PT3H', '10', '-1'],
    ]);
  });

  it('answers exchangelib\'s request (UTC): a zone without clock changes has one Transition to its standard period', async () => {
    const r = await call(testExchange(), 'bob@contoso.com', peerRequest('exchangelib', 'free-busy-delegate/0003-POST-GetServerTimeZones.xml'));
    await valid(r.xml);
    const [utc] = definitions(r.body);
    expect(attr(utc, 'Id')).toBe('UTC');
    expect(children(child(utc, 'Periods'), 'Period').map((p) => attr(p, 'Bias'))).toEqual(['PT0S']);
    const group = path(utc, 'TransitionsGroups', 'TransitionsGroup');
    expect(children(group, 'RecurringDayTransition')).toHaveLength(0);
    expect(text(path(group, 'Transition'), 'To')).toBe(trule('UTC', 'Standard'));
  });

  it('defaults ReturnFullTimeZoneData to true (ews-javascript-api never sends it); false gives Id and Name only', async () => {
    const ex = testExchange();
    const byDefault = await call(ex, 'alice@contoso.com', timeZones(['India Standard Time']));
    expect(attr(child(child(definitions(byDefault.body)[0], 'Periods'), 'Period'), 'Bias')).toBe('-PT5H30M');
    const short = await call(ex, 'alice@contoso.com', timeZones(['India Standard Time', 'No Such Zone'], false));
    await valid(short.xml);
    const defs = definitions(short.body);
    expect(defs.map((d) => [attr(d, 'Id'), attr(d, 'Name'), child(d, 'Periods')])).toEqual([['India Standard Time', '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', undefined]]);
  });

  it('lists every zone, in Exchange\'s order, when no Ids are given', async () => {
    const r = await call(testExchange(), 'alice@contoso.com', timeZones([]));
    await valid(r.xml);
    const ids = definitions(r.body).map((d) => attr(d, 'Id'));
    expect(ids.length).toBeGreaterThanOrEqual(139);
    expect(ids.slice(0, 3)).toEqual(['Dateline Standard Time', 'Samoa Standard Time', 'UTC-11']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes .NET-style durations', () => {
    expect([480, -60, -330, 0, 30].map(dotnetDuration)).toEqual(['PT8H', '-PT1H', '-PT5H30M', 'PT0S', 'PT30M']);
  });
});

describe('request clocks (legacy t:TimeZone and TimeZoneContext)', () => {
  const pacific = { bias: 480, standardTime: { bias: 0, time: '02:00:00', dayOrder: 1, month: 11, dayOfWeek: 'Sunday' }, daylightTime: { bias: -60, time: '02:00:00', dayOrder: 2, month: 3, dayOfWeek: 'Sunday' } };
  const sydney = { bias: -600, standardTime: { bias: 0, time: '03:00:00', dayOrder: 1, month: 4, dayOfWeek: 'Sunday' }, daylightTime: { bias: -60, time: '02:00:00', dayOrder: 1, month: 10, dayOfWeek: 'Sunday' } };
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

  it('converts Pacific wall time on both sides of both changes, and back', () => {
    const clock = legacyClock(pacific);
    const cases: [string, string][] = [
      ['2027-03-14T01:59:00', '2027-03-14T09:59:00Z'],
      ['2027-03-14T03:00:00', '2027-03-14T10:00:00Z'],
      ['2027-11-07T00:30:00', '2027-11-07T07:30:00Z'],
      ['2027-11-07T02:00:00', '2027-11-07T10:00:00Z'],
    ];
    for (const [wall, utc] of cases) {
      expect(iso(clock.instant(wall)), wall).toBe(utc);
      expect(clock.local(Date.parse(utc)), utc).toBe(wall);
    }
    // The repeated hour reads as its first pass (daylight time).
    expect(iso(clock.instant('2027-11-07T01:30:00'))).toBe('2027-11-07T08:30:00Z');
    expect(clock.local(Date.parse('2027-11-07T09:30:00Z'))).toBe('2027-11-07T01:30:00');
  });

  it('handles a southern-hemisphere rule (daylight time across the new year) and agrees with the IANA zone', () => {
    const legacy = legacyClock(sydney);
    const iana = windowsClock('AUS Eastern Standard Time');
    for (const wall of ['2027-01-15T12:00:00', '2027-07-15T12:00:00', '2027-04-04T01:30:00', '2027-10-03T03:30:00', '2027-12-31T23:00:00']) {
      expect(iso(legacy.instant(wall)), wall).toBe(iso(iana.instant(wall)));
      expect(legacy.local(legacy.instant(wall))).toBe(wall);
    }
    expect(iso(legacy.instant('2027-01-15T12:00:00'))).toBe('2027-01-15T01:00:00Z');
    expect(iso(legacy.instant('2027-07-15T12:00:00'))).toBe('2027-07-15T02:00:00Z');
  });

  it('takes values with Z or an offset as given and refuses what is not an xs:dateTime', () => {
    const clock = legacyClock(pacific);
    expect(iso(clock.instant('2027-03-14T12:00:00+02:00'))).toBe('2027-03-14T10:00:00Z');
    expect(() => clock.instant('next Tuesday')).toThrow(/xs:dateTime/);
    expect(() => windowsClock(undefined).instant('2027-02-30T00:00:00x')).toThrow(/xs:dateTime/);
    expect(windowsClock(undefined).local(Date.parse('2027-03-14T10:00:00Z'))).toBe('2027-03-14T10:00:00');
  });
});
