import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { RunningSimulator } from '../../src/simulator/host.js';
import { ALICE, IMPERSONATION, SERVICE, SERVICE_PASSWORD, startAnalyzerSimulator } from '../support/analyze-env.js';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  return io;
}

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const args = (url: string, extra: string[] = []) => ['node', 'concierge', 'analyze', '--url', url, '--upn', SERVICE, '--password-env', 'CONCIERGE_ANALYZE_PW', '--access', 'impersonation', '--mailbox', ALICE, ...extra];

describe('concierge analyze', () => {
  it('prints each step as it runs, with marks, and exits 0 when nothing failed', async () => {
    process.env.CONCIERGE_ANALYZE_PW = SERVICE_PASSWORD;
    sim = await startAnalyzerSimulator({ shell: IMPERSONATION });
    const io = capture();
    expect(await main(args(sim.ewsUrl), io)).toBe(0);
    expect(io.stderr).toBe('');
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Analyzing ${sim.ewsUrl} as ${SERVICE} (impersonation), test mailbox ${ALICE}`);
    expect(lines.filter((l) => /^[✔⚠✖–] /.test(l)).map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      '✔ DNS lookup', '✔ TCP connection', '⚠ TLS certificate', '✔ EWS endpoint', '✔ Authentication methods', '✔ Service account sign-in', '✔ Exchange version', '✔ Test mailbox', '✔ Read the calendar', '✔ Write to the calendar',
    ]);
    expect(io.stdout).toMatch(/⚠ TLS certificate: Plain http.*\n {4}fix: Use https:\/\//);
    expect(lines.at(-1)).toBe('Result: no check failed (9 passed, 1 with warnings).');
    expect(io.stdout).not.toContain(SERVICE_PASSWORD);
  });

  it('--json prints { ok, steps } and exits 1 when a step failed, fixes with the real names', async () => {
    process.env.CONCIERGE_ANALYZE_PW = SERVICE_PASSWORD;
    sim = await startAnalyzerSimulator({ shell: [] });
    const io = capture();
    expect(await main([...args(sim.ewsUrl, ['--json']), '--access', 'delegation'], io)).toBe(1);
    const out = JSON.parse(io.stdout) as { ok: boolean; steps: { id: string; title: string; status: string; detail: string; fix: string | null }[] };
    expect(out.ok).toBe(false);
    expect(out.steps.map((s) => s.id)).toEqual(['dns', 'tcp', 'tls', 'endpoint', 'auth-methods', 'credentials', 'version', 'mailbox', 'calendar-read', 'calendar-write']);
    expect(Object.keys(out.steps[0]!)).toEqual(['id', 'title', 'status', 'detail', 'fix']);
    expect(out.steps[0]!.fix).toBeNull();
    const read = out.steps.find((s) => s.id === 'calendar-read')!;
    expect(read.status).toBe('fail');
    expect(read.fix).toContain('Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User concierge-svc -AccessRights Editor');
    expect(io.stderr).toContain('error [AnalyzeFailed]: The check calendar-read failed.');
  });

  it('usage mistakes exit 2 before anything is sent', async () => {
    const io = capture();
    expect(await main(['node', 'concierge', 'analyze', '--url', 'https://127.0.0.1:9/EWS/Exchange.asmx', '--upn', SERVICE, '--access', 'impersonation', '--mailbox', ALICE], io)).toBe(2);
    expect(io.stderr).toContain('No password given.');
    const io2 = capture();
    expect(await main(['node', 'concierge', 'analyze', '--url', 'https://127.0.0.1:9/EWS/Exchange.asmx', '--upn', SERVICE, '--password', 'x', '--access', 'impersonation', '--mailbox', ALICE, '--ca', '/nonexistent/ca.pem'], io2)).toBe(2);
    expect(io2.stderr).toContain('Cannot read --ca /nonexistent/ca.pem');
  });
});
