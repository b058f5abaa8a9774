import { X509Certificate } from 'node:crypto';

/**
 * The certificate checks Amazon requires of a skill hosted as a web service: the signing certificate is
 * valid now, names echo-api.amazon.com, and chains to a trusted root.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html
 */

/** The name Amazon's signing certificate must carry as a DNS subject alternative name. */
export const ECHO_API_SAN = 'echo-api.amazon.com';

/** A chain file holds the signing certificate and its intermediates: a handful, never dozens. */
const MAX_CHAIN_CERTS = 10;

/** The signing certificate first, then what the file carried after it. */
export interface CertChain {
  readonly leaf: X509Certificate;
  readonly intermediates: readonly X509Certificate[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Parses every certificate in a PEM file, in order; throws with a reason when there is none or one is broken. */
export function parsePemChain(pem: string): CertChain {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error('the file holds no PEM certificate');
  if (blocks.length > MAX_CHAIN_CERTS) throw new Error(`the file holds ${blocks.length} certificates (at most ${MAX_CHAIN_CERTS} expected)`);
  const certs = blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (err) {
      throw new Error(`certificate ${i + 1} does not parse: ${(err as Error).message}`);
    }
  });
  return { leaf: certs[0]!, intermediates: certs.slice(1) };
}

/** Parses trusted roots once; an unparsable root is skipped (it could never anchor anything). */
export function parseRoots(pems: readonly string[]): readonly X509Certificate[] {
  const roots: X509Certificate[] = [];
  for (const pem of pems) {
    try {
      roots.push(new X509Certificate(pem));
    } catch {
      // Node's bundle parses; an operator-supplied file with a bad entry must not take the endpoint down.
    }
  }
  return roots;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Node 20 gives validity as OpenSSL prints it (`Dec  8 09:00:00 2026 GMT`); `validFromDate` only arrived in
 * Node 22.10. Parsed strictly rather than through `Date`'s lenient legacy parser.
 */
export function parseCertTime(text: string): number {
  const m = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  if (!m || month < 0) throw new Error(`unreadable certificate time "${text}"`);
  return Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

/** Why `cert` is not valid at `now`, or undefined when it is. */
export function validityProblem(cert: X509Certificate, now: number): string | undefined {
  const notBefore = parseCertTime(cert.validFrom);
  const notAfter = parseCertTime(cert.validTo);
  if (now < notBefore) return `"${cert.subject}" is not valid before ${cert.validFrom}`;
  if (now > notAfter) return `"${cert.subject}" expired ${cert.validTo}`;
  return undefined;
}

/**
 * True when the certificate lists `echo-api.amazon.com` as a DNS subject alternative name. OpenSSL does the
 * matching (`checkHost` with the subject CN ignored and wildcards off), so quoting in Node's SAN string
 * cannot fool it, and neither can `*.amazon.com`.
 */
export function namesEchoApi(cert: X509Certificate): boolean {
  return cert.checkHost(ECHO_API_SAN, { subject: 'never', wildcards: false }) !== undefined;
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Builds a path from the leaf through the file's CA certificates to one of `roots`, checking every
 * signature and that each certificate on the path is valid at `now`. Returns why it failed, or undefined.
 * A root included in the file counts only if it is also one of `roots`.
 */
export function chainProblem(chain: CertChain, roots: readonly X509Certificate[], now: number): string | undefined {
  const unused = [...chain.intermediates];
  let current = chain.leaf;
  for (let depth = 0; depth <= MAX_CHAIN_CERTS; depth++) {
    const anchor = roots.find((root) => issuedBy(current, root));
    if (anchor) return validityProblem(anchor, now);
    const next = unused.findIndex((c) => c.ca && issuedBy(current, c));
    if (next < 0) return `no trusted root or CA certificate in the file issued "${current.subject}" (issuer "${current.issuer}")`;
    current = unused.splice(next, 1)[0]!;
    const invalid = validityProblem(current, now);
    if (invalid) return invalid;
  }
  return 'the chain is longer than any Amazon issues';
}
