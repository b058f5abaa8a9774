import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../persistence/index.js';
import type { ApiRegistry } from '../api.js';
import type { Metrics } from '../metrics.js';

/** /healthz (database reachable), /metrics (Prometheus) and the OpenAPI document. */
export function operationsRoutes(app: FastifyInstance, api: ApiRegistry, db: Kysely<Tables>, metrics: Metrics, version: string): void {
  app.get('/healthz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok', database: 'ok', version };
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', database: (err as Error).message, version });
    }
  });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  app.get('/api/v1/openapi.json', async () => api.openapi({ title: 'Concierge API', version }));
}
