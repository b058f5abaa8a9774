import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { hostNameFix, publicCertificateFix, renewCertificateFix } from './fixes.js';
import { errorCode, type Target } from './network.js';
import { fail, pass, warn, type Finding } from './types.js';

/** What the server's certificate says, in the words a finding uses. */
export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  /** subjectAltName entries, e.g. `DNS:mail.contoso.com`, `IP Address:127.0.0.1`. */
  readonly names: readonly string[];
  readonly validFrom: Date;
  readonly validTo: Date;
  /** SHA-1, upper-case hex without colons: the Thumbprint Get-ExchangeCertificate shows. */
  readonly thumbprint: string;
  readonly selfSigned: boolean;
}

interface Handshake {
  readonly error?: { readonly code: string; readonly message: string };
  readonly peer?: tls.DetailedPeerCertificate;
  readonly protocol?: string;
}

/** Chain errors: the certificate does not lead to a root this client trusts. */
const UNTRUSTED = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const HOST_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID']);
const DAY = 86_400_000;
const RENEW_WITHIN_DAYS = 14;

const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function summarize(peer: tls.PeerCertificate): CertificateSummary {
  const x = new X509Certificate(peer.raw);
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    names: (x.subjectAltName ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    validFrom: new Date(Date.parse(x.validFrom)),
    validTo: new Date(Date.parse(x.validTo)),
    thumbprint: x.fingerprint.replace(/:/g, '').toUpperCase(),
    selfSigned: x.subject === x.issuer && x.verify(x.publicKey),
  };
}

/**
 * One TLS handshake with verification on (the default; it is never turned off). The certificate is
 * read as the handshake completes, before Node's own check may end the connection, so a rejected
 * certificate can still be described: Node emits the internal 'secure' event first and verifies in a
 * listener of it, hence prependListener.
 */
