import { describe, expect, it } from 'vitest';
import { isKnownZone, unknownZone } from '../../../src/server/time-zones.js';

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
