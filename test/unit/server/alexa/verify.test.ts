import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerAlexa } from '../../../../src/server/alexa/routes.js';
import type { AssistantTurn } from '../../../../src/server/alexa/turn.js';
import { checkCertUrl } from '../../../../src/server/alexa/verify.js';
import { CLOCK, createAlexaPki, fixture, SKILL_ID, type AlexaPki, type FixtureEnvelope } from './alexa-pki.js';

type ChainName = keyof AlexaPki['chains'];
const url = (chain: ChainName) => `https://s3.amazonaws.com/echo.api/${chain}.pem`;

let pki: AlexaPki;
let app: FastifyInstance;
let now = CLOCK;
let fetched: string[] = [];
let fetchFails = false;
let logs: Array<Record<string, unknown>> = [];
const turns: AssistantTurn[] = [];

beforeAll(async () => {
  pki = await createAlexaPki();
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = Fastify({ logger: { level: 'info', stream } }) as unknown as FastifyInstance;
  await registerAlexa(app, {
    skillId: SKILL_ID,
    resolveUser: async (token) => (token === 'linked-token-alice' ? 'user-alice' : undefined),
    answer: async (turn) => {
      turns.push(turn);
      return { text: 'You have 2 meetings today.', ssml: '<speak>You have 2 meetings today.</speak>', endSession: true };
    },
    verification: {
      trustedRoots: [pki.rootPem],
      now: () => now,
      fetchCertChain: async (u) => {
        fetched.push(u);
        if (fetchFails) throw new Error('connect ECONNREFUSED');
        const name = /\/echo\.api\/(\w+)\.pem(?:\?.*)?$/.exec(u)?.[1] as ChainName | undefined;
        const pem = name ? pki.chains[name] : undefined;
        if (!pem) throw new Error(`HTTP 404 for ${u}`);
        return pem;
      },
    },
  });
  // Outside the Alexa plugin, JSON is still parsed as usual.
  app.post('/echo', async (req) => ({ got: req.body }));
  await app.ready();
});

afterAll(async () => {
  await app?.close();
});

beforeEach(() => {
  now = CLOCK;
  fetched = [];
  fetchFails = false;
  logs = [];
  turns.length = 0;
});

interface SendOptions {
  readonly chain?: ChainName;
  readonly certUrl?: string;
  /** Change the envelope before it is serialised and signed. */
  readonly edit?: (envelope: FixtureEnvelope) => void;
  /** Change the bytes after signing. */
  readonly tamper?: (body: string) => string;
  /** Replace the signature headers. */
  readonly headers?: (body: Buffer) => Record<string, string>;
}

async function send(name: string, options: SendOptions = {}) {
  const envelope = fixture(name);
  options.edit?.(envelope);
  // Pretty-printed on purpose: only the exact bytes verify, so a re-serialising parser would fail here.
  const signedBytes = Buffer.from(JSON.stringify(envelope, null, 2));
  const body = options.tamper ? Buffer.from(options.tamper(signedBytes.toString('utf8'))) : signedBytes;
  const headers = options.headers?.(signedBytes) ?? { signaturecertchainurl: options.certUrl ?? url(options.chain ?? 'valid'), 'signature-256': pki.sign(signedBytes) };
  logs = [];
  return app.inject({ method: 'POST', url: '/alexa', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, payload: body });
}

/** The refusal the caller sees, and the reason only the log sees. */
async function expectRefused(res: Awaited<ReturnType<typeof send>>, code: string, reason?: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toMatchObject({ status: 400, code: 'AlexaVerificationFailed', detail: 'request verification failed' });
  const entry = logs.find((l) => l.msg === 'Alexa request refused');
  expect(entry?.code).toBe(code);
  if (reason) expect(entry?.reason).toMatch(reason);
  expect(res.body).not.toContain(String(entry?.reason));
  expect(turns).toHaveLength(0);
}

