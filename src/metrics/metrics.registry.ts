import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The Prometheus registry of one process and the instruments that are not per-module. */
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'bulwark_queue_jobs',
    help: 'Jobs in each BullMQ queue by state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });

  readonly outboxLag = new Gauge({
    name: 'bulwark_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet handed to BullMQ',
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'bulwark_outbox_pending',
    help: 'Outbox rows not yet handed to BullMQ',
    registers: [this.registry],
  });

  readonly outboxUnfinished = new Gauge({
    name: 'bulwark_outbox_unfinished',
    help: 'Outbox rows handed to BullMQ whose job has neither finished nor failed',
    registers: [this.registry],
  });

  readonly moderatorOpenCases = new Gauge({
    name: 'bulwark_moderation_open_cases',
    help: 'Undecided cases each moderator holds now',
    labelNames: ['moderator'],
    registers: [this.registry],
  });

  readonly medianSeconds = new Gauge({
    name: 'bulwark_moderation_median_seconds',
    help: 'Median seconds from filing to first answer and to decision, over the last 24 h',
    labelNames: ['to'],
    registers: [this.registry],
  });

  readonly serviceLevelBreaches = new Gauge({
    name: 'bulwark_moderation_breaches',
    help: 'Service levels missed in the last 24 h',
    labelNames: ['level'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
