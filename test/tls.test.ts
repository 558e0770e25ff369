import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMqtt, openMqtt } from '@shailoo/transport';
import { Topics } from '@shailoo/contracts';
import { recordCouncilDay } from '@shailoo/scenario';
import { deviceUrl, freePort, startServerProcess, stopProcess, TEST_OPERATOR_TOKEN } from './server-process';
import { eventually } from './stack';

jest.setTimeout(60_000);

const hasMosquitto = (() => {
  try {
    execFileSync('mosquitto', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // `mosquitto -h` prints its usage and exits 3; only a missing binary throws ENOENT.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();
if (!hasMosquitto && process.env.CI) throw new Error('CI must have Mosquitto installed (scripts/test-servers.sh) for the TLS test');

/** A CA and a certificate it signs for localhost and 127.0.0.1, made with openssl here. */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const at = (f: string) => join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=shailoo test CA',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
  );
  writeFileSync(at('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    at('san.ext'),
    '-out',
    at('server.pem'),
  );
  // Mosquitto reads them as its own user.
  for (const f of ['ca.pem', 'server.pem', 'server.key']) chmodSync(at(f), 0o644);
  return { ca: at('ca.pem'), cert: at('server.pem'), key: at('server.key') };
}

/** A request over HTTPS trusting only `ca`. */
function https(url: string, ca: string | undefined, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body ? 'POST' : 'GET',
        ca,
        headers: body ? { 'content-type': 'application/json', authorization: `Bearer ${TEST_OPERATOR_TOKEN}` } : {},
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe('TLS: HTTPS and mqtts with a certificate from a CA made in the test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shailoo-tls-'));
  chmodSync(dir, 0o755);
  const files = makeCertificates(dir);
  const ca = readFileSync(files.ca, 'utf8');
  const recorded = recordCouncilDay('Кайыңды', 'tls');
  const result = recorded.messages.find((m) => m.kind === 'result')!;
  let mosquitto: ChildProcess | null = null;
  afterAll(async () => {
    if (mosquitto) await stopProcess(mosquitto);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Registers over HTTPS, sends a box's result over mqtts with the device's credentials, and sees it counted. */
  async function roundTrip(http: string, mqtt: string) {
    expect(http.startsWith('https://')).toBe(true);
    await expect(fetch(http.replace('https://', 'http://') + '/api/health')).rejects.toThrow();
    await expect(https(`${http}/api/health`, undefined)).rejects.toThrow(/self.signed|unable to verify|certificate/i);
    const registered = await https(`${http}/api/elections`, ca, { definition: recorded.day.definition, devices: recorded.devices });
    expect(registered.status).toBe(201);
    await expect(connectMqtt(mqtt, { reconnectPeriod: 0 })).rejects.toThrow(/self.signed|unable to verify|certificate/i);
    const device = await connectMqtt(deviceUrl(mqtt, registered.body.credentials, result.deviceId), { reconnectPeriod: 0, ca });
    const acked = new Promise<void>((resolve) => device.on('message', () => resolve()));
    await device.subscribeAsync(Topics.ack(result.deviceId), { qos: 1 });
    await device.publishAsync(Topics.result(recorded.day.definition.id, result.deviceId), result.envelope, { qos: 1 });
    await acked;
    await device.endAsync();
    const results = await eventually(async () => {
      const r = await https(`${http}/api/elections/${recorded.day.definition.id}/results`, ca);
      return r.body.precinctsReporting === 1 ? r : null;
    });
    expect(results.status).toBe(200);
  }

  it('the tally server with its embedded broker: HTTPS, and an mqtts-only broker', async () => {
    const server = await startServerProcess({
      PGLITE_DIR: 'memory://',
      MQTT_PORT: String(await freePort()),
      TLS_CERT: files.cert,
      TLS_KEY: files.key,
      TLS_CA: files.ca,
    });
    try {
      expect(server.mqtt.startsWith('mqtts://')).toBe(true);
      // Plain MQTT on the TLS port never gets a CONNACK.
      const plain = openMqtt(server.mqtt.replace('mqtts://', 'mqtt://'), { reconnectPeriod: 0 });
      const outcome = await new Promise((resolve) => {
        plain.once('connect', () => resolve('connected'));
        setTimeout(() => resolve('no connack'), 2000);
      });
      plain.end(true);
      expect(outcome).toBe('no connack');
      await roundTrip(server.http, server.mqtt);
    } finally {
      await stopProcess(server.child);
    }
  });

  (hasMosquitto ? it : it.skip)('the tally server on Mosquitto over mqtts, with the password file it writes', async () => {
    const port = await freePort();
    const passwd = join(dir, 'passwd');
    const acl = join(dir, 'acl.conf');
    writeFileSync(acl, readFileSync(join(__dirname, '..', 'deploy', 'broker', 'mosquitto-acl.conf')));
    chmodSync(acl, 0o644);
    const conf = join(dir, 'mosquitto.conf');
    writeFileSync(
      conf,
      [`listener ${port} 127.0.0.1`, 'allow_anonymous true', `password_file ${passwd}`, `acl_file ${acl}`]
        .concat([`cafile ${files.ca}`, `certfile ${files.cert}`, `keyfile ${files.key}`])
        .join('\n') + '\n',
    );
    chmodSync(conf, 0o644);
    // deploy/broker/mosquitto-start.sh: Mosquitto, reloaded whenever the tally server rewrites the password file.
    mosquitto = spawn('sh', [join(__dirname, '..', 'deploy', 'broker', 'mosquitto-start.sh'), conf, passwd], { stdio: 'ignore' });
    const mqtt = `mqtts://localhost:${port}`;
    await eventually(
      () =>
        connectMqtt(mqtt, { reconnectPeriod: 0, ca }).then(
          (c) => c.endAsync().then(() => true),
          () => false,
        ),
      10_000,
      'Mosquitto',
    );
    const server = await startServerProcess({
      PGLITE_DIR: 'memory://',
      MQTT_URL: mqtt,
      BROKER_SECRET: 'tls-test-broker-secret-0123456789abcdef',
      BROKER_PASSWORD_FILE: passwd,
      TLS_CERT: files.cert,
      TLS_KEY: files.key,
      TLS_CA: files.ca,
    });
    try {
      await roundTrip(server.http, mqtt);
    } finally {
      await stopProcess(server.child);
    }
  });
});