describe('POST /alexa accepts genuine requests', () => {
  it('answers a signed ReadCalendarIntent with the assistant’s speech in an ask response envelope', async () => {
    const res = await send('read-calendar-intent');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const out = res.json();
    expect(out.version).toBe('1.0');
    expect(out.response).toEqual({ outputSpeech: { type: 'SSML', ssml: '<speak>You have 2 meetings today.</speak>' }, shouldEndSession: true });
    expect(turns).toEqual([
      {
        channel: 'alexa',
        userRef: { alexaUserId: 'amzn1.ask.account.AFTESTUSER0000CONCIERGE', accessToken: 'linked-token-alice', userId: 'user-alice' },
        sessionId: 'amzn1.echo-api.session.0f6c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
        intent: 'ReadCalendarIntent',
        slots: { date: '2026-12-08', time: undefined, duration: undefined },
        locale: 'en-US',
        timestamp: '2026-12-08T09:00:00Z',
        deviceId: 'amzn1.ask.device.AFTESTDEVICE0000BOARDROOM',
        newSession: true,
      },
    ]);
  });

  it.each(['launch-request', 'create-event-intent', 'yes-intent', 'session-ended-request'])('accepts %s', async (name) => {
    const res = await send(name);
    expect(res.statusCode, res.body).toBe(200);
    expect(turns).toHaveLength(1);
  });

  it('downloads a chain once per URL', async () => {
    await send('launch-request', { chain: 'validWithRoot' });
    await send('yes-intent', { chain: 'validWithRoot' });
    expect(fetched).toEqual([url('validWithRoot')]);
  });

  it('accepts the legacy SHA-1 Signature when Signature-256 is absent', async () => {
    const res = await send('yes-intent', { headers: (b) => ({ signaturecertchainurl: url('valid'), signature: pki.sign(b, 'sha1') }) });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('accepts a timestamp 150 s old, and one 150 s ahead', async () => {
    now = CLOCK + 150_000;
    expect((await send('yes-intent')).statusCode).toBe(200);
    now = CLOCK - 150_000;
    expect((await send('yes-intent')).statusCode).toBe(200);
  });

  it('leaves JSON parsing alone on other routes', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(res.json()).toEqual({ got: { a: 1 } });
  });
});

describe('POST /alexa refuses with 400', () => {
  it('a request without signature headers', async () => {
    await expectRefused(await send('launch-request', { headers: () => ({}) }), 'AlexaMissingHeaders');
    await expectRefused(await send('launch-request', { headers: (b) => ({ 'signature-256': pki.sign(b) }) }), 'AlexaMissingHeaders', /SignatureCertChainUrl/);
    await expectRefused(await send('launch-request', { headers: () => ({ signaturecertchainurl: url('valid') }) }), 'AlexaMissingHeaders', /Signature-256/);
  });

  it('a signature by another key', async () => {
    await expectRefused(await send('read-calendar-intent', { headers: (b) => ({ signaturecertchainurl: url('valid'), 'signature-256': pki.signWithStrangerKey(b) }) }), 'AlexaSignatureMismatch', /Signature-256/);
  });

  it('a signature that is not base64', async () => {
    await expectRefused(await send('read-calendar-intent', { headers: () => ({ signaturecertchainurl: url('valid'), 'signature-256': 'not base64!' }) }), 'AlexaSignatureMismatch', /not base64/);
  });

  it('a bad Signature-256 even when a good legacy Signature is present', async () => {
    const res = await send('yes-intent', { headers: (b) => ({ signaturecertchainurl: url('valid'), 'signature-256': pki.signWithStrangerKey(b), signature: pki.sign(b, 'sha1') }) });
    await expectRefused(res, 'AlexaSignatureMismatch', /Signature-256/);
  });

  it('a body changed after signing', async () => {
    await expectRefused(await send('read-calendar-intent', { tamper: (b) => b.replace('2026-12-08"', '2026-12-09"') }), 'AlexaSignatureMismatch');
    await expectRefused(await send('read-calendar-intent', { tamper: (b) => `${b} ` }), 'AlexaSignatureMismatch');
  });

  it('an expired or not yet valid certificate', async () => {
    await expectRefused(await send('launch-request', { chain: 'expired' }), 'AlexaCertNotValidNow', /expired/);
    await expectRefused(await send('launch-request', { chain: 'notYetValid' }), 'AlexaCertNotValidNow', /not valid before/);
  });

  it('a certificate that does not name echo-api.amazon.com, wildcards included', async () => {
    await expectRefused(await send('launch-request', { chain: 'noEchoSan' }), 'AlexaCertSanMismatch', /www\.example\.com/);
    await expectRefused(await send('launch-request', { chain: 'wildcardSan' }), 'AlexaCertSanMismatch');
  });

  it('a chain that does not reach the trusted root', async () => {
    await expectRefused(await send('launch-request', { chain: 'rogue' }), 'AlexaCertChainUntrusted', /Rogue Root/);
    await expectRefused(await send('launch-request', { chain: 'missingIntermediate' }), 'AlexaCertChainUntrusted', /Intermediate/);
  });

  it.each([
    ['http', 'http://s3.amazonaws.com/echo.api/valid.pem', /not https/],
    ['another host', 'https://notamazon.com/echo.api/valid.pem', /s3\.amazonaws\.com/],
    ['a look-alike host', 'https://s3.amazonaws.com.evil.example/echo.api/valid.pem', /s3\.amazonaws\.com/],
    ['a wrong-case path', 'https://s3.amazonaws.com/EcHo.aPi/valid.pem', /path/],
    ['another path', 'https://s3.amazonaws.com/invalid.path/valid.pem', /path/],
    ['a ../ escape', 'https://s3.amazonaws.com/echo.api/../invalid.path/valid.pem', /"\/invalid\.path\/valid\.pem"/],
    ['an encoded ../ escape', 'https://s3.amazonaws.com/echo.api/%2e%2e/valid.pem', /"\/valid\.pem"/],
    ['another port', 'https://s3.amazonaws.com:563/echo.api/valid.pem', /port/],
  ])('a certificate URL with %s', async (_what, certUrl, reason) => {
    await expectRefused(await send('launch-request', { certUrl }), 'AlexaCertUrlInvalid', reason);
    expect(fetched).toEqual([]);
  });

  it('a timestamp 151 s old or 151 s ahead', async () => {
    now = CLOCK + 151_000;
    await expectRefused(await send('read-calendar-intent'), 'AlexaTimestampRejected', /151 s/);
    now = CLOCK - 151_000;
    await expectRefused(await send('read-calendar-intent'), 'AlexaTimestampRejected', /151 s/);
    expect(fetched).toEqual([]);
  });

  it('a request for another skill', async () => {
    const other = 'amzn1.ask.skill.99999999-0000-0000-0000-000000000000';
    const setSession = (e: FixtureEnvelope) => {
      e.session!.application.applicationId = other;
    };
    await expectRefused(await send('read-calendar-intent', { edit: (e) => (setSession(e), (e.context.System.application.applicationId = other)) }), 'AlexaApplicationIdMismatch', /99999999/);
    await expectRefused(await send('read-calendar-intent', { edit: setSession }), 'AlexaApplicationIdMismatch');
  });

  it('a signed body that is not an Alexa envelope', async () => {
    await expectRefused(await send('launch-request', { edit: (e) => delete (e as Partial<FixtureEnvelope>).request }), 'AlexaBodyMalformed', /request/);
  });

  it('when the chain cannot be downloaded, and tries again next time', async () => {
    const certUrl = `${url('valid')}?first-use`;
    fetchFails = true;
    await expectRefused(await send('launch-request', { certUrl }), 'AlexaCertChainUnavailable', /ECONNREFUSED/);
    fetchFails = false;
    expect((await send('launch-request', { certUrl })).statusCode).toBe(200);
    expect(fetched).toEqual([certUrl, certUrl]);
  });
});

describe('checkCertUrl', () => {
  it.each([
    'https://s3.amazonaws.com/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem',
    'HTTPS://S3.AmazonAWS.COM/echo.api/echo-api-cert.pem',
  ])('accepts %s as https://s3.amazonaws.com/echo.api/echo-api-cert.pem', (raw) => {
    expect(checkCertUrl(raw).href).toBe('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');
  });

  it.each(['https://s3.amazonaws.com/echo.api', 'https://user:pw@s3.amazonaws.com/echo.api/x.pem', 'not a url', 'ftp://s3.amazonaws.com/echo.api/x.pem'])('refuses %s', (raw) => {
    expect(() => checkCertUrl(raw)).toThrow(/SignatureCertChainUrl/);
  });
});
