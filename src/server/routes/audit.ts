import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditLog } from '../../persistence/index.js';
import type { AuditEntry, AuditFilter } from '../../persistence/repositories/audit-log.js';
import type { ServerContext } from '../context.js';
import { csvRow } from '../csv-export.js';
import { badRequest } from '../problem.js';

const filterQuery = z.object({
  actor: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  result: z.string().min(1).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});
const pageQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(auditLog.MAX_AUDIT_PAGE).default(50),
  before: z.coerce.number().int().positive().optional(),
});
const exportQuery = filterQuery.extend({ format: z.enum(['csv', 'ndjson']).default('csv') });

const entryOut = z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable(), result: z.string(), detail: z.unknown() });

/** Query parameters, checked like a body: the first problem named, nothing read. */
function parseQuery<S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> {
  const r = schema.safeParse(req.query ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw badRequest(`Invalid query parameter ${issue.path.join('.') || '(query)'}: ${issue.message}`, 'Fix it and ask again: limit 1-500, before an entry id, since/until ISO date-times with offset, format csv or ndjson.');
}

function toFilter(q: z.infer<typeof filterQuery>): AuditFilter {
  return {
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(q.target !== undefined ? { target: q.target } : {}),
    ...(q.result !== undefined ? { result: q.result } : {}),
    ...(q.since !== undefined ? { since: new Date(q.since) } : {}),
    ...(q.until !== undefined ? { until: new Date(q.until) } : {}),
  };
}

const entryView = (e: AuditEntry) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target, result: e.result, detail: e.detail });

const CSV_HEADER = ['id', 'at', 'actor', 'action', 'target', 'result', 'detail'] as const;

/** The export, line by line as the pages arrive: the whole trail never sits in memory. */
async function* exportLines(entries: AsyncIterable<AuditEntry>, format: 'csv' | 'ndjson'): AsyncGenerator<string> {
  if (format === 'csv') yield csvRow(CSV_HEADER);
  for await (const e of entries) {
    const v = entryView(e);
    yield format === 'csv' ? csvRow([v.id, v.at, v.actor, v.action, v.target, v.result, v.detail === null ? '' : JSON.stringify(v.detail)]) : `${JSON.stringify(v)}\n`;
  }
}

/** The audit log: paged reading and export, administrators only. */
export function auditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { api, db } = ctx;
  api.add(app, {
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'Audit entries, newest first (?limit&before&actor&action&target&result&since&until); nextBefore pages on',
    tag: 'audit',
    access: 'admin',
    response: z.object({ entries: z.array(entryOut), nextBefore: z.number().optional() }),
    handler: async (req) => {
      const q = parseQuery(pageQuery, req);
      const entries = await auditLog.list(db, toFilter(q), q.limit, q.before);
      const last = entries[entries.length - 1];
      return { entries: entries.map(entryView), ...(entries.length === q.limit && last ? { nextBefore: last.id } : {}) };
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/audit/export',
    summary: 'Every matching audit entry as a download (?format=csv|ndjson and the same filters)',
    tag: 'audit',
    access: 'admin',
    response: z.string().describe('CSV (header id,at,actor,action,target,result,detail) or NDJSON, as an attachment'),
    handler: async (req, reply) => {
      const q = parseQuery(exportQuery, req);
      const filter = toFilter(q);
      await auditLog.append(db, { actor: req.session!.admin.email, action: 'audit.export', result: 'ok', detail: { format: q.format, filter: q } });
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="concierge-audit-${stamp}.${q.format === 'csv' ? 'csv' : 'ndjson'}"`)
        .header('cache-control', 'no-store');
      return Readable.from(exportLines(auditLog.iterate(db, filter), q.format)) as never;
    },
  });
}
