import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeInput, type AnalyzeResult, type Step } from '../../src/connectivity/index.js';
import type { RunningSimulator } from '../../src/simulator/host.js';
import { ALICE, closedPort, IMPERSONATION, SERVICE, SERVICE_PASSWORD, startAnalyzerSimulator, startTlsProxy, statuses, type Listening } from '../support/analyze-env.js';
import { createTestPki, type KeyPair, type TestPki } from '../support/tls.js';

/**
 * Network and TLS outcomes over real sockets: the plain-http simulator behind a TLS-terminating proxy
 * that presents one of the test PKI's certificates, a port nobody listens on, and a name that does
 * not resolve. TLS is verified in every case; a private CA is trusted only when given explicitly.
 */

let pki: TestPki;
let sim: RunningSimulator;
let proxy: Listening | undefined;

beforeAll(async () => {
  [pki, sim] = await Promise.all([createTestPki(), startAnalyzerSimulator({ shell: IMPERSONATION })]);
});
afterAll(async () => {
  await sim?.close();
  await pki?.cleanup();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const base = { upn: SERVICE, password: SERVICE_PASSWORD, access: 'impersonation', mailbox: ALICE } as const;

async function behind(pair: KeyPair, extra: Partial<AnalyzeInput> = {}): Promise<AnalyzeResult> {
  proxy = await startTlsProxy(pair, Number(new URL(sim.ewsUrl).port));
  return analyze({ ...base, url: `https://127.0.0.1:${proxy.port}/EWS/Exchange.asmx`, ...extra }, { timeoutMs: 5_000 });
}

const step = (r: AnalyzeResult, id: Step['id']): Step => r.steps.find((s) => s.id === id)!;
const AFTER_TLS = { endpoint: 'skip', 'auth-methods': 'skip', credentials: 'skip', version: 'skip', mailbox: 'skip', 'calendar-read': 'skip', 'calendar-write': 'skip' } as const;

describe('analyze: TLS', () => {
  it('a certificate from a private CA given with --ca warns (trusted only through that CA) and everything else passes', async () => {
    const r = await behind(pki.server, { ca: pki.caCert });
    expect(statuses(r)).toEqual({ dns: 'pass', tcp: 'pass', tls: 'warn', endpoint: 'pass', 'auth-methods': 'pass', credentials: 'pass', version: 'pass', mailbox: 'pass', 'calendar-read': 'pass', 'calendar-write': 'pass' });
    expect(r.ok).toBe(true);
    const t = step(r, 'tls');
    expect(t.detail).toContain('Trusted only through the CA you gave (--ca)');
    expect(t.detail).toContain('Alexa-style clouds would reject it; the guide requires a certificate from a public CA');
    expect(t.detail).toContain('CN=127.0.0.1, issued by CN=Concierge Test Root CA');
    expect(t.detail).toContain('IP Address:127.0.0.1, DNS:localhost');
    expect(t.detail).toMatch(/TLSv1\.[23]/);
    expect(t.fix).toContain('Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS');
  });

  it('the same certificate without --ca fails: not a trusted root, naming the issuer', async () => {
    const r = await behind(pki.server);
    expect(statuses(r)).toEqual({ dns: 'pass', tcp: 'pass', tls: 'fail', ...AFTER_TLS });
    const t = step(r, 'tls');
    expect(t.detail).toContain('issued by CN=Concierge Test Root CA, which is not a trusted root');
    expect(t.fix).toContain('New-ExchangeCertificate -GenerateRequest -SubjectName "CN=127.0.0.1" -DomainName 127.0.0.1');
    expect(t.fix).toContain('give its certificate with --ca');
    expect(step(r, 'endpoint').detail).toBe('skipped: tls failed');
  });

  it('a self-signed certificate fails as self-signed', async () => {
    const r = await behind(pki.selfSigned);
    expect(statuses(r)).toEqual({ dns: 'pass', tcp: 'pass', tls: 'fail', ...AFTER_TLS });
    const t = step(r, 'tls');
    expect(t.detail).toContain('self-signed, so no client can trust it (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(t.detail).toContain('CN=localhost, issued by itself (self-signed)');
    expect(t.fix).toContain('Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services,CertificateDomains');
  });

  it('an expired certificate fails with its expiry date and the renewal commands for its thumbprint', async () => {
    const r = await behind(pki.expired, { ca: pki.caCert });
    expect(statuses(r)).toEqual({ dns: 'pass', tcp: 'pass', tls: 'fail', ...AFTER_TLS });
    const t = step(r, 'tls');
    expect(t.detail).toContain('it expired on 2020-01-02 00:00 UTC (CERT_HAS_EXPIRED)');
    expect(t.detail).not.toContain('not a trusted root');
    const thumbprint = /thumbprint ([0-9A-F]{40})/.exec(t.detail)?.[1];
    expect(thumbprint).toBeDefined();
    expect(t.fix).toContain(`Get-ExchangeCertificate -Thumbprint ${thumbprint} | New-ExchangeCertificate`);
    expect(t.fix).toContain('Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS');
  });

  it('an expired certificate from an unknown CA reports both problems, though OpenSSL names only one', async () => {
    const t = step(await behind(pki.expired), 'tls');
    expect(t.status).toBe('fail');
    expect(t.detail).toContain('not a trusted root');
    expect(t.detail).toContain('it expired on 2020-01-02 00:00 UTC');
  });

  it('a certificate for another host fails naming the names it carries', async () => {
    const r = await behind(pki.wrongHost, { ca: pki.caCert });
    expect(statuses(r)).toEqual({ dns: 'pass', tcp: 'pass', tls: 'fail', ...AFTER_TLS });
    const t = step(r, 'tls');
    expect(t.detail).toContain('it is issued for DNS:mail.example.org, not for 127.0.0.1 (ERR_TLS_CERT_ALTNAME_INVALID)');
    expect(t.fix).toContain('https://mail.example.org/EWS/Exchange.asmx');
    expect(t.fix).toContain('-DomainName 127.0.0.1,mail.example.org');
  });

  it('plain http on the https port fails the handshake without a certificate to blame', async () => {
    const r = await analyze({ ...base, url: sim.ewsUrl.replace('http:', 'https:') }, { timeoutMs: 5_000 });
    const t = step(r, 'tls');
    expect(t.status).toBe('fail');
    expect(t.detail).toMatch(/^The TLS handshake with 127\.0\.0\.1:\d+ failed/);
    expect(t.fix).toContain('speaks HTTPS (not plain http)');
  });
});

describe('analyze: network', () => {
  it('nothing listening: tcp fails with connection refused, later steps skip', async () => {
    const port = await closedPort();
    const r = await analyze({ ...base, url: `https://127.0.0.1:${port}/EWS/Exchange.asmx` }, { timeoutMs: 5_000 });
    expect(statuses(r)).toEqual({ dns: 'pass', tcp: 'fail', tls: 'skip', ...AFTER_TLS });
    expect(step(r, 'dns').detail).toContain('127.0.0.1 is an IP address: nothing to resolve');
    expect(step(r, 'tcp').detail).toContain(`127.0.0.1:${port}: connection refused, nothing listens on that port (ECONNREFUSED)`);
    expect(step(r, 'tcp').fix).toContain(`HTTPS port ${port}`);
    expect(step(r, 'tls').detail).toBe('skipped: tcp failed');
  });

  it('a name that does not resolve: dns fails, everything after skips', async () => {
    const r = await analyze({ ...base, url: 'https://nonexistent.invalid/EWS/Exchange.asmx' }, { timeoutMs: 5_000 });
    expect(statuses(r)).toEqual({ dns: 'fail', tcp: 'skip', tls: 'skip', ...AFTER_TLS });
    expect(step(r, 'dns').detail).toMatch(/^nonexistent\.invalid does not resolve: .+ \((ENOTFOUND|EAI_AGAIN|ETIMEDOUT)\)\.$/);
    expect(step(r, 'dns').fix).toContain('nslookup nonexistent.invalid');
    expect(r.steps.slice(1).every((s) => s.detail === 'skipped: dns failed')).toBe(true);
    expect(r.ok).toBe(false);
  });

  it('localhost resolves to a loopback address, noted as private', async () => {
    const port = await closedPort();
    const r = await analyze({ ...base, url: `http://localhost:${port}/EWS/Exchange.asmx` }, { timeoutMs: 5_000 });
    expect(step(r, 'dns').status).toBe('pass');
    expect(step(r, 'dns').detail).toMatch(/^localhost resolves to .*(127\.0\.0\.1|::1).*a private address/);
  });

  it('something that is not a URL fails at the first step', async () => {
    const r = await analyze({ ...base, url: 'mail.contoso.com/EWS/Exchange.asmx' });
    expect(step(r, 'dns').status).toBe('fail');
    expect(step(r, 'dns').detail).toContain('is not a URL');
  });
});
