import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tracingFromEnv } from './tracing';

describe('tracing from the OTEL_* variables', () => {
  it('is off unless asked for', () => {
    expect(tracingFromEnv({}, 'svc')).toBeNull();
    expect(tracingFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' }, 'svc')).toBeNull();
    expect(tracingFromEnv({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'console' }, 'svc')).toBeNull();
  });

  it('names what it does not know', () => {
    expect(() => tracingFromEnv({ OTEL_TRACES_EXPORTER: 'jaeger' }, 'svc')).toThrow(/OTEL_TRACES_EXPORTER: "jaeger" is not one of otlp, console, none/);
    expect(() => tracingFromEnv({ OTEL_TRACES_EXPORTER: 'console', OTEL_TRACES_SAMPLER: 'sometimes' }, 'svc')).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => tracingFromEnv({ OTEL_TRACES_EXPORTER: 'console', OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }, 'svc')).toThrow(
      /OTEL_TRACES_SAMPLER_ARG/,
    );
  });

  describe('with an OTLP endpoint', () => {
    let server: Server;
    const received: { path: string; type: string; body: string }[] = [];
    let endpoint = '';
    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk));
        req.on('end', () => {
          received.push({ path: req.url ?? '', type: String(req.headers['content-type']), body });
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('exports spans over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, named by OTEL_SERVICE_NAME, sampled by OTEL_TRACES_SAMPLER', async () => {
      const tracing = tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'tally-a' }, 'svc')!;
      tracing.tracer.startSpan('ingest result').end();
      await tracing.shutdown();
      expect(received).toEqual([expect.objectContaining({ path: '/v1/traces', type: 'application/json' })]);
      // OTLP/JSON: one resource (the service) with its scope's spans.
      const [{ resource, scopeSpans }] = JSON.parse(received[0].body).resourceSpans;
      expect(resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'tally-a' } });
      expect(scopeSpans[0].spans.map((s: { name: string }) => s.name)).toEqual(['ingest result']);

      const silent = tracingFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_SAMPLER: 'always_off' }, 'svc')!;
      silent.tracer.startSpan('ingest result').end();
      await silent.shutdown();
      expect(received).toHaveLength(1);
    });
  });
});
