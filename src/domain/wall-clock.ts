/**
 * Instants from wall-clock parts in a zone, the same on every machine.
 *
 * luxon's `DateTime.fromObject(parts, { zone })` starts from the zone's offset at the machine's real current
 * time (`Settings.now`), so a wall time said twice on a fall-back day (1:30 AM on 7 November 2027 in Los
 * Angeles) became 1:30 PDT in summer and 1:30 PST in winter. Here the offsets in force a day before and a
 * day after decide:
 * - a wall time that happens twice is the earlier instant (the first 1:30, daylight time), as Windows and
 *   Exchange resolve it;
 * - a wall time that never happens (2:30 AM on a spring-forward day) is moved on by the gap (3:30 AM
 *   daylight time), as luxon does; `skippedMinutes` says by how much, so it can be said.
 */
import { DateTime, type DateTimeMaybeValid } from 'luxon';

export interface WallParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
}

const DAY_MS = 86_400_000;

/** The wall clock read as if it were UTC: the milliseconds every candidate instant is an offset from. */
const asIfUtc = (parts: WallParts): number => Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0);

/** The zone's offset from UTC, in minutes, at an instant. */
const offsetAt = (ms: number, zone: string): number => DateTime.fromMillis(ms, { zone }).offset;

/** The instants in `zone` whose wall clock shows `parts`: none in a gap, two in an overlap, earliest first. */
function instantsShowing(parts: WallParts, zone: string): number[] {
  const local = asIfUtc(parts);
  // (Clock changes are months apart, so a day either side gives the offsets before and after any change.)
  const offsets = new Set([offsetAt(local - DAY_MS, zone), offsetAt(local + DAY_MS, zone)]);
  return [...offsets].map((o) => local - o * 60_000).filter((ms) => offsetAt(ms, zone) === (local - ms) / 60_000).sort((a, b) => a - b);
}

/** Whether the parts name a real date and clock time ("April 31" and "25:00" do not). */
function exists(parts: WallParts): boolean {
  const d = new Date(asIfUtc(parts));
  return d.getUTCFullYear() === parts.year && d.getUTCMonth() + 1 === parts.month && d.getUTCDate() === parts.day && d.getUTCHours() === (parts.hour ?? 0) && d.getUTCMinutes() === (parts.minute ?? 0);
}

/** `parts` on the wall in `zone`: the earlier of two instants, or moved on past a gap (see the file's comment). */
export function atWallClock(parts: WallParts, zone: string): DateTimeMaybeValid {
  if (!exists(parts)) return DateTime.invalid('no such date or time');
  const [first] = instantsShowing(parts, zone);
  if (first !== undefined) return DateTime.fromMillis(first, { zone });
  // In a gap: read with the offset in force before the change, which lands as far past the change as
  // the time said was past the last minute before it (2:30 with PST is 10:30Z, 3:30 PDT).
  return DateTime.fromMillis(asIfUtc(parts) - offsetAt(asIfUtc(parts) - DAY_MS, zone) * 60_000, { zone });
}

/** Minutes the wall time `parts` is skipped by in `zone` (60 for 2:30 AM on a spring-forward day), or 0. */
export function skippedMinutes(parts: WallParts, zone: string): number {
  if (instantsShowing(parts, zone).length > 0) return 0;
  const local = asIfUtc(parts);
  return offsetAt(local + DAY_MS, zone) - offsetAt(local - DAY_MS, zone);
}
