import { verify as verifySignature, type X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { RequestEnvelope } from 'ask-sdk-model';
import { AppError } from '../../shared/errors.js';
import { chainProblem, namesEchoApi, parsePemChain, parseRoots, validityProblem, type CertChain } from './cert-chain.js';
import { parseEnvelope } from './envelope.js';

/**
 * Verifies that a request really comes from Alexa, for this skill, just now, as Amazon requires of skills
 * hosted as web services (a skill that skips any of this fails certification, and anyone could drive it).
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html
 */

export type VerificationReason =
  | 'MissingHeaders'
  | 'CertUrlInvalid'
  | 'CertChainUnavailable'
  | 'CertChainMalformed'
  | 'CertNotValidNow'
  | 'CertSanMismatch'
  | 'CertChainUntrusted'
  | 'SignatureMismatch'
  | 'BodyMalformed'
  | 'TimestampRejected'
  | 'ApplicationIdMismatch';

const HINTS: Record<VerificationReason, string> = {
  MissingHeaders: 'Only Alexa may call this endpoint; requests without SignatureCertChainUrl and Signature-256 are refused.',
  CertUrlInvalid: 'Alexa always signs with a certificate under https://s3.amazonaws.com/echo.api/; this request did not.',
  CertChainUnavailable: 'Check that the server can reach https://s3.amazonaws.com (proxy, firewall, DNS).',
  CertChainMalformed: 'The certificate file did not parse; if this repeats for genuine Alexa traffic, report it.',
  CertNotValidNow: 'Check the server clock (NTP); Alexa rotates its certificate well before it expires.',
  CertSanMismatch: 'The certificate is not Alexa’s: it does not name echo-api.amazon.com.',
  CertChainUntrusted: 'The certificate does not chain to a trusted root; check the trusted roots Concierge was given.',
  SignatureMismatch: 'The body does not match its signature: it was changed on the way, or not signed by Alexa.',
  BodyMalformed: 'The body is not an Alexa request envelope.',
  TimestampRejected: 'Alexa requests are valid for 150 seconds; check the server clock (NTP) if genuine requests are refused.',
  ApplicationIdMismatch: 'Set Concierge’s Alexa skill id to the id shown in the Alexa developer console for this skill.',
};

/** Why a request was refused: for the log only; the caller learns nothing beyond "verification failed". */
export class AlexaVerificationError extends AppError {
  constructor(
    readonly reason: VerificationReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Alexa${reason}`, message, HINTS[reason], options);
  }
}

/** Downloads the PEM file at an already-checked URL. */
export type CertChainFetcher = (url: string) => Promise<string>;

export interface AlexaVerifierOptions {
  /** The skill id from the developer console (`amzn1.ask.skill.…`); requests for other skills are refused. */
  readonly skillId: string;
  /** Default: {@link fetchCertChainOverHttps}. Tests serve a local chain. */
  readonly fetchCertChain?: CertChainFetcher;
  /** PEM roots a chain must reach. Default: Node's bundled Mozilla roots (`tls.rootCertificates`). */
  readonly trustedRoots?: readonly string[];
  /** Milliseconds since the epoch. Default: `Date.now`. */
  readonly now?: () => number;
  /** Default and Amazon's maximum: 150. */
  readonly toleranceSeconds?: number;
}

/** The headers of a request as Node gives them (lower-case names). */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

const MAX_CHAIN_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_CACHED_CHAINS = 16;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The production fetcher: plain HTTPS with Node's default certificate verification, no redirects (the URL
 * was checked, a redirect target was not), a timeout well inside Alexa's 8-second budget, and a size cap.
 */
export async function fetchCertChainOverHttps(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`GET ${url} answered HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_CHAIN_BYTES) throw new Error(`GET ${url} is ${declared} bytes (at most ${MAX_CHAIN_BYTES})`);
  const text = await res.text();
  if (text.length > MAX_CHAIN_BYTES) throw new Error(`GET ${url} is over ${MAX_CHAIN_BYTES} bytes`);
  return text;
}

/**
 * Checks the SignatureCertChainUrl the way Amazon specifies: https, host s3.amazonaws.com (any case), port
 * 443 if given, and a path that starts with `/echo.api/` (case-sensitive) once `..` and `.` segments are
 * resolved. Returns the normalised URL, which is what gets fetched and cached.
 */
export function checkCertUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AlexaVerificationError('CertUrlInvalid', `SignatureCertChainUrl "${raw}" is not a URL`);
  }
  // WHATWG URL parsing lower-cases scheme and host, drops the default port, and resolves dot segments
  // (including %2e%2e), which is the normalisation Amazon asks for.
  const bad = (why: string) => new AlexaVerificationError('CertUrlInvalid', `SignatureCertChainUrl "${raw}" ${why}`);
  if (url.protocol !== 'https:') throw bad('is not https');
  if (url.hostname !== 's3.amazonaws.com') throw bad('is not on s3.amazonaws.com');
  if (url.port !== '' && url.port !== '443') throw bad('names a port other than 443');
  if (url.username !== '' || url.password !== '') throw bad('carries credentials');
  if (!url.pathname.startsWith('/echo.api/')) throw bad(`has the path "${url.pathname}", not one under /echo.api/`);
  return url;
}

