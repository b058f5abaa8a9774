import { describe, expect, it } from 'vitest';
import { authenticateClient, checkAuthorizeRequest, parseForm, redirectWith } from '../../../../src/server/alexa/authorize-request.js';

const CLIENT = { clientId: 'alexa-skill', clientSecret: 'S3cret+with/odd=chars%', redirectUris: ['https://pitangui.amazon.com/api/skill/link/M2X'] };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const q = (fields: Record<string, string>) => parseForm(new URLSearchParams(fields).toString());
const ok = { response_type: 'code', client_id: 'alexa-skill', redirect_uri: 'https://pitangui.amazon.com/api/skill/link/M2X', state: 's1', scope: 'calendar' };

describe('OAuth parameters for Alexa account linking', () => {
  it('keeps repeated parameters apart (RFC 6749 §3.1)', () => {
    expect(parseForm('a=1&b=2&a=3')).toEqual({ fields: { a: '1', b: '2' }, repeated: ['a'] });
    expect(parseForm('__proto__=x').fields.__proto__).toBe('x');
  });

  it('accepts the request Alexa sends, with or without a scope', () => {
    expect(checkAuthorizeRequest(q(ok), CLIENT)).toEqual({ kind: 'ok', request: { clientId: 'alexa-skill', redirectUri: ok.redirect_uri, scope: 'calendar', state: 's1' } });
    const { scope: _scope, ...noScope } = ok;
    expect(checkAuthorizeRequest(q(noScope), CLIENT).kind).toBe('ok');
  });

  it('never redirects to an address it does not know, even a near miss', () => {
    for (const redirect_uri of ['https://pitangui.amazon.com/api/skill/link/M2X/', 'https://pitangui.amazon.com.evil.example/api/skill/link/M2X', 'HTTPS://pitangui.amazon.com/api/skill/link/M2X']) {
      expect(checkAuthorizeRequest(q({ ...ok, redirect_uri }), CLIENT).kind, redirect_uri).toBe('page');
    }
    expect(checkAuthorizeRequest(parseForm(`${new URLSearchParams(ok).toString()}&redirect_uri=${encodeURIComponent(ok.redirect_uri)}`), CLIENT).kind).toBe('page');
  });

  it('adds code and state to the redirect URI, keeping its own query', () => {
    expect(redirectWith('https://layla.amazon.com/api/skill/link/M2X?x=1', { code: 'c', state: 'a b&c', error: undefined })).toBe('https://layla.amazon.com/api/skill/link/M2X?x=1&code=c&state=a+b%26c');
  });

  it('authenticates the client by HTTP Basic (plain or form-encoded) or by the body, not both', () => {
    expect(authenticateClient(basic('alexa-skill', CLIENT.clientSecret), q({}), CLIENT)).toEqual({ ok: true });
    expect(authenticateClient(basic('alexa-skill', encodeURIComponent(CLIENT.clientSecret)), q({}), CLIENT)).toEqual({ ok: true });
    expect(authenticateClient(undefined, q({ client_id: 'alexa-skill', client_secret: CLIENT.clientSecret }), CLIENT)).toEqual({ ok: true });
    expect(authenticateClient(basic('alexa-skill', 'wrong'), q({}), CLIENT)).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(authenticateClient(basic('other', CLIENT.clientSecret), q({}), CLIENT)).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(authenticateClient('Bearer abc', q({}), CLIENT)).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(authenticateClient(undefined, q({ client_id: 'alexa-skill' }), CLIENT)).toMatchObject({ ok: false, error: 'invalid_client' });
    expect(authenticateClient(basic('alexa-skill', CLIENT.clientSecret), q({ client_secret: CLIENT.clientSecret }), CLIENT)).toMatchObject({ ok: false, error: 'invalid_request' });
  });
});
