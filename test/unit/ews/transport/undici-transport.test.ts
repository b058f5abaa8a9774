import { once } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EwsError } from '../../../../src/ews/errors.js';
import { mapNetworkError, UndiciTransport, type UndiciTransportOptions } from '../../../../src/ews/transport/undici-transport.js';
import type { HttpRequest } from '../../../../src/ews/transport/types.js';
import { createTestPki, type KeyPair, type TestPki } from '../../../support/tls.js';

const OK_BODY = '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Answers every request with a small XML body after reading the request. */
const answerOk: Handler = (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(OK_BODY);
  });
};

interface Running {
  readonly url: string;
  readonly server: http.Server;
  /** TCP connections the server accepted. */
  connections(): number;
  close(): Promise<void>;
}

async function listen(server: http.Server, scheme: 'http' | 'https', host = '127.0.0.1'): Promise<Running> {
  let count = 0;
  server.on('connection', () => count++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://${host}:${port}/EWS/Exchange.asmx`,
    server,
    connections: () => count,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const startHttps = (pair: KeyPair, handler: Handler = answerOk, host?: string) => listen(https.createServer({ cert: pair.cert, key: pair.key }, handler), 'https', host);
const startHttp = (handler: Handler) => listen(http.createServer(handler), 'http');

function request(url: string, body = '<x/>'): HttpRequest {
  return { url, headers: { 'content-type': 'text/xml; charset=utf-8' }, body, operation: 'GetFolder' };
}

/** Sends one request through a fresh transport and returns the error it fails with. */
async function failure(url: string, options: UndiciTransportOptions = {}): Promise<EwsError> {
  const t = new UndiciTransport(options);
  try {
    await t.send(request(url));
  } catch (err) {
    expect(err).toBeInstanceOf(EwsError);
    return err as EwsError;
  } finally {
    await t.close();
  }
  throw new Error(`expected ${url} to fail`);
}

/** A port on 127.0.0.1 on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  await once(s, 'close');
  return port;
}

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  await pki?.cleanup();
});

describe('UndiciTransport over TLS', () => {
  it('trusts a server certificate signed by the extra CA', async () => {
    const srv = await startHttps(pki.server);
    const t = new UndiciTransport({ ca: pki.caCert });
    try {
      const res = await t.send(request(srv.url));
      expect(res.status).toBe(200);
      expect(res.body).toBe(OK_BODY);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('trusts the same server by the name localhost (DNS SAN)', async () => {
    const srv = await startHttps(pki.server, answerOk, 'localhost');
    const t = new UndiciTransport({ ca: [pki.caCert] });
    try {
      expect((await t.send(request(srv.url))).status).toBe(200);
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('refuses a private-CA certificate when the CA was not given: TlsUntrusted', async () => {
    const srv = await startHttps(pki.server);
    try {
      const err = await failure(srv.url);
      expect(err.code).toBe('TlsUntrusted');
      expect(err.data.operation).toBe('GetFolder');
      expect(err.message).toContain(srv.url);
      expect(err.hint).toContain('--ca');
    } finally {
      await srv.close();
    }
  });

  it('refuses a self-signed certificate even with an extra CA given: TlsUntrusted', async () => {
    const srv = await startHttps(pki.selfSigned);
    try {
      expect((await failure(srv.url)).code).toBe('TlsUntrusted');
      expect((await failure(srv.url, { ca: pki.caCert })).code).toBe('TlsUntrusted');
    } finally {
      await srv.close();
    }
  });

  it('refuses an expired certificate from a trusted CA: TlsExpired', async () => {
    const srv = await startHttps(pki.expired);
    try {
      const err = await failure(srv.url, { ca: pki.caCert });
      expect(err.code).toBe('TlsExpired');
      expect(err.hint).toMatch(/Renew/);
    } finally {
      await srv.close();
    }
  });

  it('refuses a certificate for another host name: TlsHostnameMismatch', async () => {
    const srv = await startHttps(pki.wrongHost);
    try {
      expect((await failure(srv.url, { ca: pki.caCert })).code).toBe('TlsHostnameMismatch');
    } finally {
      await srv.close();
    }
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const srv = await startHttps(pki.server);
    let tlsSessions = 0;
    srv.server.on('secureConnection', () => tlsSessions++);
    const t = new UndiciTransport({ ca: pki.caCert });
    try {
      for (let i = 0; i < 5; i++) expect((await t.send(request(srv.url))).status).toBe(200);
      expect(srv.connections()).toBe(1);
      expect(tlsSessions).toBe(1);
    } finally {
      await t.close();
      await srv.close();
    }
  });
});

describe('UndiciTransport network failures', () => {
  it('maps a closed port to ConnectionRefused', async () => {
    const port = await closedPort();
    const err = await failure(`http://127.0.0.1:${port}/EWS/Exchange.asmx`);
    expect(err.code).toBe('ConnectionRefused');
    expect(err.transient).toBe(true);
    // The hint names the port that was refused, not HTTPS's 443.
    expect(err.hint).toBe(`Check the host and port, and that a firewall lets Concierge reach Exchange on port ${port}.`);
  });

  it('maps an unknown host to DnsNotFound', async () => {
    expect((await failure('https://nonexistent.invalid/EWS/Exchange.asmx')).code).toBe('DnsNotFound');
  });

  it('maps an unknown host whose name contains "ssl" or "tls" to DnsNotFound, not TlsError', async () => {
    expect((await failure('https://ssl-mail.nonexistent.invalid/EWS/Exchange.asmx')).code).toBe('DnsNotFound');
    expect((await failure('https://tls.nonexistent.invalid/EWS/Exchange.asmx')).code).toBe('DnsNotFound');
  });

  it('maps a server that never answers to RequestTimeout', async () => {
    const srv = await startHttp((req) => req.resume());
    try {
      const err = await failure(srv.url, { requestTimeoutMs: 200 });
      expect(err.code).toBe('RequestTimeout');
      expect(err.transient).toBe(true);
    } finally {
      await srv.close();
    }
  });

  it('maps a caller abort (AbortSignal) to a typed error, not a TypeError', async () => {
    const controller = new AbortController();
    const srv = await startHttp((req) => {
      req.resume();
      controller.abort();
    });
    const t = new UndiciTransport();
    try {
      const err = await t.send({ ...request(srv.url), signal: controller.signal }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EwsError);
      expect((err as EwsError).code).toBe('RequestTimeout');
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('maps a server that stops in the middle of the body to RequestTimeout', async () => {
    const srv = await startHttp((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<s:Envelope');
    });
    try {
      expect((await failure(srv.url, { requestTimeoutMs: 200 })).code).toBe('RequestTimeout');
    } finally {
      await srv.close();
    }
  });

  it('refuses an answer whose Content-Length is above maxResponseBytes: ResponseTooLarge', async () => {
    const srv = await startHttp((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '5000' });
      res.end('x'.repeat(5000));
    });
    try {
      const err = await failure(srv.url, { maxResponseBytes: 1000 });
      expect(err.code).toBe('ResponseTooLarge');
      expect(err.data.httpStatus).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('refuses a chunked answer that grows above maxResponseBytes: ResponseTooLarge', async () => {
    const srv = await startHttp((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/xml' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
      res.end();
    });
    try {
      expect((await failure(srv.url, { maxResponseBytes: 1000 })).code).toBe('ResponseTooLarge');
    } finally {
      await srv.close();
    }
  });

  it('accepts an answer of exactly maxResponseBytes', async () => {
    const srv = await startHttp((req, res) => {
      req.resume();
      res.end('z'.repeat(1000));
    });
    const t = new UndiciTransport({ maxResponseBytes: 1000 });
    try {
      expect((await t.send(request(srv.url))).body).toHaveLength(1000);
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('sends the request as given: POST, headers and body', async () => {
    let seen: { method?: string; ct?: string; anchor?: string; body: string } = { body: '' };
    const srv = await startHttp((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        seen = { method: req.method, ct: req.headers['content-type'], anchor: req.headers['x-anchormailbox'] as string, body: Buffer.concat(parts).toString('utf8') };
        res.end(OK_BODY);
      });
    });
    const t = new UndiciTransport();
    try {
      await t.send({ ...request(srv.url, '<m:GetFolder>é</m:GetFolder>'), headers: { 'content-type': 'text/xml; charset=utf-8', 'x-anchormailbox': 'alice@example.com' } });
      expect(seen).toEqual({ method: 'POST', ct: 'text/xml; charset=utf-8', anchor: 'alice@example.com', body: '<m:GetFolder>é</m:GetFolder>' });
    } finally {
      await t.close();
      await srv.close();
    }
  });
});

describe('mapNetworkError', () => {
  const map = (e: unknown) => mapNetworkError(e, 'FindItem', { url: 'https://mail.example.com/EWS/Exchange.asmx' }).code;
  const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'TlsUntrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'TlsUntrusted'],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'TlsExpired'],
    ['CERT_NOT_YET_VALID', 'certificate is not yet valid', 'TlsExpired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'TlsHostnameMismatch'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number', 'TlsError'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND mail.example.com', 'DnsNotFound'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND ssl.example.com', 'DnsNotFound'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN tls-gw.example.com', 'DnsNotFound'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443', 'ConnectionRefused'],
    ['ETIMEDOUT', 'connect ETIMEDOUT ssl.example.com', 'ConnectTimeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error', 'ConnectTimeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error', 'RequestTimeout'],
    ['UND_ERR_BODY_TIMEOUT', 'Body Timeout Error', 'RequestTimeout'],
    ['ECONNRESET', 'Client network socket disconnected before secure TLS connection was established', 'TlsError'],
    ['UND_ERR_SOCKET', 'other side closed', 'ConnectionReset'],
  ])('%s (%s) -> %s', (code, message, expected) => {
    expect(map(errno(code, message))).toBe(expected);
  });

  it('reads the code of a wrapped cause', () => {
    expect(map(Object.assign(new Error('fetch failed'), { cause: errno('ECONNREFUSED', 'connect ECONNREFUSED') }))).toBe('ConnectionRefused');
  });

  it('maps an abort to RequestTimeout and anything unknown to ConnectionReset', () => {
    expect(map(new DOMException('This operation was aborted', 'AbortError'))).toBe('RequestTimeout');
    expect(map(undefined)).toBe('ConnectionReset');
    expect(map('boom')).toBe('ConnectionReset');
  });
});
