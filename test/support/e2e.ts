import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import { request } from 'undici';
import { REPO_ROOT } from './shared.js';

/** A `concierge start` process (what `npm start` runs) on a fresh data folder, and what it printed. */
export interface StartedConcierge {
  readonly base: string;
  readonly setupUrl: string;
  readonly ewsUrl: string;
  readonly powershellUrl: string;
  readonly simulatorAdmin: { readonly user: string; readonly password: string };
  stop(): Promise<number | null>;
}

/** Starts Concierge from source on embedded defaults (PGlite, the built-in Contoso simulator), PORT=0. */
export async function startConcierge(env: Record<string, string> = {}): Promise<StartedConcierge> {
  const data = mkdtempSync(join(tmpdir(), 'concierge-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/support/cli-entry.ts'), 'start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', CONCIERGE_DATA_DIR: data, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => err.push(l));
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      out.push(l);
      if (l.startsWith('First run:')) resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`concierge start exited with ${code}:\n${out.join('\n')}\n${err.join('\n')}`)));
  });
  const all = [...out, ...err].join('\n');
  const found = (re: RegExp, what: string): string => {
    const m = re.exec(all)?.[1];
    if (!m) throw new Error(`concierge start did not print ${what}:\n${all}`);
    return m;
  };
  return {
    base: found(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 'its address'),
    setupUrl: found(/(http:\/\/\S+\/setup#token=[\w-]+)/, 'the setup link'),
    ewsUrl: found(/EWS (http:\/\/\S+?),/, 'the EWS URL'),
    powershellUrl: found(/Management Shell (http:\/\/\S+)/, 'the Management Shell URL'),
    simulatorAdmin: { user: 'administrator@contoso.com', password: found(/administrator@contoso\.com password: (\S+)/, 'the simulator administrator password') },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

interface ShellReply {
  readonly output: string;
  readonly ok: boolean;
  readonly needsInput?: { readonly text: string; readonly secret: boolean };
}

/** One Management Shell command, sent as `concierge shell -c` sends it; prompts answered from `answers`. */
export async function shell(c: StartedConcierge, command: string, answers: readonly string[] = []): Promise<ShellReply> {
  const res = await request(c.powershellUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${c.simulatorAdmin.user}:${c.simulatorAdmin.password}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ command, answers }),
  });
  if (res.statusCode !== 200) throw new Error(`shell refused ${command}: ${res.statusCode} ${await res.body.text()}`);
  return (await res.body.json()) as ShellReply;
}

const SOAP = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

async function ews(url: string, user: string, password: string, body: string): Promise<string> {
  const res = await request(url, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'text/xml; charset=utf-8' }, body: SOAP(body) });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`EWS ${res.statusCode}: ${text.slice(0, 500)}`);
  return text;
}

/**
 * The bodies of the messages in a mailbox's Inbox, read over EWS with that person's own password (as their
 * mail client would): FindItem on the Inbox, then GetItem with the text body.
 */
export async function inboxBodies(ewsUrl: string, user: string, password: string): Promise<{ subject: string; body: string }[]> {
  const found = await ews(ewsUrl, user, password, '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>');
  const ids = [...found.matchAll(/<t:ItemId Id="([^"]+)"/g)].map((m) => m[1]!);
  if (ids.length === 0) return [];
  const items = await ews(ewsUrl, user, password, `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape><t:BodyType>Text</t:BodyType></m:ItemShape><m:ItemIds>${ids.map((id) => `<t:ItemId Id="${id}"/>`).join('')}</m:ItemIds></m:GetItem>`);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
  return [...items.matchAll(/<t:Message>([\s\S]*?)<\/t:Message>/g)].map((m) => ({ subject: unescape(/<t:Subject>([\s\S]*?)<\/t:Subject>/.exec(m[1]!)?.[1] ?? ''), body: unescape(/<t:Body[^>]*>([\s\S]*?)<\/t:Body>/.exec(m[1]!)?.[1] ?? '') }));
}

/** Debian's chromium, headless, as the engineering standards require; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}
