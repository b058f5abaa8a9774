import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server process (each instance is scraped on its own). */
export class Metrics {
  readonly registry = new Registry();
  readonly ewsCalls = new Counter({ name: 'concierge_ews_requests_total', help: 'EWS requests by operation and outcome (ok or the error code).', labelNames: ['operation', 'outcome'] as const, registers: [this.registry] });
  readonly ewsLatency = new Histogram({ name: 'concierge_ews_request_duration_seconds', help: 'EWS request latency by operation.', labelNames: ['operation'] as const, buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  readonly ewsThrottled = new Counter({ name: 'concierge_ews_throttled_total', help: 'EWS answers that asked Concierge to back off (ErrorServerBusy, HTTP 503).', labelNames: ['operation'] as const, registers: [this.registry] });
  readonly httpRequests = new Counter({ name: 'concierge_http_requests_total', help: 'HTTP requests served, by route and status class.', labelNames: ['route', 'status'] as const, registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'concierge_' });
  }

  /** Feeds an EwsClient's onAttempt hook. */
  readonly onEwsAttempt = (e: { operation: string; outcome: string; ms: number }): void => {
    this.ewsCalls.inc({ operation: e.operation, outcome: e.outcome });
    this.ewsLatency.observe({ operation: e.operation }, e.ms / 1000);
    if (e.outcome === 'ErrorServerBusy' || e.outcome === 'HttpServiceUnavailable') this.ewsThrottled.inc({ operation: e.operation });
  };
}
