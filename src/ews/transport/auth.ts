import type { HttpRequest, HttpResponse, Transport } from './types.js';

/**
 * How requests prove who they are. A strategy wraps a transport, so schemes with a handshake
 * (NTLM's three legs on one connection, OAuth's token refresh on 401) fit without touching operations.
 */
export interface AuthStrategy {
  /** The scheme, for status pages and error words: `Basic`, `NTLM`, `Bearer`. */
  readonly scheme: string;
  /** The account the credentials belong to (never the secret). */
  readonly principal: string;
  wrap(inner: Transport): Transport;
}

/** HTTP Basic (RFC 7617), sent pre-emptively: the admin guide requires Basic on the EWS virtual directory. */
export class BasicAuth implements AuthStrategy {
  readonly scheme = 'Basic';
  readonly #header: string;

  constructor(readonly principal: string, password: string) {
    this.#header = `Basic ${Buffer.from(`${principal}:${password}`, 'utf8').toString('base64')}`;
  }

  wrap(inner: Transport): Transport {
    const header = this.#header;
    return {
      send: (req: HttpRequest): Promise<HttpResponse> => inner.send({ ...req, headers: { ...req.headers, authorization: header } }),
      close: () => inner.close(),
    };
  }

  /** Never let the secret reach a log through util.inspect or JSON. */
  toJSON(): object {
    return { scheme: this.scheme, principal: this.principal };
  }
}

/** OAuth 2 bearer tokens (Exchange Online, or on-premises with hybrid modern auth). */
export class BearerAuth implements AuthStrategy {
  readonly scheme = 'Bearer';
  constructor(readonly principal: string, private readonly getToken: () => Promise<string>) {}

  wrap(inner: Transport): Transport {
    return {
      send: async (req) => inner.send({ ...req, headers: { ...req.headers, authorization: `Bearer ${await this.getToken()}` } }),
      close: () => inner.close(),
    };
  }

  toJSON(): object {
    return { scheme: this.scheme, principal: this.principal };
  }
}
