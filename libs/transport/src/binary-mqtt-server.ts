import { MqttContext, ServerMqtt } from '@nestjs/microservices';
import { MqttClient } from 'mqtt';
import { uniqueClientId, withoutNagle } from './mqtt-connection';

/**
 * Nest's MQTT server, binary-safe. The stock `handleMessage` calls `buffer.toString()` and
 * `JSON.parse` before any deserializer, which corrupts protobuf; here every message reaches its
 * `@EventPattern` handler as the raw `Buffer`, with the topic in the `MqttContext`.
 */
export class BinaryMqttServer extends ServerMqtt {
  private sharedGroup: string | null = null;

  /**
   * The server a service subscribes with: MQTT 3.1.1 (all that aedes speaks), QoS 1, a unique
   * client id, reconnecting. `ca`: the PEM certificates an mqtts:// broker's certificate must chain
   * to (beyond Node's own and NODE_EXTRA_CA_CERTS). `sharedGroup`: subscribe as one of a group
   * (`$share/<group>/…`, Mosquitto): each message goes to one member only.
   */
  static forBroker(url: string, name: string, options: { ca?: string; sharedGroup?: string } = {}): BinaryMqttServer {
    const server = new BinaryMqttServer({
      url,
      clientId: uniqueClientId(name),
      protocolVersion: 4,
      reconnectPeriod: 500,
      subscribeOptions: { qos: 1 },
      ...(options.ca ? { ca: options.ca } : {}),
    });
    server.sharedGroup = options.sharedGroup ?? null;
    return server;
  }

  /** Subscribes to every handler's filter, in the shared group when there is one (the handlers are found without the prefix). */
  override bindEvents(mqttClient: Parameters<ServerMqtt['bindEvents']>[0]): void {
    if (this.sharedGroup) {
      for (const [pattern, handler] of [...this.messageHandlers]) {
        if (pattern.startsWith('$share/')) continue;
        this.messageHandlers.delete(pattern);
        this.messageHandlers.set(`$share/${this.sharedGroup}/${pattern}`, handler);
      }
    }
    super.bindEvents(mqttClient);
  }

  override createMqttClient(): MqttClient {
    return withoutNagle(super.createMqttClient());
  }

  override async handleMessage(channel: string, buffer: Buffer, _pub: unknown, originalPacket?: Record<string, any>): Promise<any> {
    const context = new MqttContext([channel, originalPacket as any]);
    return this.handleEvent(channel, { pattern: channel, data: buffer }, context);
  }

  /**
   * Finds the handler whose topic filter matches. The stock lookup first tries `JSON.parse` on the
   * topic (Nest's patterns may be JSON), which throws for every MQTT topic: a measurable cost per
   * message on the ingest path.
   */
  override getHandlerByPattern(topic: string) {
    const exact = this.messageHandlers.get(topic);
    if (exact) return exact;
    for (const [filter, handler] of this.messageHandlers) {
      if (this.matchMqttPattern(this.removeHandlerKeySharedPrefix(filter), topic)) return handler;
    }
    return null;
  }
}
