import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..');
const run = promisify(execFile);
/** `docker compose` where the plugin is installed, else Debian's `docker-compose` (.ci/run installs it). */
const compose = spawnSync('docker', ['compose', 'version']).status === 0 ? ['docker', 'compose'] : ['docker-compose'];

async function render(overlay: string): Promise<any[]> {
  const { stdout } = await run('kubectl', ['kustomize', join(ROOT, 'deploy', 'k8s', 'overlays', overlay)]);
  return yaml.loadAll(stdout).filter(Boolean) as any[];
}

async function validate(objects: unknown[]): Promise<{ code: number; out: string }> {
  const child = execFile(process.execPath, [join(ROOT, 'scripts', 'validate-k8s.mjs')], { cwd: ROOT });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stdin!.end(objects.map((o) => yaml.dump(o)).join('---\n'));
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  return { code, out };
}

const find = (objects: any[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

/** What users run beyond this machine, rendered and checked here (no cluster, no Docker engine). */
describe('deployment files', () => {
  it('render with kustomize, and every object validates against Kubernetes’ schemas', async () => {
    for (const overlay of ['production', 'loadtest', 'split']) {
      const objects = await render(overlay);
      const { code, out } = await validate(objects);
      expect(out).toMatch(/ 0 invalid/);
      expect(code).toBe(0);
      expect(objects.every((o) => o.kind === 'Namespace' || o.metadata.namespace === 'shailoo')).toBe(true);
    }
    const objects = await render('loadtest');
    const deployment = find(objects, 'Deployment', 'tally-server');
    expect(deployment.spec.replicas).toBe(4);
    const [container] = deployment.spec.template.spec.containers;
    expect(container.image).toBe('ghcr.io/shailoo-sim/shailoo-sim:0.2.0');
    expect(container.livenessProbe.httpGet.path).toBe('/api/health/live');
    expect(container.readinessProbe.httpGet.path).toBe('/api/health/ready');
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value ?? e.valueFrom.secretKeyRef.name]));
    expect(env).toMatchObject({ MQTT_SHARED_GROUP: 'tally', OPERATOR_TOKEN: 'shailoo-secrets', BROKER_SECRET: 'shailoo-secrets' });
    expect(container.resources.requests.cpu).toBeDefined();
    expect(find(objects, 'PodDisruptionBudget', 'tally-server').spec.minAvailable).toBe(1);
    // The load agents: an Indexed Job whose pods the headless Service names, and the coordinator that reaches each of them.
    const agents = find(objects, 'Job', 'loadtest-agent');
    expect(agents.spec.completionMode).toBe('Indexed');
    expect(agents.spec.template.spec.subdomain).toBe(find(objects, 'Service', 'loadtest-agents').metadata.name);
    expect(find(objects, 'Service', 'loadtest-agents').spec.clusterIP).toBe('None');
    const coordinator = find(objects, 'Job', 'loadtest-coordinator').spec.template.spec.containers[0];
    const agentList = coordinator.args[coordinator.args.indexOf('--agents') + 1].split(',');
    expect(agentList).toEqual(Array.from({ length: agents.spec.completions }, (_, i) => `loadtest-agent-${i}.loadtest-agents:7400`));
    expect(find(objects, 'Service', 'mosquitto').spec.type).toBe('LoadBalancer');
    expect(find(objects, 'Ingress', 'live-page').spec.rules[0].http.paths[0].backend.service.name).toBe('tally-server');
    // The broker's configuration is compose's own files, in a ConfigMap the StatefulSet mounts.
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('mosquitto-config'));
    expect(Object.keys(config.data).sort()).toEqual(['acl.conf', 'mosquitto-start.sh', 'mosquitto.conf']);
    expect(find(objects, 'StatefulSet', 'mosquitto').spec.template.spec.volumes[0].configMap.name).toBe(config.metadata.name);
  });

  it('the split overlay runs an ingest-only tier beside the aggregating one, and sends reads only to the aggregating instances', async () => {
    const objects = await render('split');
    const role = (d: any) => d.spec.template.spec.containers[0].env.find((e: any) => e.name === 'TALLY_ROLE')?.value;
    const aggregate = find(objects, 'Deployment', 'tally-server');
    const ingest = find(objects, 'Deployment', 'tally-server-ingest');
    expect([role(aggregate), role(ingest)]).toEqual(['aggregate', 'ingest']);
    expect(ingest.spec.replicas).toBeGreaterThan(aggregate.spec.replicas);
    // Every Service selects pods of one tier only, and none the ingest tier's (it answers no reads).
    const selects = (service: any, d: any) => Object.entries(service.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v);
    const services = objects.filter((o) => o.kind === 'Service');
    expect(services.filter((svc) => selects(svc, ingest))).toEqual([]);
    expect(services.filter((svc) => selects(svc, aggregate)).map((svc) => svc.metadata.name)).toEqual(['tally-server']);
    expect(find(objects, 'Ingress', 'live-page').spec.rules[0].http.paths[0].backend.service.name).toBe('tally-server');
    // The same probes, secrets and broker accounts for both tiers.
    expect(ingest.spec.template.spec.containers[0].readinessProbe).toEqual(aggregate.spec.template.spec.containers[0].readinessProbe);
    expect(ingest.spec.template.spec.volumes).toEqual(aggregate.spec.template.spec.volumes);
    expect(find(objects, 'PodDisruptionBudget', 'tally-server-ingest').spec.selector.matchLabels['app.kubernetes.io/name']).toBe('tally-server-ingest');
  });

  it('the validator refuses an object that breaks the schema', async () => {
    const [deployment] = (await render('production')).filter((o) => o.kind === 'Deployment');
    const broken = { ...deployment, spec: { ...deployment.spec, replicas: 'four' } };
    const { code, out } = await validate([broken]);
    expect(code).toBe(1);
    expect(out).toMatch(/INVALID apps\/v1 Deployment shailoo\/tally-server: .*replicas must be integer/);
  });

  it('docker compose config accepts the stack with both profiles, and refuses it without the operator’s token', async () => {
    const env = { ...process.env, OPERATOR_TOKEN: 'o'.repeat(32), BROKER_SECRET: 's'.repeat(32) };
    const args = [...compose.slice(1), '--profile', 'observability', '--profile', 'faults', 'config'];
    const { stdout } = await run(compose[0], args, { cwd: ROOT, env });
    const config = yaml.load(stdout) as any;
    expect(Object.keys(config.services).sort()).toEqual(['grafana', 'http', 'link-proxy', 'mosquitto', 'postgres', 'prometheus', 'tally-server']);
    expect(config.services['tally-server'].healthcheck.test.join(' ')).toContain('/api/health/ready');
    expect(config.services.http.depends_on['tally-server'].condition).toBe('service_healthy');
    const { OPERATOR_TOKEN: _omitted, ...withoutToken } = env;
    await expect(run(compose[0], [...compose.slice(1), 'config'], { cwd: ROOT, env: withoutToken })).rejects.toThrow(/OPERATOR_TOKEN/);
  });
});