function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/**
 * Signature-256 (RSA-SHA256) when present. The SHA-1 `Signature` is legacy: used only when Alexa sent no
 * Signature-256, never as a fallback for a Signature-256 that fails.
 */
function pickSignature(headers: RequestHeaders): { readonly algorithm: 'sha256' | 'sha1'; readonly value: string } | undefined {
  const sha256 = header(headers, 'signature-256');
  if (sha256) return { algorithm: 'sha256', value: sha256 };
  const sha1 = header(headers, 'signature');
  return sha1 ? { algorithm: 'sha1', value: sha1 } : undefined;
}

/** See the file comment. One instance per skill endpoint: it caches certificate chains by URL. */
export class AlexaRequestVerifier {
  readonly #skillId: string;
  readonly #fetch: CertChainFetcher;
  readonly #rootPems: readonly string[];
  #roots: readonly X509Certificate[] | undefined;
  readonly #now: () => number;
  readonly #toleranceMs: number;
  /** Normalised URL -> chain. Amazon rotates by publishing a new URL, so entries never need refreshing. */
  readonly #chains = new Map<string, Promise<CertChain>>();

  constructor(options: AlexaVerifierOptions) {
    if (!options.skillId) throw new AppError('AlexaSkillIdMissing', 'The Alexa skill id is not configured.', 'Set it to the id shown in the Alexa developer console.');
    this.#skillId = options.skillId;
    this.#fetch = options.fetchCertChain ?? fetchCertChainOverHttps;
    this.#rootPems = options.trustedRoots ?? rootCertificates;
    this.#now = options.now ?? Date.now;
    this.#toleranceMs = Math.min(options.toleranceSeconds ?? 150, 150) * 1000;
  }

