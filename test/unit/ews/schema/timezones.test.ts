import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import {
  ianaToWindows,
  ianaZoneOfLegacy,
  legacyTimeZone,
  readLegacyTimeZone,
  UnknownTimeZoneError,
  windowsToIana,
  writeLegacyTimeZone,
  type LegacyTimeZone,
  type LegacyTimeZoneTime,
} from '../../../../src/ews/schema/timezones.js';
import { child, children, parseXml, path } from '../../../../src/ews/xml/index.js';
import { fixture } from '../../../support/shared.js';

const NO_DST_STANDARD: LegacyTimeZoneTime = { bias: 0, time: '02:00:00', dayOrder: 1, month: 3, dayOfWeek: 'Sunday' };
const NO_DST_DAYLIGHT: LegacyTimeZoneTime = { bias: 0, time: '02:00:00', dayOrder: 1, month: 10, dayOfWeek: 'Sunday' };

/** The WorkingHours/TimeZone of the n-th FreeBusyResponse of a recorded GetUserAvailability answer. */
function recordedWorkingHoursZone(file: string, n = 0): LegacyTimeZone | undefined {
  const { body } = parseEnvelope(fixture('GetUserAvailability', file));
  const r = children(child(body, 'FreeBusyResponseArray'), 'FreeBusyResponse')[n];
  return readLegacyTimeZone(path(r, 'FreeBusyView', 'WorkingHours', 'TimeZone'));
}

/** The t:TimeZone of a recorded GetUserAvailability request. */
function recordedRequestZone(file: string): LegacyTimeZone | undefined {
  return readLegacyTimeZone(child(parseEnvelope(fixture('GetUserAvailability', file)).body, 'TimeZone'));
}

/**
 * Evaluates a legacy zone the way Windows does, independently of the code under test: the
 * `dayOrder`-th weekday of the month (5 = last) at `time`, read in the offset in force before it.
 */
function legacyOffsetAt(tz: LegacyTimeZone, utcMillis: number): number {
  const std = -(tz.bias + tz.standardTime.bias);
  const dst = -(tz.bias + tz.daylightTime.bias);
  if (std === dst) return std;
  const year = DateTime.fromMillis(utcMillis, { zone: 'UTC' }).plus({ minutes: std }).year;
  const at = (r: LegacyTimeZoneTime, offsetBefore: number) => {
    const weekday = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].indexOf(r.dayOfWeek) + 1;
    const first = DateTime.fromObject({ year, month: r.month, day: 1 }, { zone: 'UTC' });
    let day = first.plus({ days: (weekday - first.weekday + 7) % 7 + 7 * (r.dayOrder - 1) });
    while (day.month !== r.month) day = day.minus({ days: 7 });
    const [h, m, s] = r.time.split(':').map(Number);
    return day.set({ hour: h ?? 0, minute: m ?? 0, second: s ?? 0 }).toMillis() - offsetBefore * 60_000;
  };
  const dstStart = at(tz.daylightTime, std);
  const dstEnd = at(tz.standardTime, dst);
  const inDst = dstStart < dstEnd ? utcMillis >= dstStart && utcMillis < dstEnd : utcMillis >= dstStart || utcMillis < dstEnd;
  return inDst ? dst : std;
}

