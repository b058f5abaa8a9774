import type { Explanation } from '../dialog/acts.js';
import { withoutCancelledMark } from '../../domain/calendar.js';
import { localTime, shortDateTime } from './local-time.js';

/** The answer to "why?": what the last turn read (which mailbox, calendar, zone, access path), left out, and did. */
export function explainSentences(x: Explanation | undefined): string[] {
  if (!x) return ["I haven't looked at your calendar yet in this conversation."];
  if (x.did?.kind === 'refused') return ["That wasn't a calendar request I can handle, so I didn't read your calendar or change anything."];
  const window = x.window ? ` from ${shortDateTime(localTime(x.window.start, x.timeZone))} to ${shortDateTime(localTime(x.window.end, x.timeZone))}` : '';
  const how = `in ${x.timeZone} time, through ${x.access.account} using ${x.access.method} on ${x.access.server}`;
  const did = x.did;
  if (did?.kind === 'failed') {
    return [`I tried to reach the ${x.calendar} of ${x.mailbox}, ${how}, and it failed: ${did.message.replace(/\.?$/, '.')}`, ...(did.nothingChanged ? ['Nothing was changed.'] : []), `To fix it: ${did.hint.replace(/\.?$/, '.')}`];
  }
  const deed =
    did?.kind === 'wrote' ? `I ${{ create: 'created', cancel: 'cancelled', move: 'moved', respond: 'answered', room: 'booked a room for', remind: 'set a reminder on', edit: 'changed' }[did.change]} ${did.subject} in the ${x.calendar} of ${x.mailbox}${window}, ${how}.`
    : did?.kind === 'checked_clashes' ? `I checked the ${x.calendar} of ${x.mailbox}${window} for clashes before asking, ${how}.`
    : `I read the ${x.calendar} of ${x.mailbox}${window}, ${how}.`;
  const organizer = did?.kind === 'not_organizer' ? [`${did.organizer} organizes ${did.subject}, so only they can ${did.change} it for everyone.`] : [];
  // The same event left out several times for one reason (a daily series) is said once, with how often.
  const groups = new Map<string, { subject: string; reason: string; n: number }>();
  for (const l of x.leftOut) {
    const name = l.reason === 'it was cancelled' ? withoutCancelledMark(l.subject) : l.subject;
    const key = `${name}|${l.reason}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { subject: name, reason: l.reason, n: 1 });
  }
  const left = [...groups.values()].map((g) => `${g.subject}${g.n > 1 ? ` (${g.n} times)` : ''} because ${g.reason}`);
  const leftSentence = did?.kind === 'wrote' || did?.kind === 'checked_clashes' ? [] : [left.length ? `I left out ${left.join('; ')}.` : 'I left nothing out.'];
  return [...organizer, `${deed}${leftSentence.length ? ` ${leftSentence[0]}` : ''}`];
}
