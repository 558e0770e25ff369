import { MqttClient } from 'mqtt';
import { connectMqtt, uniqueClientId } from '@shailoo/transport';
import { readMessages } from './message-file';

/**
 * The benchmark's load generator, run as a child process so it does not share a core's event
 * loop with the broker and the server. Stations publish at QoS 1 over `connections` connections,
 * at most `window` unacknowledged publishes per connection (a modem waits for its PUBACK).
 */
async function main(): Promise<void> {
  const [url, file, connectionsArg, windowArg] = process.argv.slice(2);
  const messages = readMessages(file);
  const connections = Number(connectionsArg);
  const window = Number(windowArg);
  const clients: MqttClient[] = await Promise.all(
    Array.from({ length: connections }, (_, i) => connectMqtt(url, { clientId: uniqueClientId(`bench-station-${i}`) })),
  );
  process.send!({ event: 'start' });
  const started = Date.now();
  await Promise.all(
    clients.map(async (client, c) => {
      const mine = messages.filter((_, i) => i % connections === c);
      let next = 0;
      const lane = async () => {
        while (next < mine.length) {
          const m = mine[next++];
          await client.publishAsync(m.topic, m.payload, { qos: 1 });
        }
      };
      await Promise.all(Array.from({ length: window }, lane));
    }),
  );
  process.send!({ event: 'published', ms: Date.now() - started });
  await Promise.all(clients.map((c) => c.endAsync()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