  /**
   * Returns the parsed envelope of a genuine request, or throws {@link AlexaVerificationError} saying why not.
   * Cheap checks run first, so a forged request costs no download.
   */
  async verify(headers: RequestHeaders, body: unknown): Promise<RequestEnvelope> {
    const certUrl = header(headers, 'signaturecertchainurl');
    const signature = pickSignature(headers);
    if (!certUrl || !signature) throw new AlexaVerificationError('MissingHeaders', `the request lacks ${certUrl ? 'Signature-256 (and Signature)' : 'SignatureCertChainUrl'}`);
    const url = checkCertUrl(certUrl);
    if (!BASE64.test(signature.value)) throw new AlexaVerificationError('SignatureMismatch', `the ${signature.algorithm} signature header is not base64`);
    if (!Buffer.isBuffer(body)) throw new AlexaVerificationError('BodyMalformed', 'the request has no body');

    const parsed = parseEnvelope(body);
    if (!parsed.ok) throw new AlexaVerificationError('BodyMalformed', parsed.why);
    const now = this.#now();
    this.#checkTimestamp(parsed.envelope, now);
    this.#checkApplicationId(parsed.envelope);

    const chain = await this.#chain(url.href);
    const invalid = validityProblem(chain.leaf, now);
    if (invalid) throw new AlexaVerificationError('CertNotValidNow', `the signing certificate ${invalid}`);
    if (!namesEchoApi(chain.leaf)) throw new AlexaVerificationError('CertSanMismatch', `the signing certificate "${chain.leaf.subject}" has no DNS subject alternative name echo-api.amazon.com (it has: ${chain.leaf.subjectAltName ?? 'none'})`);
    const untrusted = chainProblem(chain, this.#trustedRoots(), now);
    if (untrusted) throw new AlexaVerificationError('CertChainUntrusted', `the chain from ${url.href} is not trusted: ${untrusted}`);

    const key = chain.leaf.publicKey;
    if (key.asymmetricKeyType !== 'rsa') throw new AlexaVerificationError('SignatureMismatch', `the signing certificate has a ${key.asymmetricKeyType ?? 'unknown'} key, not RSA`);
    if (!verifySignature(signature.algorithm, body, key, Buffer.from(signature.value, 'base64'))) {
      throw new AlexaVerificationError('SignatureMismatch', `the ${signature.algorithm === 'sha256' ? 'Signature-256' : 'legacy Signature (SHA-1)'} header does not match the body`);
    }
    return parsed.envelope;
  }

  #checkTimestamp(envelope: RequestEnvelope, now: number): void {
    const text = envelope.request.timestamp;
    const at = Date.parse(text);
    if (Number.isNaN(at)) throw new AlexaVerificationError('TimestampRejected', `request.timestamp "${text}" is not a date`);
    const skew = Math.abs(now - at);
    if (skew > this.#toleranceMs) throw new AlexaVerificationError('TimestampRejected', `request.timestamp ${text} is ${Math.round(skew / 1000)} s from now (at most ${this.#toleranceMs / 1000} s)`);
  }

  #checkApplicationId(envelope: RequestEnvelope): void {
    // Both places carry it when there is a session; both must name this skill.
    const ids = [envelope.context.System.application.applicationId, envelope.session?.application.applicationId];
    for (const id of ids) {
      if (id !== undefined && id !== this.#skillId) throw new AlexaVerificationError('ApplicationIdMismatch', `the request is for skill "${id}", this endpoint serves "${this.#skillId}"`);
    }
  }

  #trustedRoots(): readonly X509Certificate[] {
    this.#roots ??= parseRoots(this.#rootPems);
    return this.#roots;
  }

  /** Downloads and parses a chain once per URL; concurrent first requests share one download, failures are not kept. */
  #chain(url: string): Promise<CertChain> {
    const cached = this.#chains.get(url);
    if (cached) return cached;
    const loading = this.#load(url);
    if (this.#chains.size >= MAX_CACHED_CHAINS) this.#chains.delete(this.#chains.keys().next().value!);
    this.#chains.set(url, loading);
    loading.catch(() => {
      if (this.#chains.get(url) === loading) this.#chains.delete(url);
    });
    return loading;
  }

  async #load(url: string): Promise<CertChain> {
    let pem: string;
    try {
      pem = await this.#fetch(url);
    } catch (err) {
      throw new AlexaVerificationError('CertChainUnavailable', `downloading ${url} failed: ${(err as Error).message}`, { cause: err });
    }
    try {
      return parsePemChain(pem);
    } catch (err) {
      throw new AlexaVerificationError('CertChainMalformed', `${url}: ${(err as Error).message}`, { cause: err });
    }
  }
}
