import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.js';

describe('concierge start (npm start) on embedded defaults', () => {
  it('serves on PORT with PGlite in CONCIERGE_DATA_DIR and the built-in simulator, prints a one-time setup link, stops on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'concierge-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/support/cli-entry.ts'), 'start'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', CONCIERGE_DATA_DIR: data, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    const setupLine = await new Promise<string>((resolve, reject) => {
      rl.on('line', (l) => {
        lines.push(l);
        if (l.startsWith('First run:')) resolve(l);
      });
      child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${lines.join('\n')}`)));
    });
    const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.join('\n'))?.[1];
    expect(base).toBeTruthy();
    expect(lines.join('\n')).toContain(`PGlite in ${join(data, 'pglite')}`);
    const token = /#token=([\w-]+)/.exec(setupLine)?.[1];
    expect(token).toBeTruthy();
    const health = await request(`${base}/healthz`);
    expect(await health.body.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const setup = await request(`${base}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, email: 'admin@example.com', password: 'A-Long-Admin-Passw0rd' }) });
    expect(setup.statusCode).toBe(201);
    await setup.body.text();
    const again = await request(`${base}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, email: 'other@example.com', password: 'A-Long-Admin-Passw0rd' }) });
    expect(again.statusCode).toBe(403);
    await again.body.text();
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
