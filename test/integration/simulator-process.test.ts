import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.js';

interface Ready {
  ewsUrl: string;
  powershellUrl: string;
  caFile?: string;
}

/** Starts `concierge simulator` as its own process and waits for its one JSON line. */
async function startProcess(args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/support/cli-entry.ts'), 'simulator', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { child, ready: JSON.parse(line) as Ready };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

const admin = `Basic ${Buffer.from('administrator@contoso.com:Adm1n-Passw0rd!').toString('base64')}`;

async function shell(url: string, command: string, dispatcher?: Agent): Promise<{ ok: boolean; output: string }> {
  const res = await request(url, { method: 'POST', headers: { authorization: admin, 'content-type': 'application/json' }, body: JSON.stringify({ command }), ...(dispatcher ? { dispatcher } : {}) });
  return (await res.body.json()) as { ok: boolean; output: string };
}

describe('concierge simulator as a process', () => {
  it('prints exactly one ready line, keeps state in --data across a restart, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-data-'));
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify({ domain: 'contoso.com', adminPassword: 'Adm1n-Passw0rd!', mailboxes: [{ smtp: 'alice@contoso.com', name: 'Alice Wong', password: 'Passw0rd!' }] }));
    const first = await startProcess(['--port', '0', '--seed', seed, '--data', join(dir, 'state')]);
    expect(Object.keys(first.ready).sort()).toEqual(['ewsUrl', 'powershellUrl']);
    expect(first.ready.ewsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx$/);
    const created = await shell(first.ready.powershellUrl, 'New-Mailbox -Name "Bob Smith" -Alias bob -UserPrincipalName bob@contoso.com -Password (ConvertTo-SecureString -String "Str0ng-Secret-9!" -AsPlainText -Force)');
    expect(created.ok, created.output).toBe(true);
    expect(await stop(first.child)).toBe(0);

    const second = await startProcess(['--port', '0', '--seed', seed, '--data', join(dir, 'state')]);
    const found = await shell(second.ready.powershellUrl, 'Get-Mailbox bob | Select -ExpandProperty PrimarySmtpAddress');
    expect(found.output).toContain('bob@contoso.com');
    expect(await stop(second.child)).toBe(0);
  });

  it('--tls serves HTTPS from its own CA, trusted only through the printed caFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-tls-'));
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify({ domain: 'contoso.com', adminPassword: 'Adm1n-Passw0rd!', mailboxes: [] }));
    const { child, ready } = await startProcess(['--port', '0', '--seed', seed, '--tls']);
    expect(ready.ewsUrl).toMatch(/^https:/);
    expect(ready.caFile).toBeTruthy();
    const trusted = new Agent({ connect: { ca: readFileSync(ready.caFile!, 'utf8') } });
    expect((await shell(ready.powershellUrl, 'Get-Mailbox administrator | Select -ExpandProperty Name', trusted)).output).toContain('Administrator');
    await expect(request(ready.ewsUrl, { method: 'POST', body: '' })).rejects.toThrow();
    await trusted.close();
    expect(await stop(child)).toBe(0);
  });

  it('refuses a seed with an error, naming the entry, and starts nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-bad-'));
    const seed = join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify({ domain: 'contoso.com', mailboxes: [{ smtp: 'not-an-address', name: 'X' }] }));
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/support/cli-entry.ts'), 'simulator', '--seed', seed], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).not.toBe(0);
    expect(err).toMatch(/mailboxes\.0\.smtp/);
  });
});
