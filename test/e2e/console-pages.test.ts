import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/connectivity/index.js';
import { invitations, openDatabase, people, SecretBox, setupTokens, type Database } from '../../src/persistence/index.js';
import { buildServer, type ConciergeServer } from '../../src/server/app.js';
import type { Analyzer } from '../../src/server/exchange/link-service.js';
import type { RunningSimulator } from '../../src/simulator/host.js';
import { impersonation, PACIFIC, person, roomMailbox, serviceAccount, startContoso } from '../support/contoso.js';
import { launchChromium } from '../support/e2e.js';
import { ADMIN, SVC } from '../support/server.js';

/**
 * The console in a real browser (Debian's chromium, driven by playwright-core) against an in-process
 * server and the Exchange simulator: setup, sign-in, the Exchange page's live analyzer and link, and every
 * page loading without script errors or CSP violations, operable from the keyboard.
 */

const ALICE_PASSWORD = 'Alice-Console-Passw0rd';

/** Alice, the service account with ApplicationImpersonation, and one room mailbox. */
function consoleSimulator(): Promise<RunningSimulator> {
  return startContoso({
    mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), serviceAccount(SVC), roomMailbox('room.101', 'Room 101', 8, { alias: 'room.101', timeZone: PACIFIC })],
    shell: [impersonation('imp1')],
  });
}

/** Lets the test hold the streamed analyzer open after its last step, to see the steps arrive before the end. */
class Gate {
  #open!: () => void;
  readonly opened = new Promise<void>((r) => (this.#open = r));
  open(): void {
    this.#open();
  }
}

interface Watch {
  readonly problems: string[];
}

/** Collects what must never happen on a page: uncaught errors, CSP violations, console errors other than HTTP statuses. */
function watch(page: Page): Watch {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    // Chromium logs every non-2xx fetch ("Failed to load resource: … 401"); the pages handle those as answers.
    if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of (401|404|409|410|422)/.test(text)) problems.push(`console.${msg.type()}: ${text}`);
    if (/Content Security Policy/i.test(text)) problems.push(`csp: ${text}`);
  });
  return { problems };
}

