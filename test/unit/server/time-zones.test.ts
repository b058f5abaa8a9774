import { describe, expect, it } from 'vitest';
import { describeNowRange, isNowInRange } from '../../../src/server/reference-time.js';
import { isKnownZone, unknownZone, zoneHint } from '../../../src/server/time-zones.js';

describe('isKnownZone', () => {
  it('takes canonical names and the links of the tz database', () => {
    for (const zone of ['America/Los_Angeles', 'UTC', 'Europe/Berlin', 'Asia/Calcutta', 'Asia/Kolkata', 'Europe/Kyiv', 'US/Pacific', 'Etc/GMT+8', 'Etc/UTC', 'GMT']) {
      expect(isKnownZone(zone), zone).toBe(true);
    }
  });

  it('refuses made-up names, offsets, and names wrong only in their case (with the right spelling)', () => {
    for (const zone of ['Mars/Olympus', '+05:00', '', 'America/Los Angeles', 'europe/berlin']) expect(isKnownZone(zone), zone).toBe(false);
    expect(unknownZone('europe/berlin').hint).toBe('Zone names are case-sensitive: use Europe/Berlin.');
  });
});

describe('unknownZone', () => {
  it('names the IANA zone for a Windows zone name, and says an empty name is empty', () => {
    expect(unknownZone('Pacific Standard Time')).toMatchObject({ status: 400, code: 'UnknownTimeZone', message: 'Unknown time zone Pacific Standard Time.', hint: 'Pacific Standard Time is a Windows zone name; use America/Los_Angeles.' });
    expect(zoneHint('W. Europe Standard Time', '--tz ')).toBe('W. Europe Standard Time is a Windows zone name; use --tz Europe/Berlin.');
    expect(unknownZone('Mars/Olympus').hint).toBe('Use an IANA name such as Europe/Berlin.');
    for (const empty of ['', '  ']) expect(unknownZone(empty)).toMatchObject({ message: 'The time zone (timeZone) is empty.', hint: 'Give an IANA name such as Europe/Berlin, or leave timeZone out.' });
  });
});

describe('reference time range', () => {
  it('takes times within 10 years of the clock, and words the range to the second', () => {
    const clock = new Date('2026-04-01T09:00:00.250Z');
    expect(isNowInRange(new Date('2036-04-01T09:00:00Z'), clock)).toBe(true);
    expect(isNowInRange(new Date('2016-04-01T09:00:00Z'), clock)).toBe(true);
    expect(isNowInRange(new Date('0001-01-01T00:00:00Z'), clock)).toBe(false);
    expect(isNowInRange(new Date('2036-04-01T09:00:01Z'), clock)).toBe(false);
    expect(describeNowRange(clock)).toBe('from 2016-04-01T09:00:00Z to 2036-04-01T09:00:00Z');
  });
});
