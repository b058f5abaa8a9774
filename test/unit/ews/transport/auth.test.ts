import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BasicAuth, BearerAuth } from '../../../../src/ews/transport/auth.js';
import type { HttpRequest, HttpResponse, Transport } from '../../../../src/ews/transport/types.js';

const PASSWORD = 'S3cr3t-Pässword!';

/** A transport that records what it was asked to send. */
function recorder(): Transport & { sent: HttpRequest[]; closed: number } {
  const sent: HttpRequest[] = [];
  const t = {
    sent,
    closed: 0,
    send: async (req: HttpRequest): Promise<HttpResponse> => {
      sent.push(req);
      return { status: 200, headers: {}, body: '' };
    },
    close: async () => {
      t.closed++;
    },
  };
  return t;
}

const req: HttpRequest = { url: 'https://mail.example.com/EWS/Exchange.asmx', headers: { 'content-type': 'text/xml; charset=utf-8' }, body: '<x/>', operation: 'GetFolder' };

describe('BasicAuth', () => {
  it('sends Authorization: Basic base64(principal:password) (RFC 7617, UTF-8)', async () => {
    const inner = recorder();
    const t = new BasicAuth('svc-concierge@example.com', PASSWORD).wrap(inner);
    await t.send(req);
    const sent = inner.sent[0]!;
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from(`svc-concierge@example.com:${PASSWORD}`, 'utf8').toString('base64')}`);
    expect(Buffer.from(sent.headers.authorization!.slice(6), 'base64').toString('utf8')).toBe(`svc-concierge@example.com:${PASSWORD}`);
    // Everything else passes through untouched, and the caller's request object is not mutated.
    expect(sent).toMatchObject({ url: req.url, body: req.body, operation: 'GetFolder', headers: { 'content-type': 'text/xml; charset=utf-8' } });
    expect(req.headers).not.toHaveProperty('authorization');
  });

  it('works with a DOMAIN\\user principal', async () => {
    const inner = recorder();
    await new BasicAuth('CONTOSO\\svc', 'pw').wrap(inner).send(req);
    expect(inner.sent[0]!.headers.authorization).toBe(`Basic ${Buffer.from('CONTOSO\\svc:pw').toString('base64')}`);
  });

  it('closes the inner transport', async () => {
    const inner = recorder();
    await new BasicAuth('a', 'b').wrap(inner).close();
    expect(inner.closed).toBe(1);
  });

  it('never shows the password or its base64 in JSON, util.inspect, format or String', () => {
    const auth = new BasicAuth('svc@example.com', PASSWORD);
    const b64 = Buffer.from(`svc@example.com:${PASSWORD}`).toString('base64');
    const renderings = [
      JSON.stringify(auth),
      JSON.stringify({ nested: { auth } }),
      inspect(auth),
      inspect(auth, { showHidden: true, depth: Infinity, getters: true }),
      inspect({ nested: { auth } }, { showHidden: true, depth: Infinity }),
      format('%o %O %j %s', auth, auth, auth, auth),
      String(auth),
      inspect(auth.wrap(recorder()), { showHidden: true, depth: Infinity }),
    ];
    for (const text of renderings) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(b64);
      expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
    }
    expect(JSON.parse(JSON.stringify(auth))).toEqual({ scheme: 'Basic', principal: 'svc@example.com' });
    expect(inspect(auth)).toContain('svc@example.com');
  });

  it('keeps the secret out of enumerable and own properties', () => {
    const auth = new BasicAuth('svc@example.com', PASSWORD);
    const own = Object.getOwnPropertyNames(auth).map((k) => String((auth as unknown as Record<string, unknown>)[k]));
    expect(own.join(' ')).not.toContain(PASSWORD);
    expect({ ...auth }).toEqual({ scheme: 'Basic', principal: 'svc@example.com' });
  });
});

describe('BearerAuth', () => {
  it('asks for a token on every request and sends it as Bearer', async () => {
    const inner = recorder();
    let n = 0;
    const t = new BearerAuth('svc@example.com', async () => `token-${++n}`).wrap(inner);
    await t.send(req);
    await t.send(req);
    expect(inner.sent.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('renders as JSON without the token source', () => {
    expect(JSON.parse(JSON.stringify(new BearerAuth('svc@example.com', async () => 'secret-token')))).toEqual({ scheme: 'Bearer', principal: 'svc@example.com' });
  });
});
