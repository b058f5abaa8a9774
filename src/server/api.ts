import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { badRequest } from './problem.js';

export type Access = 'public' | 'admin' | 'signedIn';

/** Handlers may return read-only data (domain objects are); it is serialised, never mutated. */
type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** One HTTP API route: its schemas validate requests and generate the OpenAPI document. */
export interface RouteSpec<Body extends z.ZodType | undefined, Res extends z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly body?: Body;
  readonly response: Res;
  readonly status?: number;
  /** Read with the session, in its query: 'calendar' = the current link and the account's person (req.calendarAccess). */
  readonly loads?: 'calendar';
  /** Requests per minute per client address (sign-in and setup: brute-force protection). */
  readonly rateLimitPerMinute?: number;
  readonly handler: (req: FastifyRequest, reply: FastifyReply, body: Body extends z.ZodType ? z.infer<Body> : undefined) => Promise<DeepReadonly<z.infer<Res>>>;
}

// The registry holds routes of many shapes; each was checked where it was declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = RouteSpec<any, any>;

export type Guard = (req: FastifyRequest, access: Access, method: string, loads?: 'calendar') => Promise<void>;

/** Registers routes with validation and an access guard, and renders them as OpenAPI 3.1. */
export class ApiRegistry {
  readonly #routes: AnyRoute[] = [];

  constructor(private readonly guard: Guard) {}

  add<Body extends z.ZodType | undefined, Res extends z.ZodType>(app: FastifyInstance, spec: RouteSpec<Body, Res>): void {
    this.#routes.push(spec);
    app.route({
      method: spec.method,
      url: spec.path,
      ...(spec.rateLimitPerMinute ? { config: { rateLimit: { max: spec.rateLimitPerMinute, timeWindow: 60_000 } } } : {}),
      handler: async (req, reply) => {
        await this.guard(req, spec.access, spec.method, spec.loads);
        let body: unknown = undefined;
        if (spec.body) {
          const parsed = spec.body.safeParse(req.body ?? {});
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const where = issue.path.join('.') || 'body';
            throw badRequest(`Invalid ${where}: ${issue.message}`, 'Fix that field and send the request again; nothing was changed.', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
          }
          body = parsed.data;
        }
        const out = await spec.handler(req, reply, body as never);
        // A handler may have chosen a status itself (422 for a refused link); keep it.
        if (reply.statusCode === 200) reply.code(spec.status ?? 200);
        return out;
      },
    });
  }

  openapi(info: { title: string; version: string }): object {
    const paths: Record<string, Record<string, object>> = {};
    for (const r of this.#routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
      (paths[path] ??= {})[r.method.toLowerCase()] = {
        summary: r.summary,
        tags: [r.tag],
        ...(params.length ? { parameters: params } : {}),
        ...(r.access !== 'public' ? { security: [{ session: [] }] } : {}),
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input' }) } } } } : {}),
        responses: {
          [String(r.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(r.response, { io: 'output' }) } } },
          default: { description: 'A problem: what failed, why, and how to fix it', content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } },
        },
      };
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'concierge_session', description: 'Session cookie from POST /api/v1/session; state-changing requests also send X-CSRF-Token.' } } },
    };
  }
}

const PROBLEM_SCHEMA = {
  type: 'object',
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' }, hint: { type: 'string' } },
  required: ['title', 'status', 'code'],
};
