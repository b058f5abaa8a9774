import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase, SecretBox } from '../../../src/persistence/index.js';
import { buildServer } from '../../../src/server/app.js';

/** The contract's People and audit routes, as the console and Alexa engineers build against them. */
describe('people and audit routes in the OpenAPI document', () => {
  it('lists every route of the contract with its method and access', async () => {
    const { db, close } = await openDatabase({});
    const server = await buildServer({ db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'silent' });
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode, res.body).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { security?: unknown[] }>>;
    const routes = Object.entries(paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => `${m.toUpperCase()} ${p}${op.security ? '' : ' (public)'}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/users',
        'POST /api/v1/users/invitations',
        'POST /api/v1/users/import',
        'POST /api/v1/users/{id}/resend',
        'POST /api/v1/users/{id}/revoke',
        'DELETE /api/v1/users/{id}',
        'GET /api/v1/invitations/{token} (public)',
        'POST /api/v1/invitations/accept (public)',
        'GET /api/v1/me',
        'POST /api/v1/me/exchange',
        'DELETE /api/v1/me/exchange',
        'GET /api/v1/audit',
        'GET /api/v1/audit/export',
      ]),
    );
    await server.app.close();
    await close();
  });
});
