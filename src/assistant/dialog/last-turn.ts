/**
 * What the last turn left for this one to go on: the slots it acted on (kept in its explanation's
 * `understood`), and the event a find named, for a following "move it" or "cancel it".
 */
import type { DialogSlots } from './understanding.js';

/** The slots a turn acted on, as kept in its explanation's `understood` ("find_meeting {...}"). */
export function lastSlots(understood: string): DialogSlots {
  const json = understood.indexOf(' ');
  try {
    return json < 0 ? {} : (JSON.parse(understood.slice(json + 1)) as DialogSlots);
  } catch {
    return {};
  }
}

/** What named the event of a find or next-meeting turn ("when is the design review"), for a following "it". */
export function theOneFound(understood: string | undefined): Pick<DialogSlots, 'title' | 'people'> {
  if (!understood || !/^(find_meeting|next_meeting)\b/.test(understood)) return {};
  const before = lastSlots(understood);
  return { ...(before.title ? { title: before.title } : {}), ...(before.people?.length ? { people: before.people } : {}) };
}
