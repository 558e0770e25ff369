import { Tracer } from '@opentelemetry/api';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as SdkTrace from '@opentelemetry/sdk-trace';
import type { Sampler, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';

/**
 * OpenTelemetry's SDK, loaded only when tracing is asked for: ~200 ms of start-up that every
 * command and every `import 'shailoo-sim'` would otherwise pay with tracing off.
 */
function sdk(): typeof SdkTrace & typeof Resources & typeof OtlpHttp {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, on purpose (see above) */
  return {
    ...(require('@opentelemetry/sdk-trace') as typeof SdkTrace),
    ...(require('@opentelemetry/resources') as typeof Resources),
    ...(require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** A tracer and what ends it: spans still queued are exported before `shutdown` resolves. */
export interface Tracing {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

/** Traces to this exporter, every span, one at a time as it ends (a test's in-memory exporter) or batched. */
export function tracingTo(exporter: SpanExporter, serviceName: string, options: { batch?: boolean; sampler?: Sampler } = {}): Tracing {
  const { BatchSpanProcessor, SimpleSpanProcessor } = sdk();
  const processor: SpanProcessor = options.batch ? new BatchSpanProcessor({ exporter }) : new SimpleSpanProcessor({ exporter });
  return provide([processor], serviceName, options.sampler);
}

/**
 * Tracing as OpenTelemetry's standard variables choose it, off unless they ask for it:
 * OTEL_TRACES_EXPORTER (`otlp`, `console`, `none`; `otlp` too when only OTEL_EXPORTER_OTLP_ENDPOINT
 * or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set, the OTLP exporter reading those and its headers),
 * OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, OTEL_SDK_DISABLED.
 */
export function tracingFromEnv(env: NodeJS.ProcessEnv, serviceName: string): Tracing | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const names = (env.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none'))
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n && n !== 'none');
  if (!names.length) return null;
  const { BatchSpanProcessor, SimpleSpanProcessor, OTLPTraceExporter, ConsoleSpanExporter } = sdk();
  const processors = names.map((name): SpanProcessor => {
    if (name === 'otlp') return new BatchSpanProcessor({ exporter: new OTLPTraceExporter(otlpUrl(env)) });
    if (name === 'console') return new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() });
    throw new Error(`OTEL_TRACES_EXPORTER: ${JSON.stringify(name)} is not one of otlp, console, none`);
  });
  return provide(processors, env.OTEL_SERVICE_NAME || serviceName, samplerFromEnv(env));
}

/** The traces endpoint as the variables give it (the exporter reads its headers and timeouts itself). */
function otlpUrl(env: NodeJS.ProcessEnv): { url?: string } {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return { url: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT };
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return { url: `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` };
  return {};
}

function samplerFromEnv(env: NodeJS.ProcessEnv): Sampler {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } = sdk();
  const name = (env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').trim().toLowerCase();
  const arg = env.OTEL_TRACES_SAMPLER_ARG;
  const ratio = arg === undefined || arg === '' ? 1 : Number(arg);
  if (!(ratio >= 0 && ratio <= 1)) throw new Error(`OTEL_TRACES_SAMPLER_ARG: ${JSON.stringify(arg)} is not a ratio between 0 and 1`);
  const root = name.replace(/^parentbased_/, '');
  const sampler =
    root === 'always_on'
      ? new AlwaysOnSampler()
      : root === 'always_off'
        ? new AlwaysOffSampler()
        : root === 'traceidratio'
          ? new TraceIdRatioBasedSampler(ratio)
          : null;
  if (!sampler) throw new Error(`OTEL_TRACES_SAMPLER: ${JSON.stringify(name)} is not one of always_on, always_off, traceidratio (or parentbased_ of one)`);
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root: sampler }) : sampler;
}

function provide(spanProcessors: SpanProcessor[], serviceName: string, sampler?: Sampler): Tracing {
  const { TracerProvider, resourceFromAttributes } = sdk();
  const provider = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors, sampler });
  return { tracer: provider.getTracer('shailoo-sim'), shutdown: () => provider.shutdown() };
}
