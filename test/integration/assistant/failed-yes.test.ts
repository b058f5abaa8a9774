import { describe, expect, it } from 'vitest';
import { ChangeNotMade } from '../../../src/assistant/dialog/change-not-made.js';
import { impersonation, PACIFIC, person, serviceAccount, startContoso } from '../../support/contoso.js';
import { runShell } from '../../support/analyze-env.js';
import { useAssistant } from '../../support/use-assistant.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * A "yes" whose write Exchange refused before acting on it (impersonation taken away) changes nothing, so
 * the proposal waits for another "yes"; once the administrator gives the right back, that "yes" makes it.
 */
const TZ = 'America/Los_Angeles';
const NOW = new Date('2027-03-08T16:00:00Z');
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Passw0rd-1!' };
const sim = useSimulator(() =>
  startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), person('bob', 'Bob Smith', { timeZone: PACIFIC }), serviceAccount(SVC)],
    shell: [impersonation('imp')],
  }),
);
const over = useAssistant(sim, SVC);
const ask = (text: string) => over.assistant.ask({ user: 'alice@contoso.com', text, timeZone: TZ, now: NOW, sessionId: 'failed-yes' });

describe('a "yes" that Exchange refused', () => {
  it('keeps the proposal, says so, and a later "yes" makes it', async () => {
    const proposed = await ask('add lunch with bob on friday at noon');
    expect(proposed.pending?.kind).toBe('create');
    expect((await runShell(sim, 'Remove-ManagementRoleAssignment imp -Confirm:$false')).errors).toEqual([]);

    const failed = await ask('yes').catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(ChangeNotMade);
    expect((failed as ChangeNotMade).code).toBe('ErrorImpersonateUserDenied');
    expect((failed as ChangeNotMade).message).toMatch(/Nothing was changed, and the proposal still waits: say yes to try again\.$/);

    // "why?" explains the failure, not an older read, and keeps the proposal waiting.
    const why = await ask('why?');
    expect(why.text).toMatch(/^I tried to reach the Calendar of alice@contoso\.com, in America\/Los_Angeles time, through svc@contoso\.com using impersonation on .*, and it failed: .*impersonat.*\. Nothing was changed\. To fix it: .*New-ManagementRoleAssignment/);
    expect(why.pending?.kind).toBe('create');

    expect((await runShell(sim, 'New-ManagementRoleAssignment -Name imp -Role ApplicationImpersonation -User svc')).errors).toEqual([]);
    const made = await ask('yes');
    expect(made.text).toMatch(/^Done\. Lunch/);
    const friday = await over.client.calendarView('alice@contoso.com', { start: '2027-03-12T08:00:00Z', end: '2027-03-13T08:00:00Z' });
    expect(friday.map((e) => [e.subject, e.start])).toEqual([['Lunch', '2027-03-12T20:00:00Z']]);
  });
});
