import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EwsClient } from '../../src/ews/client/ews-client.js';
import { BasicAuth } from '../../src/ews/transport/auth.js';
import { inboxBodies, launchChromium, shell, startConcierge, type StartedConcierge } from '../support/e2e.js';
import { REPO_ROOT } from '../support/shared.js';

/**
 * The whole journey on a fresh start, in Debian's chromium: `concierge start` (what `npm start` runs) on a new
 * data folder with its built-in Contoso simulator; the administrator is created from the printed setup link; the
 * admin guide's Management Shell steps are run on the simulator (Basic auth on, the service account, impersonation);
 * the service account is linked in the console; Bob is invited (the email lands in his Exchange inbox); Bob opens
 * it, chooses a password, links his calendar and asks "what's on my calendar today" in the chat; a room display is
 * placed in Room 202 and books the room. Each page is photographed into docs/screenshots for the README.
 */
const SHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const ZONE = 'America/Los_Angeles';
const ADMIN = { email: 'admin@contoso.com', password: 'Journey-Admin-Passw0rd' };
const SERVICE = { upn: 'alexaforbusiness@contoso.com', password: 'Svc-Journey-Passw0rd-2026!' };
const BOB = { email: 'bob@contoso.com', exchangePassword: 'Passw0rd!', consolePassword: 'Bob-Console-Passw0rd' };

let concierge: StartedConcierge;
let browser: Browser;
let admin: BrowserContext;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fails the test on script errors and CSP violations (HTTP error statuses are answers the pages handle). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) problems.push(msg.text());
  });
  return problems;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  concierge = await startConcierge();
  browser = await launchChromium();
  admin = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1200, height: 800 } });
  admin.setDefaultTimeout(15_000);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (concierge) expect(await concierge.stop()).toBe(0);
});

