/**
 * Mosquitto's max_packet_size for aedes: reads the fixed header of every MQTT packet off the same
 * chunks the broker parses, and says when one declares a body larger than `maxBytes` — before
 * anything buffers it. Pure: it keeps only where it is in the stream.
 */
export class PacketSizeGuard {
  /** Bytes of the current packet's body still to skip. */
  private need = 0;
  /** The remaining length read so far, or -1 between packets (at a packet's first byte). */
  private length = -1;
  /** The weight of the remaining length's next byte (a varint of up to 4 bytes, 7 bits each). */
  private scale = 1;

  constructor(private readonly maxBytes: number) {}

  /** Takes the next chunk of the stream; false once a packet declares more than the limit. */
  accepts(chunk: Uint8Array): boolean {
    for (let i = 0; i < chunk.length;) {
      if (this.need > 0) {
        const skip = Math.min(this.need, chunk.length - i);
        this.need -= skip;
        i += skip;
      } else if (this.length < 0) {
        // The packet's type and flags.
        this.length = 0;
        this.scale = 1;
        i++;
      } else {
        const byte = chunk[i++];
        this.length += (byte & 0x7f) * this.scale;
        this.scale *= 128;
        if (byte & 0x80 && this.scale < 128 ** 4) continue;
        this.need = this.length;
        this.length = -1;
        if (this.need > this.maxBytes) return false;
      }
    }
    return true;
  }
}
