import { describe, expect, it } from 'vitest';
import { impersonation, PACIFIC, person, serviceAccount, startContoso } from '../../support/contoso.js';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * An organization whose Exchange lists no rooms: rooms cannot be told from people, so a room said by name
 * cannot be found. Each answer says why, with the cmdlets that fix it, not only "not found".
 */
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const sim = useSimulator(() => startContoso({ mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), serviceAccount(SVC)], shell: [impersonation('imp')] }));
const over = useAssistant(sim, SVC);
const ask = (text: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: 'America/Los_Angeles', now: new Date('2027-03-08T16:00:00Z'), sessionId: 'no-lists' });

describe('no room lists in Exchange', () => {
  it('says so, with the fix, for a room asked about, booked or found', async () => {
    expect((await ask('is the boardroom free at 3')).text).toBe("I couldn't find a room called boardroom in the directory. Exchange lists no rooms. An administrator adds rooms to a room list (New-DistributionGroup -RoomList, then Add-DistributionGroupMember), as Outlook's room finder needs too.");
    expect((await ask('add a sync in the boardroom tomorrow at 3')).text).toMatch(/so no room will be booked\. Exchange lists no rooms\. An administrator adds rooms to a room list/);
    expect((await ask('find me a room tomorrow at 2')).text).toMatch(/^I can't see any rooms: Exchange lists no rooms\./);
  });
});
