import { generate, Packet } from 'mqtt-packet';
import { PacketSizeGuard } from './packet-guard';

const publish = (bytes: number) =>
  generate({ cmd: 'publish', topic: 't', qos: 0, payload: Buffer.alloc(bytes), retain: false, dup: false, messageId: undefined } as unknown as Packet);

describe(PacketSizeGuard.name, () => {
  it('takes packets up to the limit, whole or cut into chunks anywhere', () => {
    const stream = Buffer.concat([publish(10), publish(1000), generate({ cmd: 'pingreq' } as Packet), publish(1021)]);
    expect(new PacketSizeGuard(1024).accepts(stream)).toBe(true);
    for (const size of [1, 2, 3, 7, 100]) {
      const guard = new PacketSizeGuard(1024);
      for (let i = 0; i < stream.length; i += size) expect(guard.accepts(stream.subarray(i, i + size))).toBe(true);
    }
  });

  it('refuses a packet that declares more, at its fixed header, before its body has come', () => {
    const big = publish(2000);
    const guard = new PacketSizeGuard(1024);
    expect(guard.accepts(publish(10))).toBe(true);
    // The fixed header of a 2,000-byte publish: type, then a two-byte remaining length.
    expect(guard.accepts(big.subarray(0, 3))).toBe(false);
  });

  it('reads a four-byte remaining length (up to 256 MiB) and refuses it', () => {
    const guard = new PacketSizeGuard(1024 * 1024);
    // PUBLISH declaring 268,435,455 bytes: 0xff 0xff 0xff 0x7f.
    expect(guard.accepts(Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f]))).toBe(false);
  });
});
