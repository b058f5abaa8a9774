import { describe, expect, it } from 'vitest';
import { buildCalendarView, digestOf } from '../../../bench/ews-fixture.js';
import { toCalendarEvent } from '../../../src/ews/client/mapping.js';
import { parseEnvelope } from '../../../src/ews/operations/envelope.js';
import { FindItemCalendarView } from '../../../src/ews/operations/find-item.js';

/** The bench's generated CalendarView answer must be one Concierge reads completely and as intended. */
describe('bench CalendarView fixture', () => {
  const read = (xml: string) => {
    const env = parseEnvelope(xml);
    expect(env.bodyName).toBe('FindItemResponse');
    return FindItemCalendarView.parse(env.body, { operation: 'FindItem', errors: {} }, { folder: { distinguished: 'calendar' }, start: '', end: '', fields: [] });
  };

  it('is deterministic', () => {
    expect(buildCalendarView(100).bytes.equals(buildCalendarView(100).bytes)).toBe(true);
  });

  it('reads back as N items with the subjects, times, locations and organizers it was built from', () => {
    for (const n of [1, 100]) {
      const f = buildCalendarView(n);
      const page = read(f.xml);
      expect(page.items).toHaveLength(n);
      expect(page.totalItemsInView).toBe(n);
      expect(page.includesLastItemInRange).toBe(true);
      expect(new Set(page.items.map((i) => i.itemId?.id)).size).toBe(n);
      const events = page.items.map(toCalendarEvent);
      const got = events.map((e) => ({ subject: e.subject, startMs: Date.parse(e.start), endMs: Date.parse(e.end), location: e.location ?? '', organizerName: e.organizer?.name ?? '' }));
      expect(digestOf(got)).toBe(f.digest);
    }
  });

  it('has the mix the bench claims: occurrences, an exception, all-day, cancelled, escapes and non-ASCII text', () => {
    const f = buildCalendarView(100);
    const items = read(f.xml).items;
    const kinds = new Set(items.map((i) => i.calendarItemType));
    expect([...kinds].sort()).toEqual(['Exception', 'Occurrence', 'Single']);
    expect(items.some((i) => i.isAllDayEvent)).toBe(true);
    expect(items.some((i) => i.isCancelled)).toBe(true);
    expect(items.some((i) => i.subject?.includes('&') && i.subject.includes('<'))).toBe(true);
    expect(items.some((i) => i.subject === 'Hey 👋🏼')).toBe(true);
    expect(f.xml).toContain('&amp;');
    // Every occurrence of one series shares its UID.
    const weekly = items.filter((i) => i.subject === 'Weekly Team Meeting');
    expect(weekly.length).toBeGreaterThan(1);
    expect(new Set(weekly.map((i) => i.uid)).size).toBe(1);
  });
});
