import { syntheticElection } from '@shailoo/scenario';
import { TallyServerHandle } from '@shailoo/tally-server';
import { connectMqtt, uniqueClientId, withCredentials } from '@shailoo/transport';
import { registerOverHttp } from './server-process';
import { externalStack, Stack } from './stack';

jest.setTimeout(120_000);

const secureUrl = process.env.TEST_MQTT_SECURE_URL;
const passwordFile = process.env.TEST_MQTT_PASSWORD_FILE;
const configured = Boolean(secureUrl && passwordFile && process.env.TEST_DATABASE_URL);
if (!configured && process.env.CI)
  throw new Error('CI must set TEST_MQTT_SECURE_URL, TEST_MQTT_PASSWORD_FILE and TEST_DATABASE_URL for the concurrent-registration test');

const SECRET = 'concurrent-registration-secret-0123456789';

/**
 * Two tally servers write one Mosquitto password file. Two elections registered at the same
 * moment, one at each instance: afterwards every device of both logs in (each instance once wrote
 * the file from its own view and dropped the other's new devices).
 */
(configured ? describe : describe.skip)('registrations at two instances at once', () => {
  let stack: Stack;
  const servers: TallyServerHandle[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    await stack?.close();
  });

  it('leave every device of both able to log in to Mosquitto', async () => {
    stack = await externalStack();
    const settings = { mqttUrl: secureUrl!, brokerSecret: SECRET, brokerPasswordFile: passwordFile!, sharedGroup: 'tally-registration' };
    servers.push(await stack.startServer(settings), await stack.startServer(settings));
    const elections = ['a', 'b'].map((n) => syntheticElection(6, `registration-${n}`, `registration-${n}`));
    const answers = await Promise.all(elections.map((e, i) => registerOverHttp(servers[i].httpUrl, { definition: e.definition, devices: e.devices })));
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const refused: string[] = [];
    for (const [i, e] of elections.entries()) {
      for (const d of e.devices) {
        const password = answers[i].body.credentials[d.id];
        const client = await connectMqtt(withCredentials(secureUrl!, d.id, password), {
          clientId: uniqueClientId('registration-probe'),
          reconnectPeriod: 0,
          connectTimeout: 5000,
        }).catch(() => null);
        if (client) await client.endAsync();
        else refused.push(d.id);
      }
    }
    expect(refused).toEqual([]);
  });
});