function handshake(target: Target, address: string, ca: readonly string[] | undefined, timeoutMs: number): Promise<Handshake> {
  return new Promise((resolve) => {
    let peer: tls.DetailedPeerCertificate | undefined;
    const socket = tls.connect({ host: address, port: target.port, ...(isIP(target.host) ? {} : { servername: target.host }), ...(ca ? { ca: [...ca] } : {}) });
    const capture = () => {
      const p = socket.getPeerCertificate(true);
      if (p && p.raw) peer = p;
    };
    socket.prependListener('secure', capture);
    socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error(`no TLS handshake within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
    socket.once('secureConnect', () => {
      capture();
      const protocol = socket.getProtocol() ?? undefined;
      socket.end();
      socket.destroy();
      resolve({ ...(peer ? { peer } : {}), ...(protocol ? { protocol } : {}) });
    });
    socket.once('error', (err) => {
      socket.destroy();
      resolve({ error: { code: errorCode(err), message: err.message }, ...(peer ? { peer } : {}) });
    });
  });
}

/**
 * Whether the presented chain leads to one of the roots: some certificate in it is a root, or is
 * signed by one. Signatures only; dates and names are judged separately.
 */
export function chainsToRoot(peer: tls.DetailedPeerCertificate, roots: readonly string[]): boolean {
  const anchors = roots.flatMap(parsePem);
  const seen = new Set<string>();
  for (let c: tls.DetailedPeerCertificate | undefined = peer; c?.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    const x = new X509Certificate(c.raw);
    if (anchors.some((r) => r.fingerprint256 === x.fingerprint256 || (x.checkIssued(r) && x.verify(r.publicKey)))) return true;
  }
  return false;
}

function parsePem(pem: string): X509Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).flatMap((block) => {
    try {
      return [new X509Certificate(block)];
    } catch {
      return [];
    }
  });
}

function describe(c: CertificateSummary, now: Date): string {
  const days = Math.round((c.validTo.getTime() - now.getTime()) / DAY);
  const left = days >= 0 ? `in ${days} day${days === 1 ? '' : 's'}` : `${-days} day${days === -1 ? '' : 's'} ago`;
  return `${c.subject}, issued by ${c.selfSigned ? 'itself (self-signed)' : c.issuer}; names ${c.names.length ? c.names.join(', ') : 'none (no subjectAltName)'}; valid ${utc(c.validFrom)} to ${utc(c.validTo)} (${days >= 0 ? 'expires' : 'expired'} ${left}); thumbprint ${c.thumbprint}`;
}

/** Checks the HTTPS certificate: chain to a trusted root, host name, dates. Plain http warns. */
export async function checkTls(target: Target, address: string, ca: string | undefined, timeoutMs: number, now: Date): Promise<Finding> {
  if (!target.https) {
    return warn(
      `Plain http to ${target.host}:${target.port}: the service account's password travels in clear text with every request (Basic authentication), and nothing proves the server is Exchange.`,
      `Use https://${target.host}/EWS/Exchange.asmx with a certificate from a public CA (the guide requires one).`,
    );
  }
  const roots = ca === undefined ? undefined : [...tls.rootCertificates, ca];
  const first = await handshake(target, address, roots, timeoutMs);
  const cert = first.peer ? summarize(first.peer) : undefined;
  if (first.error) return rejected(target, first.error, first.peer, cert, { roots: roots ?? tls.rootCertificates, gaveCa: ca !== undefined }, now);
  if (!cert) return pass(`TLS handshake with ${target.host} succeeded${first.protocol ? ` (${first.protocol})` : ''}; the certificate could not be read.`);
  const seen = `${describe(cert, now)}; ${first.protocol ?? 'TLS'}.`;
  const daysLeft = (cert.validTo.getTime() - now.getTime()) / DAY;
  const soon = daysLeft < RENEW_WITHIN_DAYS ? ` It expires in less than ${RENEW_WITHIN_DAYS} days: renew it now.` : '';
  if (ca !== undefined) {
    // Trusted with the extra CA: would it be trusted without it, as by any other client?
    const publicOnly = await handshake(target, address, undefined, timeoutMs);
    if (publicOnly.error && UNTRUSTED.has(publicOnly.error.code)) {
      return warn(
        `Trusted only through the CA you gave (--ca): ${seen} Alexa-style clouds would reject it; the guide requires a certificate from a public CA.${soon}`,
        publicCertificateFix(target.host) + (soon ? `\n${renewCertificateFix(cert.thumbprint)}` : ''),
      );
    }
  }
  if (soon) return warn(`Valid and trusted: ${seen}${soon}`, renewCertificateFix(cert.thumbprint));
  return pass(`Valid and trusted: ${seen}`);
}

/** Every reason the certificate is refused, each with its fix. */
function rejected(target: Target, error: { code: string; message: string }, peer: tls.DetailedPeerCertificate | undefined, cert: CertificateSummary | undefined, trust: { readonly roots: readonly string[]; readonly gaveCa: boolean }, now: Date): Finding {
  const reasons: string[] = [];
  const fixes: string[] = [];
  const { roots, gaveCa } = trust;
  // OpenSSL reports one error; a date error may hide an untrusted chain, so look at the chain as well.
  const untrusted = UNTRUSTED.has(error.code) || (DATE_ERRORS.has(error.code) && peer !== undefined && !chainsToRoot(peer, roots));
  if (untrusted) {
    const code = UNTRUSTED.has(error.code) ? ` (${error.code})` : '';
    if (cert?.selfSigned || error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT') reasons.push(`the certificate is self-signed, so no client can trust it${code}`);
    else reasons.push(`the certificate is issued by ${cert?.issuer ?? 'a CA'}, which is not a trusted root${gaveCa ? ', not even with the CA you gave (--ca)' : ''}${code}`);
    fixes.push(publicCertificateFix(target.host) + (gaveCa ? '' : '\nTo test a private CA anyway, give its certificate with --ca (cloud services would still reject it).'));
  }
  const dateBad = cert ? cert.validTo < now || cert.validFrom > now : DATE_ERRORS.has(error.code);
  if (dateBad) {
    const code = DATE_ERRORS.has(error.code) ? ` (${error.code})` : '';
    if (cert && cert.validTo < now) reasons.push(`it expired on ${utc(cert.validTo)}${code}`);
    else if (cert) reasons.push(`it is not valid before ${utc(cert.validFrom)}${code}: check the clocks of Exchange and of this machine`);
    else reasons.push(error.code === 'CERT_HAS_EXPIRED' ? 'it has expired' : 'it is not yet valid');
    fixes.push(renewCertificateFix(cert?.thumbprint));
  }
  const hostError = peer ? tls.checkServerIdentity(target.host, peer) : HOST_ERRORS.has(error.code) ? new Error(error.message) : undefined;
  if (hostError) {
    reasons.push(`it is issued for ${cert?.names.length ? cert.names.join(', ') : (cert?.subject ?? 'other names')}, not for ${target.host}${HOST_ERRORS.has(error.code) ? ` (${error.code})` : ''}`);
    fixes.push(hostNameFix(target.host, (cert?.names ?? []).map((n) => n.replace(/^(DNS|IP Address):/, ''))));
  }
  if (reasons.length === 0) {
    return fail(
      `The TLS handshake with ${target.host}:${target.port} failed: ${error.message} (${error.code}).${cert ? ` Certificate: ${describe(cert, now)}.` : ''}`,
      `Check that ${target.host}:${target.port} speaks HTTPS (not plain http) with TLS 1.2 or later, and that no proxy in between cuts the handshake.`,
    );
  }
  const seen = cert ? ` Certificate: ${describe(cert, now)}.` : '';
  return fail(`${target.host}:${target.port} presents a certificate this client must refuse: ${reasons.join('; ')}.${seen}`, [...new Set(fixes)].join('\n'));
}
