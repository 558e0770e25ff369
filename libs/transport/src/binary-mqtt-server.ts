import { MqttContext, ServerMqtt } from '@nestjs/microservices';
import { uniqueClientId, withoutNagle } from './mqtt-connection';

/**
 * Nest's MQTT server, binary-safe. The stock `handleMessage` calls `buffer.toString()` and
 * `JSON.parse` before any deserializer, which corrupts protobuf; here every message reaches its
 * `@EventPattern` handler as the raw `Buffer`, with the topic in the `MqttContext`.
 */
export class BinaryMqttServer extends ServerMqtt {
  /** The server a service subscribes with: MQTT 3.1.1 (all that aedes speaks), QoS 1, a unique client id, reconnecting. */
  /** `ca`: the PEM certificates an mqtts:// broker's certificate must chain to (beyond Node's own and NODE_EXTRA_CA_CERTS). */
  static forBroker(url: string, name: string, ca?: string): BinaryMqttServer {
    return new BinaryMqttServer({
      url,
      clientId: uniqueClientId(name),
      protocolVersion: 4,
      reconnectPeriod: 500,
      subscribeOptions: { qos: 1 },
      ...(ca ? { ca } : {}),
    });
  }

  override createMqttClient() {
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