describe('ianaToWindows', () => {
  it.each([
    ['America/Los_Angeles', 'Pacific Standard Time'],
    ['Europe/Berlin', 'W. Europe Standard Time'],
    ['Australia/Sydney', 'AUS Eastern Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['Asia/Calcutta', 'India Standard Time'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    // CLDR files it as Europe/Kiev; the newer tz name is retried under ICU's canonical name.
    ['Europe/Kyiv', 'FLE Standard Time'],
  ])('%s -> %s', (iana, windows) => {
    expect(ianaToWindows(iana)).toBe(windows);
  });

  it('refuses names that are not IANA zones, with a typed error', () => {
    for (const bad of ['Mars/Olympus_Mons', 'Pacific Standard Time', '', 'UTC+5']) {
      const err = (() => {
        try {
          ianaToWindows(bad);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(UnknownTimeZoneError);
      expect(err).toMatchObject({ code: 'UnknownTimeZone', zone: bad, scheme: 'iana' });
    }
  });
});

describe('windowsToIana', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    // CLDR's default for India is the older link name; it is the same zone as Asia/Kolkata.
    ['India Standard Time', 'Asia/Calcutta'],
    ['UTC', 'Etc/UTC'],
    ['pacific standard time', 'America/Los_Angeles'],
  ])('%s -> %s', (windows, iana) => {
    expect(windowsToIana(windows)).toBe(iana);
  });

  it('maps back to a zone with the same rules', () => {
    const z = IANAZone.create(windowsToIana('India Standard Time'));
    expect(z.offset(Date.UTC(2025, 0, 1))).toBe(IANAZone.create('Asia/Kolkata').offset(Date.UTC(2025, 0, 1)));
  });

  it('refuses unknown Windows ids, with a typed error', () => {
    expect(() => windowsToIana('Middle Earth Standard Time')).toThrowError(UnknownTimeZoneError);
    expect(() => windowsToIana('Europe/Berlin')).toThrowError(/Unknown Windows time zone "Europe\/Berlin"/);
  });
});

describe('legacyTimeZone', () => {
  it('America/Los_Angeles: Bias 480, DST second Sunday of March to first Sunday of November', () => {
    expect(legacyTimeZone('America/Los_Angeles', 2025)).toEqual({
      bias: 480,
      standardTime: { bias: 0, time: '02:00:00', dayOrder: 1, month: 11, dayOfWeek: 'Sunday' },
      daylightTime: { bias: -60, time: '02:00:00', dayOrder: 2, month: 3, dayOfWeek: 'Sunday' },
    });
  });

  it('America/Los_Angeles 2014 equals the zone Exchange itself reported in WorkingHours', () => {
    const recorded = recordedWorkingHoursZone('msdocs-freebusy-and-suggestions.response.xml');
    expect(recorded).toBeDefined();
    expect(legacyTimeZone('America/Los_Angeles', 2014)).toEqual(recorded);
  });

  it('America/Los_Angeles 2006 (pre-2007 US rules) equals the t:TimeZone of Microsoft\'s request and response', () => {
    const computed = legacyTimeZone('America/Los_Angeles', 2006);
    expect(computed).toEqual({
      bias: 480,
      standardTime: { bias: 0, time: '02:00:00', dayOrder: 5, month: 10, dayOfWeek: 'Sunday' },
      daylightTime: { bias: -60, time: '02:00:00', dayOrder: 1, month: 4, dayOfWeek: 'Sunday' },
    });
    expect(computed).toEqual(recordedRequestZone('msdocs-getuseravailability-ref.request.xml'));
    expect(computed).toEqual(recordedWorkingHoursZone('msdocs-getuseravailability-ref.response.xml', 0));
  });

  it('Europe/Berlin: Bias -60, last Sunday of March 02:00 to last Sunday of October 03:00', () => {
    expect(legacyTimeZone('Europe/Berlin', 2025)).toEqual({
      bias: -60,
      standardTime: { bias: 0, time: '03:00:00', dayOrder: 5, month: 10, dayOfWeek: 'Sunday' },
      daylightTime: { bias: -60, time: '02:00:00', dayOrder: 5, month: 3, dayOfWeek: 'Sunday' },
    });
    // 2026: the last Sunday of March is the 29th, a 5th Sunday; October 25th is a 4th. Both stay "last".
    expect(legacyTimeZone('Europe/Berlin', 2026)).toEqual(legacyTimeZone('Europe/Berlin', 2025));
  });

  it('Australia/Sydney (southern hemisphere): standard from April, daylight from October', () => {
    expect(legacyTimeZone('Australia/Sydney', 2025)).toEqual({
      bias: -600,
      standardTime: { bias: 0, time: '03:00:00', dayOrder: 1, month: 4, dayOfWeek: 'Sunday' },
      daylightTime: { bias: -60, time: '02:00:00', dayOrder: 1, month: 10, dayOfWeek: 'Sunday' },
    });
  });

  it('Asia/Kolkata (no DST, half-hour offset): Bias -330 and two zero-delta rules', () => {
    expect(legacyTimeZone('Asia/Kolkata', 2025)).toEqual({ bias: -330, standardTime: NO_DST_STANDARD, daylightTime: NO_DST_DAYLIGHT });
  });

  it('UTC: Bias 0 and two zero-delta rules', () => {
    const utc = legacyTimeZone('UTC', 2025);
    expect(utc).toEqual({ bias: 0, standardTime: NO_DST_STANDARD, daylightTime: NO_DST_DAYLIGHT });
    expect(Object.is(utc.bias, -0)).toBe(false);
    expect(legacyTimeZone('Etc/UTC', 2025)).toEqual(utc);
  });

  it('Europe/Dublin (negative DST in tz) comes out the Windows way: GMT standard, IST daylight', () => {
    expect(legacyTimeZone('Europe/Dublin', 2025)).toEqual({
      bias: 0,
      standardTime: { bias: 0, time: '02:00:00', dayOrder: 5, month: 10, dayOfWeek: 'Sunday' },
      daylightTime: { bias: -60, time: '01:00:00', dayOrder: 5, month: 3, dayOfWeek: 'Sunday' },
    });
  });

  // Checks the rule against the tz database every six hours of the year: if the legacy rule put any
  // instant on the wrong side of a transition, Exchange would shift free/busy by the DST delta.
  it.each(['America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'Pacific/Auckland', 'America/Santiago', 'Australia/Lord_Howe', 'America/Sao_Paulo'])(
    '%s: the legacy rule gives the tz offset at every instant of 2024-2026',
    (iana) => {
      const zone = IANAZone.create(iana);
      for (const year of [2024, 2025, 2026]) {
        const tz = legacyTimeZone(iana, year);
        const from = Date.UTC(year, 0, 2);
        const to = Date.UTC(year, 11, 30);
        for (let t = from; t < to; t += 6 * 3_600_000) {
          if (legacyOffsetAt(tz, t) !== zone.offset(t)) throw new Error(`${iana} ${year}: offset differs at ${new Date(t).toISOString()}`);
        }
      }
    },
  );

  it('refuses an unknown zone and an absurd year', () => {
    expect(() => legacyTimeZone('Nowhere/Land', 2025)).toThrowError(UnknownTimeZoneError);
    expect(() => legacyTimeZone('Europe/Berlin', 25)).toThrowError(/year 25/);
  });
});

describe('writeLegacyTimeZone / readLegacyTimeZone', () => {
  it('writes the SerializableTimeZone children in schema order and reads them back', () => {
    const tz = legacyTimeZone('Australia/Sydney', 2025);
    const xml = writeLegacyTimeZone(tz).xml;
    expect(xml).toBe(
      '<t:TimeZone><t:Bias>-600</t:Bias>' +
        '<t:StandardTime><t:Bias>0</t:Bias><t:Time>03:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>4</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>' +
        '<t:DaylightTime><t:Bias>-60</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>1</t:DayOrder><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime>' +
        '</t:TimeZone>',
    );
    const wrapped = `<w xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">${xml}</w>`;
    expect(readLegacyTimeZone(child(parseXml(wrapped).element, 'TimeZone'))).toEqual(tz);
  });

  it('reads absent as undefined and keeps a Year when Exchange sends one', () => {
    expect(readLegacyTimeZone(undefined)).toBeUndefined();
    const xml = '<TimeZone><Bias>0</Bias><StandardTime><Bias>0</Bias><Time>00:00:00</Time><DayOrder>0</DayOrder><Month>0</Month><DayOfWeek>Sunday</DayOfWeek><Year>2020</Year></StandardTime></TimeZone>';
    expect(readLegacyTimeZone(parseXml(xml).element)).toEqual({
      bias: 0,
      standardTime: { bias: 0, time: '00:00:00', dayOrder: 0, month: 0, dayOfWeek: 'Sunday', year: '2020' },
      daylightTime: { bias: 0, time: '00:00:00', dayOrder: 0, month: 0, dayOfWeek: 'Sunday' },
    });
  });
});

describe('ianaZoneOfLegacy: a mailbox\'s working-hours zone read back as an IANA name', () => {
  it.each(['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Australia/Sydney', 'America/Sao_Paulo', 'UTC'])('%s', (zone) => {
    expect(ianaZoneOfLegacy(legacyTimeZone(zone, 2027), 2027)).toBe(zone);
  });

  it('a zone keeping the same clock stands for a lesser-known one (Asia/Chita is UTC+9 like Tokyo)', () => {
    const found = ianaZoneOfLegacy(legacyTimeZone('Asia/Chita', 2027), 2027)!;
    expect(legacyTimeZone(found, 2027)).toEqual(legacyTimeZone('Asia/Chita', 2027));
  });

  it('no zone keeps a made-up clock', () => {
    const odd = legacyTimeZone('America/Los_Angeles', 2027);
    expect(ianaZoneOfLegacy({ ...odd, bias: odd.bias + 7 }, 2027)).toBeUndefined();
  });
});