/** Presses Tab until the focused element has this accessible name (at most `max` times); fails otherwise. */
async function tabTo(page: Page, name: string, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // A string, evaluated in the page: this file is compiled without the DOM's types.
    const focused = await page.evaluate<{ name: string; outline: string }>(`(() => {
      const a = document.activeElement;
      if (!a) return { name: '', outline: '' };
      const label = a.getAttribute('aria-label') ?? a.labels?.[0]?.textContent ?? a.textContent ?? '';
      return { name: label.trim(), outline: getComputedStyle(a).outlineStyle };
    })()`);
    seen.push(focused.name);
    if (focused.name === name) {
      expect(focused.outline, `focus on "${name}" is visible`).not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached "${name}"; focus went through: ${seen.join(' | ')}`);
}

describe('the console in a browser', () => {
  let sim: RunningSimulator;
  let database: Database;
  let server: ConciergeServer;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const gate = new Gate();
  const streamed: string[] = [];
  let displayUrl = '';

  beforeAll(async () => {
    sim = await consoleSimulator();
    database = await openDatabase({});
    // The real analyzer; a streamed run (the page's Test button) waits at the end until the test opens the gate.
    const analyzer: Analyzer = async (input, opts) => {
      const result = await analyze(input, { onStep: (s) => (streamed.push(s.id), opts?.onStep?.(s)) });
      if (opts?.onStep) await gate.opened;
      return result;
    };
    server = await buildServer({ db: database.db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'warn', analyzer });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext();
    context.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    gate.open();
    await context?.close();
    await browser?.close();
    await server?.app.close();
    await database?.close();
    await sim?.close();
  });

  it('creates the first administrator on the setup page, from the keyboard', async () => {
    const page = await context.newPage();
    const w = watch(page);
    const { token } = await setupTokens.create(database.db);
    await page.goto(`${base}/setup#token=${token}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await page.getByLabel('Repeat the password').focus();
    await tabTo(page, 'Create administrator');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/console/exchange`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Exchange');
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('signs out, and signs in again from the keyboard to the Exchange page', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${base}/console/exchange`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/console/`);
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Email').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is wrong.');
    expect(await page.getByRole('alert').textContent()).toContain('How to fix:');
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Email').focus();
    await tabTo(page, 'Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/console/exchange`);
    await expect.poll(() => page.getByRole('navigation', { name: 'Console' }).getByRole('link').allTextContents()).toEqual(['Exchange', 'Users', 'Rooms', 'Chat', 'Audit log']);
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('shows the analyzer steps as they complete, then links the account', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${base}/console/exchange`);
    await expect.poll(() => page.locator('#status').textContent()).toContain('Not linked');
    await page.getByLabel('EWS URL').fill(sim.ewsUrl);
    await page.getByLabel('Service account UPN').fill(SVC.upn);
    await page.getByLabel('Password', { exact: true }).fill(SVC.password);
    await page.getByRole('radio', { name: /^Impersonation/ }).check();
    await page.getByLabel('Test mailbox', { exact: true }).fill('alice@contoso.com');
    await page.getByLabel('Test mailbox', { exact: true }).focus();
    await tabTo(page, 'Test connection');
    await page.keyboard.press('Enter');

    // Every step is on the page while the server still holds the stream open: they arrived live.
    const steps = page.getByRole('list', { name: 'Analyzer steps' }).getByRole('listitem');
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(10);
    expect(streamed).toHaveLength(10);
    expect(await page.getByRole('status').filter({ hasText: 'Testing' }).count()).toBe(1);
    expect(await steps.first().textContent()).toContain('DNS lookup');
    expect(await steps.nth(5).textContent()).toContain('Service account sign-in');
    gate.open();
    await expect.poll(() => page.locator('#steps-summary').textContent()).toMatch(/^All checks passed/);

    await page.getByRole('button', { name: 'Link account' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toContain('Linked and working');
    const status = await page.locator('#status').textContent();
    expect(status).toContain(SVC.upn);
    expect(status).toContain('Impersonation');
    expect(await page.getByRole('region', { name: 'Rotate the credentials' }).isVisible()).toBe(true);
    expect((await server.links.status()).upn).toBe(SVC.upn);

    // Delegation without FullAccess: the failing step says why and gives the command, with a copy button.
    await page.getByLabel('Password', { exact: true }).fill(SVC.password);
    await page.getByRole('radio', { name: /^Delegation/ }).check();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.locator('#steps-summary').textContent(), { timeout: 20_000 }).toMatch(/failed: see the fix below/);
    const failed = steps.filter({ has: page.locator('.badge', { hasText: 'Failed' }) });
    expect(await failed.count()).toBe(1);
    expect(await failed.locator('pre.fix').textContent()).toContain('Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User svc');
    expect(await failed.getByRole('button', { name: /^Copy command for / }).count()).toBe(1);
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('invites someone from the keyboard and lists them as invited', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${base}/console/users`);
    await expect.poll(() => page.locator('#users').textContent()).toContain('Nobody is invited yet.');
    await page.getByLabel('Email').fill('alice@contoso.com');
    await page.getByLabel('Name').fill('Alice Wong');
    await tabTo(page, 'Send invitation');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#invite-result').textContent(), { timeout: 15_000 }).toMatch(/^Invitation (emailed to|for) Alice Wong <alice@contoso.com>/);
    const row = page.getByRole('row').filter({ hasText: 'alice@contoso.com' });
    await expect.poll(() => row.textContent()).toContain('Invited');
    expect(await row.getByRole('button', { name: 'Revoke alice@contoso.com' }).count()).toBe(1);

    // A CSV: the progress bar and the per-row table come from the NDJSON stream.
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('email,displayName\nbob@contoso.com,Bob Smith\nnot-an-address,Nobody\n') });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.locator('#import-count').textContent(), { timeout: 15_000 }).toBe('Done: 1 invited, 1 failed, 2 rows.');
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe('2');
    const results = page.getByRole('table', { name: 'Import results' }).getByRole('row');
    expect(await results.count()).toBe(3);
    expect(await results.nth(1).textContent()).toContain('bob@contoso.cominvited');
    expect(await results.nth(2).textContent()).toContain('not-an-addresserror');
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('adds a room from the Exchange directory and opens a room display', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${base}/console/rooms`);
    await expect.poll(() => page.locator('#rooms').textContent()).toContain('No rooms yet');
    await page.getByLabel('Search room mailboxes').fill('room');
    await tabTo(page, 'Search');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add Room 101' }).click();
    const room = page.locator('details.room').filter({ hasText: 'Room 101' });
    await expect.poll(() => room.count()).toBe(1);
    await room.locator('summary').focus();
    await page.keyboard.press('Enter');
    await room.getByLabel('Display label').fill('Door tablet');
    await room.getByRole('button', { name: 'Open a room display' }).click();
    const link = room.getByLabel('Display link for Room 101');
    await expect.poll(() => link.inputValue()).toContain('/display#token=');
    displayUrl = await link.inputValue();
    expect(await room.locator('summary').textContent()).toContain('1 device');
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('runs a room display: its state, a booking from the keyboard, and "offline" when the server is unreachable', async () => {
    expect(displayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/display#token=/);
    const kiosk = await browser.newContext();
    kiosk.setDefaultTimeout(10_000);
    const page = await kiosk.newPage();
    const w = watch(page);
    await page.goto(displayUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Room 101');
    await expect.poll(() => page.locator('#state-word').textContent(), { timeout: 15_000 }).toBe('Free');
    // Only what makes sense now is offered: a free room can be booked, not ended or extended.
    expect(await page.getByRole('button', { name: 'End', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Extend 15' }).isVisible()).toBe(false);
    await page.locator('#state-word').click();
    await tabTo(page, 'Book 15 min');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#state-word').textContent(), { timeout: 15_000 }).toBe('Busy');
    expect(await page.locator('#message').textContent()).not.toBe('');
    expect(await page.getByRole('button', { name: 'End', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Book 15 min' }).isVisible()).toBe(false);
    expect(await page.locator('#day li').count()).toBe(1);

    await page.route('**/api/v1/display/**', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Extend 15' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Offline: /);
    expect(await page.locator('#state-word').textContent()).toBe('Busy');
    expect(w.problems.filter((p) => !p.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
    await kiosk.close();
  });

  it('filters the audit log and offers the filtered export', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${base}/console/audit`);
    await expect.poll(() => page.locator('#entries').textContent()).toContain('session.sign-in');
    await page.getByLabel('Action').fill('exchange.link');
    await tabTo(page, 'Apply filters');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#entries tbody').textContent()).not.toContain('session.sign-in');
    const rows = await page.locator('#entries tbody tr').allTextContents();
    expect(rows.length).toBe(1);
    expect(rows[0]).toContain('exchange.link');
    expect(rows[0]).toContain(SVC.upn);
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/api/v1/audit/export?action=exchange.link&format=csv');
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('tells an administrator that chat uses the test mailbox only', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${base}/console/chat`);
    await expect.poll(() => page.locator('#whose').textContent()).toContain("test mailbox only: questions here are answered from alice@contoso.com's calendar");
    await page.getByLabel('Your question').fill('what is on today');
    await tabTo(page, 'Ask');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).textContent()).toContain('You: what is on today');
    // This server runs without the NLU: the page says what failed, why and how to fix it.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The assistant could not answer.');
    expect(await page.getByRole('alert').textContent()).toContain('How to fix:');
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('explains a dead invitation link', async () => {
    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(`${base}/invite#token=${'x'.repeat(43)}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This invitation link is not known.');
    expect(await page.getByRole('alert').textContent()).toContain('ask for a new invitation');
    expect(await page.getByLabel('Choose a password').isVisible()).toBe(false);
    expect(w.problems).toEqual([]);
    await page.close();
  });

  it('lets an invitee choose a password and link their own Exchange calendar', async () => {
    const alice = await people.findByEmail(database.db, 'alice@contoso.com');
    expect(alice?.state).toBe('invited');
    // The console's invitation went by email; this test issues its own link, as Resend would.
    const { token } = await invitations.create(database.db, alice!.id);
    const user = await browser.newContext();
    user.setDefaultTimeout(10_000);
    const page = await user.newPage();
    const w = watch(page);
    await page.goto(`${base}/invite#token=${token}`);
    await expect.poll(() => page.locator('#who').textContent()).toContain('You are invited as alice@contoso.com (Alice Wong).');
    await page.getByLabel('Choose a password').fill(ALICE_PASSWORD);
    await page.getByLabel('Repeat the password').fill(ALICE_PASSWORD);
    await tabTo(page, 'Create my account');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/console/me`);
    // (The page fills its navigation once its script has read the session: waited for, not read at once.)
    await expect.poll(() => page.getByRole('navigation', { name: 'Console' }).getByRole('link').allTextContents()).toEqual(['Chat', 'Me']);
    await expect.poll(() => page.locator('#state').textContent()).toContain('not linked yet');
    await page.getByRole('button', { name: 'Link Microsoft Exchange' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#result').textContent(), { timeout: 15_000 }).toBe('Linked to alice@contoso.com. You can ask about your calendar now.');
    // (The details are drawn again after the result line: waited for, as the navigation is.)
    await expect.poll(() => page.getByRole('definition').nth(1).textContent()).toBe('alice@contoso.com');
    await page.goto(`${base}/console/users`);
    await page.waitForURL(`${base}/console/me`);
    expect(w.problems).toEqual([]);
    await user.close();
  });
});
