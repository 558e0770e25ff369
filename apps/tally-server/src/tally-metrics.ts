import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the ingest pipeline, one registry per server instance. */
@Injectable()
export class TallyMetrics {
  readonly registry = new Registry();
  readonly ingested = new Counter({
    name: 'shailoo_messages_ingested_total',
    help: 'Messages stored for the first time, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly duplicates = new Counter({ name: 'shailoo_messages_duplicate_total', help: 'Resends of messages already stored', registers: [this.registry] });
  readonly rejected = new Counter({
    name: 'shailoo_messages_rejected_total',
    help: 'Messages refused, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly dropped = new Counter({
    name: 'shailoo_messages_dropped_total',
    help: 'Messages dropped before decoding for a device’s conduct (payload-too-large, rate-limited, device-banned)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly banned = new Counter({
    name: 'shailoo_devices_banned_total',
    help: 'Devices banned (and disconnected where the broker obeys) for sending refused messages again and again',
    registers: [this.registry],
  });
  readonly refusedRequests = new Counter({
    name: 'shailoo_http_refused_total',
    help: 'HTTP requests refused, by reason: no or an unknown operator credential, a role missing, over the client’s rate, a body too large or too slow, event streams over their limits or cut for falling behind',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly viewBuilds = new Counter({
    name: 'shailoo_view_builds_total',
    help: 'Public answers built (serialized) rather than served as kept, by view',
    labelNames: ['view'],
    registers: [this.registry],
  });
  readonly eventStreams = new Gauge({
    name: 'shailoo_event_streams',
    help: 'Server-sent event streams open (the live pages watching)',
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'shailoo_ingest_latency_seconds',
    help: 'From receipt of a message to its commit',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly precinctsReporting = new Gauge({
    name: 'shailoo_precincts_reporting',
    help: 'Precincts with a box result or a manual protocol',
    labelNames: ['election'],
    registers: [this.registry],
    // The first of the per-election gauges: brings all three up to now before any is read.
    collect: () => this.refresh?.(),
  });
  readonly precinctsTotal = new Gauge({
    name: 'shailoo_precincts_total',
    help: 'Precincts of the election',
    labelNames: ['election'],
    registers: [this.registry],
  });
  readonly precinctsOverdue = new Gauge({
    name: 'shailoo_precincts_overdue',
    help: 'Precincts silent past the reporting deadline (by default two hours after polls close at 20:00, on the election clock)',
    labelNames: ['election'],
    registers: [this.registry],
  });
  private refresh: (() => void) | null = null;

  readonly leader = new Gauge({
    name: 'shailoo_leader',
    help: 'Whether this instance publishes the retained aggregates (1: it leads; one instance of a group at a time)',
    registers: [this.registry],
  });

  constructor() {
    // Process and runtime series beside ours: CPU, memory, heap, event-loop delay, handles, GC.
    collectDefaultMetrics({ register: this.registry });
  }

  /** Called before each scrape: brings the per-election gauges up to now. */
  beforeScrape(refresh: () => void): void {
    this.refresh = refresh;
  }

  /** Exposes what the embedded broker refused (it runs in its own thread or process) as shailoo_broker_refused_total{reason}. */
  countBrokerRefusals(source: () => Promise<Partial<Record<string, number>>>): void {
    new Counter({
      name: 'shailoo_broker_refused_total',
      help: 'What the embedded broker refused or closed, by reason (bad credentials, topics not allowed, limits, malformed or oversized packets, slow CONNECTs)',
      labelNames: ['reason'],
      registers: [this.registry],
      async collect() {
        const counts = await source();
        this.reset();
        for (const [reason, n] of Object.entries(counts)) this.inc({ reason }, n ?? 0);
      },
    });
  }

  /** Rejections so far, by reason. */
  async rejectedByReason(): Promise<Record<string, number>> {
    const metric = await this.rejected.get();
    return Object.fromEntries(metric.values.map((v) => [String(v.labels.reason), v.value]));
  }
}