describe('from a fresh start to a booked room, in a browser', () => {
  it('creates the administrator from the one-time setup link', async () => {
    const page = await admin.newPage();
    const problems = watch(page);
    await page.goto(concierge.setupUrl);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await shot(page, '01-setup');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Exchange');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs the admin guide's Management Shell steps on the simulator", async () => {
    // Basic authentication on the EWS virtual directory (the guide's command, with this server's name).
    expect((await shell(concierge, 'Set-WebServicesVirtualDirectory -Identity "EXCH01\\EWS (Default Web Site)" -BasicAuthentication $true')).ok).toBe(true);
    // The service account (the guide's New-Mailbox, quoted as PowerShell needs); the password prompt is answered.
    const created = await shell(concierge, 'New-Mailbox -UserPrincipalName alexaforbusiness@contoso.com -Alias alexaforbusiness -Name alexaforbusiness -OrganizationalUnit Users -FirstName Alexa -LastName "Service Account" -DisplayName "Alexa for Business Service Account"', [SERVICE.password]);
    expect(created.ok, created.output).toBe(true);
    const impersonation = await shell(concierge, 'New-ManagementRoleAssignment –name:impersonationAssignmentName –Role:ApplicationImpersonation –User: alexaforbusiness');
    expect(impersonation.ok, impersonation.output).toBe(true);
  });

  it('links the service account in the console, with the analyzer steps shown live', async () => {
    const page = await admin.newPage();
    const problems = watch(page);
    await page.goto(`${concierge.base}/console/exchange`);
    await page.getByLabel('EWS URL').fill(concierge.ewsUrl);
    await page.getByLabel('Service account UPN').fill(SERVICE.upn);
    await page.getByLabel('Password', { exact: true }).fill(SERVICE.password);
    await page.getByRole('radio', { name: /^Impersonation/ }).check();
    await page.getByLabel('Test mailbox', { exact: true }).fill('alice@contoso.com');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.locator('#steps-summary').textContent(), { timeout: 30_000 }).toMatch(/^All checks passed/);
    expect(await page.getByRole('list', { name: 'Analyzer steps' }).getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'Link account' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 30_000 }).toContain('Linked and working');
    expect(await page.locator('#status').textContent()).toContain(SERVICE.upn);
    await shot(page, '02-exchange');
    expect(problems).toEqual([]);
    await page.close();
  });

  let invitationUrl = '';

  it('invites Bob; the invitation arrives in his Exchange inbox from the service account', async () => {
    const page = await admin.newPage();
    const problems = watch(page);
    await page.goto(`${concierge.base}/console/users`);
    await page.getByLabel('Email').fill(BOB.email);
    await page.getByLabel('Name').fill('Bob Smith');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.locator('#invite-result').textContent(), { timeout: 20_000 }).toMatch(/^Invitation emailed to Bob Smith <bob@contoso.com>/);
    await expect.poll(() => page.getByRole('row').filter({ hasText: BOB.email }).textContent()).toContain('Invited');
    await shot(page, '03-users');
    expect(problems).toEqual([]);
    await page.close();

    const mail = await inboxBodies(concierge.ewsUrl, BOB.email, BOB.exchangePassword);
    const invitation = mail.find((m) => /\/invite#token=/.test(m.body));
    expect(invitation, `Bob's inbox: ${JSON.stringify(mail.map((m) => m.subject))}`).toBeDefined();
    invitationUrl = /(http:\/\/\S+\/invite#token=[\w-]+)/.exec(invitation!.body)![1]!;
    expect(invitationUrl.startsWith(concierge.base)).toBe(true);
  });

  it('Bob opens the invitation, chooses a password, links his calendar and asks about today in the chat', async () => {
    const bob = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1200, height: 800 } });
    bob.setDefaultTimeout(15_000);
    const page = await bob.newPage();
    const problems = watch(page);
    await page.goto(invitationUrl);
    await expect.poll(() => page.locator('#who').textContent()).toContain('bob@contoso.com');
    await page.getByLabel('Choose a password').fill(BOB.consolePassword);
    await page.getByLabel('Repeat the password').fill(BOB.consolePassword);
    await shot(page, '04-invite');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForURL(`${concierge.base}/console/me`);
    await page.getByRole('button', { name: 'Link Microsoft Exchange' }).click();
    await expect.poll(() => page.locator('#result').textContent(), { timeout: 20_000 }).toBe('Linked to bob@contoso.com. You can ask about your calendar now.');
    await shot(page, '05-me');

    await page.goto(`${concierge.base}/console/chat`);
    await page.getByLabel('Your question').fill("what's on my calendar today");
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const conversation = page.getByRole('log', { name: 'Conversation' });
    await expect.poll(async () => (await conversation.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Concierge:/);
    const answer = (await conversation.textContent()) ?? '';
    await shot(page, '06-chat');

    // Checked against Exchange itself: Bob's day, read with his own password.
    const own = new EwsClient({ url: concierge.ewsUrl, auth: new BasicAuth(BOB.email, BOB.exchangePassword), access: 'delegation' });
    const day = DateTime.now().setZone(ZONE).startOf('day');
    const events = (await own.calendarView(BOB.email, { start: day.toUTC().toISO()!, end: day.plus({ days: 1 }).toUTC().toISO()! }, { timeZone: ZONE })).filter((e) => !e.isCancelled);
    await own.close();
    if (events.length === 0) expect(answer).toMatch(/nothing|no events|free/i);
    else expect(answer.toLowerCase()).toContain(events[0]!.subject.toLowerCase());

    // A request without a time: the question is answered in the box (no "Yes" to press), then confirmed or not.
    await page.getByLabel('Your question').fill('add lunch with carol tomorrow');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(async () => (await conversation.textContent()) ?? '', { timeout: 20_000 }).toContain('What time tomorrow should lunch be?');
    expect(await page.getByRole('button', { name: 'Yes', exact: true }).count()).toBe(0);
    await expect.poll(() => page.locator('#question:focus').count()).toBe(1);
    await page.keyboard.type('noon');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await conversation.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Add lunch with Carol Diaz tomorrow at noon for one hour\?/);
    // The earlier question's button answers nothing now: only the open question's buttons are live.
    expect(await page.getByRole('button', { name: 'Never mind', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Yes', exact: true }).last().isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'No', exact: true }).last().click();
    await expect.poll(async () => (await conversation.textContent()) ?? '', { timeout: 20_000 }).toMatch(/OK, I won't/);
    expect(problems).toEqual([]);
    await bob.close();
  });

  let displayUrl = '';

  it('places a room display in Room 202', async () => {
    const page = await admin.newPage();
    const problems = watch(page);
    await page.goto(`${concierge.base}/console/rooms`);
    await page.getByLabel('Search room mailboxes').fill('room');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Add Room 202' }).click();
    const room = page.locator('details.room').filter({ hasText: 'Room 202' });
    await expect.poll(() => room.count()).toBe(1);
    await room.locator('summary').click();
    await room.getByLabel('Display label').fill('Door tablet');
    await room.getByRole('button', { name: 'Open a room display' }).click();
    const link = room.getByLabel('Display link for Room 202');
    await expect.poll(() => link.inputValue()).toContain('/display#token=');
    displayUrl = await link.inputValue();
    await shot(page, '07-rooms');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('books Room 202 for 30 minutes from its display; the room accepts the meeting in Exchange', async () => {
    const kiosk = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1280, height: 800 } });
    kiosk.setDefaultTimeout(15_000);
    const page = await kiosk.newPage();
    const problems = watch(page);
    await page.goto(displayUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Room 202');
    await expect.poll(() => page.locator('#state-word').textContent()).toMatch(/^(Free|Busy)/);
    await page.getByRole('button', { name: 'Book 30 min' }).click();
    await expect.poll(() => page.locator('#state-word').textContent(), { timeout: 20_000 }).toMatch(/^Busy/);
    await shot(page, '08-display');
    expect(problems).toEqual([]);
    await kiosk.close();

    // The booking is in the room's own calendar, accepted, organized by the service account.
    const svc = new EwsClient({ url: concierge.ewsUrl, auth: new BasicAuth(SERVICE.upn, SERVICE.password), access: 'impersonation' });
    const now = Date.now();
    const items = await svc.calendarView('room.202@contoso.com', { start: new Date(now - 3_600_000).toISOString(), end: new Date(now + 3_600_000).toISOString() }, { timeZone: ZONE, withAttendees: true });
    await svc.close();
    const booking = items.find((e) => !e.isCancelled && Date.parse(e.start) <= now && Date.parse(e.end) > now);
    expect(booking, JSON.stringify(items)).toBeDefined();
    expect(booking!.organizer?.email?.toLowerCase()).toBe(SERVICE.upn);
  });

  it('shows every step in the audit log', async () => {
    const page = await admin.newPage();
    const problems = watch(page);
    await page.goto(`${concierge.base}/console/audit`);
    const table = page.getByRole('table');
    await expect.poll(async () => (await table.first().textContent()) ?? '').toContain('room.book');
    const text = (await table.first().textContent()) ?? '';
    for (const action of ['exchange.link', 'room.book']) expect(text).toContain(action);
    await shot(page, '09-audit');
    expect(problems).toEqual([]);
    await page.close();
  });
});
