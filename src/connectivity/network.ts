import { promises as dns } from 'node:dns';
import { isIP, connect as tcpConnect } from 'node:net';
import { fail, pass, type Finding } from './types.js';

/** Where the URL points, as the network steps need it. */
export interface Target {
  readonly url: URL;
  /** Host name without IPv6 brackets. */
  readonly host: string;
  readonly port: number;
  readonly https: boolean;
}

/** The URL's parts, or the reason it cannot be checked. */
export function parseTarget(raw: string): Target | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `"${raw}" is not an http(s) URL (it uses ${url.protocol})`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  return { url, host, port: url.port ? Number(url.port) : https ? 443 : 80, https };
}

/** Runs `work`, or rejects with a `code: 'ETIMEDOUT'` error after `ms`. */
export async function withTimeout<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const errorCode = (err: unknown): string => {
  const c = (err as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : 'unknown error';
};

/** Loopback, RFC 1918, link-local and unique-local addresses: reachable only from inside a network. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

function reachNote(addresses: readonly string[]): string {
  return addresses.every(isPrivateAddress) ? ' (a private address: fine for a self-hosted Concierge; a cloud service could not reach it)' : '';
}

/** Resolves the host with the system resolver (as the HTTP client will); an IP literal needs nothing. */
export async function checkDns(target: Target, timeoutMs: number): Promise<{ finding: Finding; addresses: string[] }> {
  if (isIP(target.host)) {
    return { finding: pass(`${target.host} is an IP address: nothing to resolve${reachNote([target.host])}.`), addresses: [target.host] };
  }
  try {
    const found = await withTimeout(timeoutMs, dns.lookup(target.host, { all: true, verbatim: true }));
    const addresses = found.map((a) => a.address);
    if (addresses.length === 0) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
    return { finding: pass(`${target.host} resolves to ${addresses.join(', ')}${reachNote(addresses)}.`), addresses };
  } catch (err) {
    const code = errorCode(err);
    const why = code === 'ENOTFOUND' ? 'no such name' : code === 'EAI_AGAIN' || code === 'ETIMEDOUT' ? 'the DNS server did not answer in time' : code === 'ENODATA' ? 'the name has no A or AAAA record' : 'the lookup failed';
    return {
      finding: fail(
        `${target.host} does not resolve: ${why} (${code}).`,
        `Check the spelling of the host in the URL. The EWS host must resolve from this machine (nslookup ${target.host}); Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl shows the URL Exchange publishes.`,
      ),
      addresses: [],
    };
  }
}

/** Opens a TCP connection to the first address that answers. */
export async function checkTcp(target: Target, addresses: readonly string[], timeoutMs: number): Promise<{ finding: Finding; address?: string }> {
  const failures: string[] = [];
  for (const address of addresses) {
    const started = Date.now();
    try {
      await connectOnce(address, target.port, timeoutMs);
      return { finding: pass(`Connected to ${formatAddress(address, target.port)} in ${Date.now() - started} ms.`), address };
    } catch (err) {
      const code = errorCode(err);
      const why = code === 'ECONNREFUSED' ? 'connection refused, nothing listens on that port' : code === 'ETIMEDOUT' ? `no answer within ${timeoutMs / 1000} s (a firewall dropping packets?)` : code === 'EHOSTUNREACH' || code === 'ENETUNREACH' ? 'no route to that address' : 'the connection failed';
      failures.push(`${formatAddress(address, target.port)}: ${why} (${code})`);
    }
  }
  return {
    finding: fail(
      `Could not connect to ${target.host} on port ${target.port}: ${failures.join('; ')}.`,
      `Check that Exchange's web server (IIS) listens on ${target.https ? 'HTTPS' : 'HTTP'} port ${target.port} of ${target.host}, and that firewalls and load balancers let this machine through. Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl shows the URL Exchange publishes.`,
    ),
  };
}

export function formatAddress(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

function connectOnce(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    });
    socket.once('connect', () => {
      socket.end();
      socket.destroy();
      resolve();
    });
    socket.once('error', (err) => {
      socket.destroy();
      reject(err);
    });
  });
}
