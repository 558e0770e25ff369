import { Context, context, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';

/** The steps of one message's path through the server, in order, each a child span of the message's. */
export type IngestStep = 'verify' | 'validate' | 'commit' | 'tally' | 'publish' | 'ack';

/**
 * One message's trace: a span from its receipt to its outcome (`ingest <kind>`, with its topic,
 * device and outcome) and a child span per step, each ending when the next begins. Without a tracer
 * nothing is made (the hot path pays one null check per step).
 */
export class IngestTrace {
  private step: Span | null = null;
  private readonly parent: Context;

  private constructor(
    private readonly tracer: Tracer,
    private readonly root: Span,
  ) {
    this.parent = trace.setSpan(context.active(), root);
  }

  static begin(tracer: Tracer | null, topic: string): IngestTrace | null {
    if (!tracer) return null;
    return new IngestTrace(
      tracer,
      tracer.startSpan('ingest', { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'mqtt', 'messaging.destination.name': topic } }),
    );
  }

  /** Ends the step under way and starts the next. */
  next(step: IngestStep): void {
    this.step?.end();
    this.step = this.tracer.startSpan(step, {}, this.parent);
  }

  /** What the message is, once its signature says so. */
  identify(kind: string, deviceId: string): void {
    this.root.updateName(`ingest ${kind}`);
    this.root.setAttributes({ 'shailoo.kind': kind, 'shailoo.device_id': deviceId });
  }

  end(outcome: 'accepted' | 'duplicate' | 'rejected', reason?: string): void {
    this.step?.end();
    this.root.setAttribute('shailoo.outcome', outcome);
    if (reason) this.root.setStatus({ code: SpanStatusCode.ERROR, message: reason }).setAttribute('shailoo.rejection_reason', reason);
    this.root.end();
  }
}
