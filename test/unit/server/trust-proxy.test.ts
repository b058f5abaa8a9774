import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadServerConfig } from '../../../src/config/config.js';
import { openDatabase, SecretBox, setupTokens } from '../../../src/persistence/index.js';
import { buildServer } from '../../../src/server/app.js';

describe('CONCIERGE_TRUST_PROXY', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads a hop count or a list of proxy addresses, and refuses anything else by name', () => {
    vi.stubEnv('CONCIERGE_TRUST_PROXY', '');
    expect(loadServerConfig().trustProxy).toBeUndefined();
    vi.stubEnv('CONCIERGE_TRUST_PROXY', '1');
    expect(loadServerConfig().trustProxy).toBe(1);
    vi.stubEnv('CONCIERGE_TRUST_PROXY', '10.0.0.5, 192.168.0.0/16');
    expect(loadServerConfig().trustProxy).toEqual(['10.0.0.5', '192.168.0.0/16']);
    vi.stubEnv('CONCIERGE_TRUST_PROXY', 'proxy.example.com');
    expect(() => loadServerConfig()).toThrow(ConfigError);
    expect(() => loadServerConfig()).toThrow(/"proxy\.example\.com"/);
  });

  it('behind a trusted TLS proxy the session cookie is Secure; without trust a forged header changes nothing', async () => {
    for (const [trustProxy, secure] of [[1, true], [undefined, false]] as const) {
      const { db, close } = await openDatabase({});
      const server = await buildServer({ db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'silent', ...(trustProxy !== undefined ? { trustProxy } : {}) });
      const { token } = await setupTokens.create(db);
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/setup', headers: { 'x-forwarded-proto': 'https' }, payload: { token, email: 'admin@contoso.com', password: 'A-Long-Admin-Passw0rd' } });
      expect(res.statusCode).toBe(201);
      expect(/;\s*Secure/i.test(String(res.headers['set-cookie'])), `trustProxy=${trustProxy}`).toBe(secure);
      await server.app.close();
      await close();
    }
  });
});
