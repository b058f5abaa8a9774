import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs it loaded first.
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface LocalPki {
  /** PEM of the CA certificate: what a client passes as its extra trusted CA (`--ca`). */
  readonly caPem: string;
  /** PEM of the server certificate followed by the CA (the chain the server sends). */
  readonly certChainPem: string;
  /** PKCS#8 PEM of the server key. */
  readonly keyPem: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

/**
 * A private CA and a server certificate for the simulator's host names, made fresh at start: TLS on
 * the simulator is real TLS, and clients trust it only through the explicit CA file (never by turning
 * verification off). Valid for one year.
 */
export async function createLocalPki(hostNames: readonly string[], now = new Date()): Promise<LocalPki> {
  const notAfter = new Date(now.getTime() + 365 * 86_400_000);
  const notBefore = new Date(now.getTime() - 60_000);
  const caKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Concierge Exchange Simulator CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true), await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey)],
  });
  const serverKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const names = hostNames.map((h) => (/^[\d.]+$|:/.test(h) ? { type: 'ip' as const, value: h } : { type: 'dns' as const, value: h }));
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=${hostNames[0] ?? 'localhost'}`,
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingKey: caKeys.privateKey,
    publicKey: serverKeys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(ca, false),
    ],
  });
  const key = await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  return { caPem: ca.toString('pem') + '\n', certChainPem: `${server.toString('pem')}\n${ca.toString('pem')}\n`, keyPem: pem('PRIVATE KEY', key) };
}
