import { describe, expect, it } from 'vitest';
import { renderStep, renderSummary } from '../../../src/cli/commands/analyze.js';
import type { Step } from '../../../src/connectivity/index.js';

describe('human output', () => {
  it('a mark per status, the fix indented line by line', () => {
    const step: Step = { id: 'auth-methods', title: 'Authentication methods', status: 'fail', detail: 'Basic is off.', fix: 'Get-WebServicesVirtualDirectory | fl Identity,BasicAuthentication\nSet-WebServicesVirtualDirectory -Identity "<SERVER>\\EWS (Default Web Site)" -BasicAuthentication $true' };
    expect(renderStep(step)).toMatchInlineSnapshot(`
      "✖ Authentication methods: Basic is off.
          fix: Get-WebServicesVirtualDirectory | fl Identity,BasicAuthentication
               Set-WebServicesVirtualDirectory -Identity "<SERVER>\\EWS (Default Web Site)" -BasicAuthentication $true"
    `);
    expect(renderStep({ id: 'tcp', title: 'TCP connection', status: 'skip', detail: 'skipped: dns failed' })).toBe('– TCP connection: skipped: dns failed');
    expect(renderStep({ id: 'dns', title: 'DNS lookup', status: 'pass', detail: 'ok' })).toBe('✔ DNS lookup: ok');
    expect(renderStep({ id: 'tls', title: 'TLS certificate', status: 'warn', detail: 'w' })).toBe('⚠ TLS certificate: w');
  });

  it('the summary counts', () => {
    const s = (status: Step['status']): Step => ({ id: 'dns', title: 't', status, detail: '' });
    expect(renderSummary([s('pass'), s('warn')])).toBe('Result: no check failed (1 passed, 1 with warnings).');
    expect(renderSummary([s('pass'), s('fail'), s('skip')])).toBe('Result: 1 failed, 0 warned, 1 passed, 1 skipped.');
  });
});
