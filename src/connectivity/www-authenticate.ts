/**
 * WWW-Authenticate as IIS sends it in front of EWS: one header per enabled method (`Negotiate`, `NTLM`,
 * `Basic realm="mail.contoso.com"`), which proxies may fold into one comma-separated line.
 * RFC 9110 §11.6.1: challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ].
 */

export interface Challenge {
  /** As the server spelled it (`Basic`, `Negotiate`, `NTLM`, `Bearer`). */
  readonly scheme: string;
  /** auth-params with lower-case names and unquoted values (`realm`, `error`, …). */
  readonly params: Readonly<Record<string, string>>;
  /** A token68 (an NTLM or Negotiate blob) instead of parameters. */
  readonly token68?: string;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const SCHEME_START = new RegExp(`^(${TOKEN})(?:\\s+([\\s\\S]*))?$`);
const PARAM = new RegExp(`^(${TOKEN})\\s*=\\s*([\\s\\S]*)$`);
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Splits at commas outside quoted strings (a realm may contain commas). */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let part = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted && ch === '\\' && i + 1 < value.length) {
      part += ch + value[++i]!;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(part.trim());
      part = '';
    } else part += ch;
  }
  parts.push(part.trim());
  return parts.filter((p) => p !== '');
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

/**
 * Every challenge in the given WWW-Authenticate header values, in order.
 *
 * @example
 * parseChallenges(['Basic realm="mail.contoso.com"', 'Negotiate, NTLM'])
 * // [{ scheme: 'Basic', params: { realm: 'mail.contoso.com' } }, { scheme: 'Negotiate', params: {} }, { scheme: 'NTLM', params: {} }]
 */
export function parseChallenges(values: readonly string[]): Challenge[] {
  const out: { scheme: string; params: Record<string, string>; token68?: string }[] = [];
  for (const value of values) {
    for (const part of splitList(value)) {
      const param = PARAM.exec(part);
      const current = out[out.length - 1];
      // `realm="x"` after a scheme continues that challenge; a lone token starts a new one.
      if (param && current && current.token68 === undefined) {
        current.params[param[1]!.toLowerCase()] = unquote(param[2]!);
        continue;
      }
      const m = SCHEME_START.exec(part);
      if (!m) continue;
      const challenge: { scheme: string; params: Record<string, string>; token68?: string } = { scheme: m[1]!, params: {} };
      const rest = m[2]?.trim() ?? '';
      if (rest !== '') {
        const p = PARAM.exec(rest);
        if (TOKEN68.test(rest) && !(p && !/^=*$/.test(p[2]!))) challenge.token68 = rest;
        else if (p) challenge.params[p[1]!.toLowerCase()] = unquote(p[2]!);
      }
      out.push(challenge);
    }
  }
  return out;
}

/** What a 401 offers, in the terms the analyzer reports. */
export interface AuthOffer {
  readonly schemes: readonly string[];
  readonly basic: boolean;
  /** The Basic realm, when offered (IIS puts the host name there by default). */
  readonly realm?: string;
  /** Only OAuth (`Bearer`): Exchange Online or hybrid modern authentication. */
  readonly bearerOnly: boolean;
}

export function authOffer(values: readonly string[]): AuthOffer {
  const challenges = parseChallenges(values);
  const basic = challenges.find((c) => c.scheme.toLowerCase() === 'basic');
  const schemes = [...new Set(challenges.map((c) => c.scheme))];
  return {
    schemes,
    basic: basic !== undefined,
    ...(basic?.params.realm !== undefined ? { realm: basic.params.realm } : {}),
    bearerOnly: schemes.length > 0 && schemes.every((s) => s.toLowerCase() === 'bearer'),
  };
}

/** `Basic (realm "mail.contoso.com"), Negotiate, NTLM` */
export function describeOffer(offer: AuthOffer): string {
  if (offer.schemes.length === 0) return 'no method';
  return offer.schemes.map((s) => (s.toLowerCase() === 'basic' && offer.realm !== undefined ? `${s} (realm "${offer.realm}")` : s)).join(', ');
}
