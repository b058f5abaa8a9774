import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs it loaded first.
import { KeyObject, sign, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/**
 * A stand-in for Amazon's signing PKI, made fresh per run (RSA 2048, like Amazon's): a root, an
 * intermediate, and leaves signed by it; plus a rogue root that nobody trusts. Validity is relative to
 * {@link CLOCK}, the instant the fixtures were "sent", so the tests never depend on today's date.
 */
export const CLOCK = Date.parse('2026-12-08T09:00:00Z');
export const SKILL_ID = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
export const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

const DAY = 86_400_000;
const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface AlexaPki {
  /** The root tests hand to the verifier as its only trusted root. */
  readonly rootPem: string;
  /** PEM files by name, each the leaf followed by its intermediates, served by the fake fetcher. */
  readonly chains: {
    /** Valid at CLOCK, SAN echo-api.amazon.com, root -> intermediate -> leaf. */
    readonly valid: string;
    /** The same, with the root appended (Amazon's files sometimes carry it). */
    readonly validWithRoot: string;
    /** Expired a day before CLOCK. */
    readonly expired: string;
    /** Not valid until a day after CLOCK. */
    readonly notYetValid: string;
    /** Valid, but its SAN is www.example.com. */
    readonly noEchoSan: string;
    /** Valid, SAN *.amazon.com (a wildcard is not the name Amazon requires). */
    readonly wildcardSan: string;
    /** Valid, SAN echo-api.amazon.com, but issued by a root nobody trusts. */
    readonly rogue: string;
    /** The leaf alone, without the intermediate that links it to the root. */
    readonly missingIntermediate: string;
  };
  /** Signs bytes with the leaf key of every chain above (they share one key). */
  sign(body: Buffer, algorithm?: 'sha256' | 'sha1'): string;
  /** Signs with a key that matches no certificate. */
  signWithStrangerKey(body: Buffer): string;
}

async function keys(): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

async function ca(name: string, own: webcrypto.CryptoKeyPair, issuer?: { cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }): Promise<x509.X509Certificate> {
  const extensions = [new x509.BasicConstraintsExtension(true, issuer ? 0 : undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true), await x509.SubjectKeyIdentifierExtension.create(own.publicKey)];
  const validity = { notBefore: new Date(CLOCK - 365 * DAY), notAfter: new Date(CLOCK + 365 * DAY) };
  if (!issuer) return x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name, keys: own, signingAlgorithm: ALG, extensions, ...validity });
  return x509.X509CertificateGenerator.create({ serialNumber: '02', subject: name, issuer: issuer.cert.subject, signingKey: issuer.keys.privateKey, publicKey: own.publicKey, signingAlgorithm: ALG, extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(issuer.cert, false)], ...validity });
}

async function leaf(serial: string, san: string, issuer: { cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }, publicKey: webcrypto.CryptoKey, from: number, to: number): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: `CN=${san}`,
    issuer: issuer.cert.subject,
    notBefore: new Date(from),
    notAfter: new Date(to),
    signingKey: issuer.keys.privateKey,
    publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: san }]),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert, false),
    ],
  });
}

const pem = (...certs: x509.X509Certificate[]) => certs.map((c) => `${c.toString('pem')}\n`).join('');

export async function createAlexaPki(): Promise<AlexaPki> {
  const [rootKeys, intKeys, leafKeys, rogueKeys, strangerKeys] = await Promise.all([keys(), keys(), keys(), keys(), keys()]);
  const root = { cert: await ca('CN=Concierge Test Alexa Root', rootKeys), keys: rootKeys };
  const int = { cert: await ca('CN=Concierge Test Alexa Intermediate', intKeys, root), keys: intKeys };
  const rogue = { cert: await ca('CN=Concierge Test Rogue Root', rogueKeys), keys: rogueKeys };
  const now = [CLOCK - DAY, CLOCK + 30 * DAY] as const;
  const [valid, expired, notYetValid, noEchoSan, wildcardSan, rogueLeaf] = await Promise.all([
    leaf('10', 'echo-api.amazon.com', int, leafKeys.publicKey, ...now),
    leaf('11', 'echo-api.amazon.com', int, leafKeys.publicKey, CLOCK - 30 * DAY, CLOCK - DAY),
    leaf('12', 'echo-api.amazon.com', int, leafKeys.publicKey, CLOCK + DAY, CLOCK + 30 * DAY),
    leaf('13', 'www.example.com', int, leafKeys.publicKey, ...now),
    leaf('14', '*.amazon.com', int, leafKeys.publicKey, ...now),
    leaf('15', 'echo-api.amazon.com', rogue, leafKeys.publicKey, ...now),
  ]);
  const leafKey = KeyObject.from(leafKeys.privateKey);
  const strangerKey = KeyObject.from(strangerKeys.privateKey);
  return {
    rootPem: pem(root.cert),
    chains: {
      valid: pem(valid, int.cert),
      validWithRoot: pem(valid, int.cert, root.cert),
      expired: pem(expired, int.cert),
      notYetValid: pem(notYetValid, int.cert),
      noEchoSan: pem(noEchoSan, int.cert),
      wildcardSan: pem(wildcardSan, int.cert),
      rogue: pem(rogueLeaf, rogue.cert),
      missingIntermediate: pem(valid),
    },
    sign: (body, algorithm = 'sha256') => sign(algorithm, body, leafKey).toString('base64'),
    signWithStrangerKey: (body) => sign('sha256', body, strangerKey).toString('base64'),
  };
}

interface FixtureUser {
  userId: string;
  accessToken?: string;
}

/** The parts of a fixture envelope that tests change. */
export interface FixtureEnvelope {
  version: string;
  session?: { application: { applicationId: string }; user: FixtureUser };
  context: { System: { application: { applicationId: string }; user: FixtureUser } };
  request: { type: string; intent?: { name: string } } & Record<string, unknown>;
}

/** A fixture from test/fixtures/alexa, parsed, to change before signing. */
export function fixture(name: string): FixtureEnvelope {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/alexa/${name}.json`, import.meta.url), 'utf8')) as FixtureEnvelope;
}
