import { describe, expect, it } from 'vitest';
import { authOffer, describeOffer, parseChallenges } from '../../../src/connectivity/www-authenticate.js';

describe('parseChallenges', () => {
  it('reads one header per method, as IIS sends them', () => {
    expect(parseChallenges(['Negotiate', 'NTLM', 'Basic realm="mail.contoso.com"'])).toEqual([
      { scheme: 'Negotiate', params: {} },
      { scheme: 'NTLM', params: {} },
      { scheme: 'Basic', params: { realm: 'mail.contoso.com' } },
    ]);
  });

  it('splits a folded line into challenges and their parameters', () => {
    expect(parseChallenges(['Basic realm="a, b", charset="UTF-8", Negotiate, NTLM'])).toEqual([
      { scheme: 'Basic', params: { realm: 'a, b', charset: 'UTF-8' } },
      { scheme: 'Negotiate', params: {} },
      { scheme: 'NTLM', params: {} },
    ]);
  });

  it('keeps token68 blobs (NTLM type-2, Negotiate) apart from parameters, padding included', () => {
    expect(parseChallenges(['NTLM TlRMTVNTUAACAAAADAAMADgAAAA=', 'Negotiate oYIBBzCCAQOgAwoBAaEL=='])).toEqual([
      { scheme: 'NTLM', params: {}, token68: 'TlRMTVNTUAACAAAADAAMADgAAAA=' },
      { scheme: 'Negotiate', params: {}, token68: 'oYIBBzCCAQOgAwoBAaEL==' },
    ]);
  });

  it('unescapes quoted strings and lower-cases parameter names; token-valued parameters too', () => {
    expect(parseChallenges(['Basic Realm="say \\"hi\\""', 'Bearer error=invalid_token'])).toEqual([
      { scheme: 'Basic', params: { realm: 'say "hi"' } },
      { scheme: 'Bearer', params: { error: 'invalid_token' } },
    ]);
  });

  it('ignores empty values and stray commas', () => {
    expect(parseChallenges(['', ' , ,Negotiate ,'])).toEqual([{ scheme: 'Negotiate', params: {} }]);
  });
});

describe('authOffer', () => {
  it('tells Basic apart, case-insensitively, with its realm', () => {
    const offer = authOffer(['Negotiate', 'NTLM', 'basic realm="mail.contoso.com"']);
    expect(offer).toEqual({ schemes: ['Negotiate', 'NTLM', 'basic'], basic: true, realm: 'mail.contoso.com', bearerOnly: false });
    expect(describeOffer(offer)).toBe('Negotiate, NTLM, basic (realm "mail.contoso.com")');
  });

  it('Windows methods only, or OAuth only', () => {
    expect(authOffer(['Negotiate, NTLM'])).toMatchObject({ basic: false, bearerOnly: false, schemes: ['Negotiate', 'NTLM'] });
    expect(authOffer(['Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"'])).toMatchObject({ basic: false, bearerOnly: true });
    expect(describeOffer(authOffer([]))).toBe('no method');
  });
});
