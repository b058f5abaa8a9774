import { describe, expect, it } from 'vitest';
import { impersonation, PACIFIC, person, serviceAccount, startContoso } from '../../support/contoso.js';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/** An answer to an invitation with words for its organizer: they reach the organizer's Inbox as the response's body. */
const TZ = 'America/Los_Angeles';
const NOW = new Date('2027-03-08T16:00:00Z'); // Monday 8 March, 08:00 in Los Angeles
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const sim = useSimulator(() =>
  startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), person('dave', 'Dave Kim', { timeZone: 'W. Europe Standard Time' }), person('bob', 'Bob Smith', { timeZone: PACIFIC }), serviceAccount(SVC)],
    shell: [impersonation('imp')],
    events: [
      { organizer: 'dave@contoso.com', subject: 'Vendor pitch', start: '2027-03-10T10:00:00-08:00', end: '2027-03-10T11:00:00-08:00', timeZone: PACIFIC, attendees: ['alice@contoso.com'] },
      { organizer: 'dave@contoso.com', subject: 'Roadmap chat', start: '2027-03-12T09:00:00-08:00', end: '2027-03-12T09:30:00-08:00', timeZone: PACIFIC, attendees: ['alice@contoso.com'] },
      { organizer: 'bob@contoso.com', subject: 'Design review', start: '2027-03-11T14:00:00-08:00', end: '2027-03-11T15:00:00-08:00', timeZone: PACIFIC, attendees: ['alice@contoso.com'] },
    ],
  }),
);
const over = useAssistant(sim, SVC);
const ask = (text: string, sessionId: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: NOW, sessionId });

describe('a message sent with an answer to an invitation', () => {
  it('"decline the vendor pitch and tell dave I\'m off tomorrow": the pitch on Wednesday, declined with those words in Dave\'s Inbox', async () => {
    const proposal = await ask("decline the vendor pitch and tell dave I'm off tomorrow", 'decline');
    // ("tomorrow" is the message's, not the meeting's day: the pitch is on Wednesday.)
    expect(proposal.pending).toMatchObject({ kind: 'respond', reply: 'decline', message: "I'm off tomorrow.", event: { subject: 'Vendor pitch', start: '2027-03-10T18:00:00Z' } });
    expect(proposal.text).toBe('Decline Vendor pitch on Wednesday at 10 AM? Dave Kim will be told, with your message: "I\'m off tomorrow."');
    const done = await ask('yes', 'decline');
    expect(done.text).toBe('Done. You declined Vendor pitch, and Dave Kim has been told, with your message.');
    const answers = sim.exchange.calendar.findItems('dave@contoso.com', 'inbox').filter((m) => m.subject === 'Declined: Vendor pitch');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toMatchObject({ type: 'Text', value: "I'm off tomorrow." });
  });

  it('"no, the design review" to an answer waiting with a message: that meeting, the message still with it', async () => {
    expect((await ask("decline the roadmap chat and tell dave I'm out", 'other')).pending).toMatchObject({ kind: 'respond', event: { subject: 'Roadmap chat' } });
    const other = await ask('no, the design review', 'other');
    expect(other.pending).toMatchObject({ kind: 'respond', reply: 'decline', message: "I'm out.", event: { subject: 'Design review' } });
    // (Said for Dave, who organizes the roadmap chat: the design review's organizer is Bob, and that is said.)
    expect(other.text).toMatch(/Bob Smith will be told, with your message: "I'm out\." It goes to Bob Smith, who organizes it, not to Dave\.$/);
    // And back to Dave's own: nothing more to say.
    const back = await ask('no, the roadmap chat', 'other');
    expect(back.text).toMatch(/Dave Kim will be told, with your message: "I'm out\."$/);
    await ask('no', 'other');
  });

  it('"accept the design review and tell them": no words to send, said so before "yes"; the answer goes alone', async () => {
    const proposal = await ask('accept the design review and tell them', 'accept');
    expect(proposal.pending).toMatchObject({ kind: 'respond', reply: 'accept', event: { subject: 'Design review' } });
    expect(proposal.pending).not.toHaveProperty('message');
    expect(proposal.text).toMatch(/I didn't catch a message to send with it, so only your answer goes to Bob Smith\.$/);
    await ask('yes', 'accept');
    const answers = sim.exchange.calendar.findItems('bob@contoso.com', 'inbox').filter((m) => m.subject === 'Accepted: Design review');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body?.value ?? '').toBe('');
  });

  it('a message said for someone who does not organize the meeting goes to its organizer, and that is said', async () => {
    const r = await ask("decline the design review and tell dave I'm out", 'elsewhere');
    expect(r.text).toMatch(/Bob Smith will be told, with your message: "I'm out\." It goes to Bob Smith, who organizes it, not to Dave\.$/);
    await ask('no', 'elsewhere');
  });
});
