import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadAlexaConfig, loadServerConfig } from '../../../../src/config/config.js';

const SKILL = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const SECRET = 'Alexa-Client-Secret-0123456789abcdef';
const URIS = 'https://pitangui.amazon.com/api/skill/link/M2TESTVENDOR, https://layla.amazon.com/api/skill/link/M2TESTVENDOR,https://alexa.amazon.co.jp/api/skill/link/M2TESTVENDOR';

function env(vars: Record<string, string | undefined>): void {
  for (const name of ['CONCIERGE_ALEXA_SKILL_ID', 'CONCIERGE_ALEXA_CLIENT_ID', 'CONCIERGE_ALEXA_CLIENT_SECRET', 'CONCIERGE_ALEXA_REDIRECT_URIS']) vi.stubEnv(name, vars[name] ?? '');
}

function refusal(): ConfigError {
  try {
    loadAlexaConfig();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('CONCIERGE_ALEXA_* configuration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is off when nothing is set', () => {
    env({});
    expect(loadAlexaConfig()).toBeUndefined();
    expect(loadServerConfig().alexa).toBeUndefined();
  });

  it('reads a complete setup, with the default client id and the redirect URLs split on commas', () => {
    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    expect(loadServerConfig().alexa).toEqual({
      skillId: SKILL,
      clientId: 'alexa-skill',
      clientSecret: SECRET,
      redirectUris: ['https://pitangui.amazon.com/api/skill/link/M2TESTVENDOR', 'https://layla.amazon.com/api/skill/link/M2TESTVENDOR', 'https://alexa.amazon.co.jp/api/skill/link/M2TESTVENDOR'],
    });
    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_ID: 'concierge-prod', CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    expect(loadAlexaConfig()?.clientId).toBe('concierge-prod');
  });

  it('names what is missing in a half-configured setup, never the secret', () => {
    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    expect(refusal().message).toMatch(/CONCIERGE_ALEXA_CLIENT_SECRET must be set when CONCIERGE_ALEXA_SKILL_ID is.*openssl rand/);

    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_SECRET: SECRET });
    expect(refusal().message).toMatch(/CONCIERGE_ALEXA_REDIRECT_URIS must be set.*pitangui\.amazon\.com/);

    env({ CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    const stray = refusal();
    expect(stray.message).toMatch(/CONCIERGE_ALEXA_CLIENT_SECRET and CONCIERGE_ALEXA_REDIRECT_URIS are set but CONCIERGE_ALEXA_SKILL_ID is not/);
    expect(stray.message).not.toContain(SECRET);

    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_SECRET: 'short', CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    expect(refusal().message).toMatch(/too short \(5 characters; at least 16\)/);
    expect(refusal().message).not.toContain('"short"');
  });

  it('refuses a skill id or redirect URL that cannot be right', () => {
    env({ CONCIERGE_ALEXA_SKILL_ID: 'my-skill', CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    expect(refusal().message).toMatch(/amzn1\.ask\.skill\./);
    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: 'http://pitangui.amazon.com/api/skill/link/M2' });
    expect(refusal().message).toMatch(/"http:\/\/pitangui\.amazon\.com\/api\/skill\/link\/M2" must be an https URL/);
    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: ' , ' });
    expect(refusal().message).toMatch(/lists no URL/);
    env({ CONCIERGE_ALEXA_SKILL_ID: SKILL, CONCIERGE_ALEXA_CLIENT_ID: 'alexa:skill', CONCIERGE_ALEXA_CLIENT_SECRET: SECRET, CONCIERGE_ALEXA_REDIRECT_URIS: URIS });
    expect(refusal().message).toMatch(/CONCIERGE_ALEXA_CLIENT_ID must be printable ASCII without spaces or ":"/);
  });
});
